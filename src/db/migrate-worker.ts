// The body of the migration thread (src/db/migrate-thread.ts): applies prisma/migrations to the
// Postgres database at `connectionString` and returns the names applied.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { applyMigrations } from './migrations.js';

export default async function migrate({ connectionString }: { connectionString: string }): Promise<string[]> {
  const pool = new pg.Pool({ connectionString, max: 2 });
  try {
    return await applyMigrations(new PrismaPg(pool));
  } finally {
    await pool.end();
  }
}

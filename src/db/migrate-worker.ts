// The body of the migration thread (src/db/migrate-thread.ts): applies prisma/migrations to the
// Postgres database at `connectionString` and returns the names applied.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { applyMigrations } from './migrations.js';

/**
 * Prisma's pg adapter runs a migration by cutting it at every ";" (a function body with several
 * statements falls apart) and sending the pieces one by one. Sent whole, in the simple query
 * protocol, the script is parsed by Postgres itself, dollar-quoted bodies included, and runs as
 * one transaction, as it does through the PGlite adapter and Prisma's native engine.
 */
class WholeScriptPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    };
    return adapter;
  }
}

export default async function migrate({ connectionString }: { connectionString: string }): Promise<string[]> {
  const pool = new pg.Pool({ connectionString, max: 2 });
  try {
    return await applyMigrations(new WholeScriptPg(pool));
  } finally {
    await pool.end();
  }
}

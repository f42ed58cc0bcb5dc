import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database, type StorageKind } from '../../src/db/database.js';

/** The server every Postgres test database is created on (a fresh database per test file). */
export const postgresAdminUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * Names of the databases (and temp folders) tests create start with this, so that runs sharing a
 * Postgres (two Node versions in CI, two checkouts) can be told apart and cleaned up.
 */
export const testDatabasePrefix = process.env.TEST_DATABASE_PREFIX ?? 'na_test_';
if (!/^[a-z_][a-z0-9_]{0,39}$/.test(testDatabasePrefix)) {
  throw new Error('TEST_DATABASE_PREFIX must be 1 to 40 of a-z, 0-9 and _, starting with a letter or _');
}

/** The storage modes a test runs on: both unless TEST_STORAGE names one. */
export function storageKinds(): StorageKind[] {
  const only = process.env.TEST_STORAGE;
  if (only === 'postgres' || only === 'embedded') return [only];
  return ['postgres', 'embedded'];
}

export interface TestDatabase {
  database: Database;
  /** Postgres URL of the test database (postgres kind only). */
  url: string | undefined;
  /** Data folder (embedded kind only). */
  dataDir: string | undefined;
  /** Closes the connections and removes the database. */
  destroy(): Promise<void>;
}

export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${testDatabasePrefix}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: postgresAdminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A migrated, empty database of the given kind, private to the caller. */
export async function createTestDatabase(kind: StorageKind, poolSize = 10): Promise<TestDatabase> {
  if (kind === 'postgres') {
    const { url, drop } = await createEmptyPostgresDatabase();
    const database = await openDatabase({ databaseUrl: url, poolSize });
    await database.migrate();
    return {
      database,
      url,
      dataDir: undefined,
      async destroy() {
        await database.close();
        await drop();
      },
    };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), testDatabasePrefix.replaceAll('_', '-')));
  const database = await openDatabase({ dataDir });
  await database.migrate();
  return {
    database,
    url: undefined,
    dataDir,
    async destroy() {
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.js';
import { applyMigrationsOnThread } from './migrate-thread.js';
import { applyMigrations } from './migrations.js';
import { listenPostgres, singleProcess, type NotificationHandler, type Subscription } from './notifications.js';
import { createPGlite, lockDataDir, PGliteAdapterFactory } from './pglite.js';
import { pgliteReader, poolReader, type SqlReader } from './sql-reader.js';
import { adapterStatementNames, STATEMENT_NAME_LIMIT, statementNamer } from './statement-names.js';

export type StorageKind = 'postgres' | 'embedded';

export interface DatabaseOptions {
  /** Postgres URL; when absent the embedded PGlite database in `dataDir` is used. */
  databaseUrl?: string | undefined;
  /** A streaming replica of `databaseUrl` for reads (Postgres only). */
  replicaUrl?: string | undefined;
  dataDir?: string;
  poolSize?: number;
  /** Named prepared statements on Postgres (src/db/statement-names.ts); default true. */
  preparedStatements?: boolean;
}

export interface Database {
  kind: StorageKind;
  prisma: PrismaClient;
  /** The read replica's client, when one is configured. */
  replica: PrismaClient | null;
  /** Hot page reads straight on the driver of the primary (src/db/sql-reader.ts). */
  reader: SqlReader;
  /** The same on the read replica. */
  replicaReader: SqlReader | null;
  /** Applies pending migrations from prisma/migrations; returns their names. */
  migrate(): Promise<string[]>;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /** Receives the NOTIFY payloads of `channel` from every process on this database (notifications.ts). */
  listen(channel: string, handler: NotificationHandler): Subscription;
  close(): Promise<void>;
}

// Any fixed number works; it only has to be the same for every process of this service.
const MIGRATION_LOCK_KEY = 727_073_690;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.replicaUrl, options.poolSize ?? 10, options.preparedStatements ?? true)
    : openEmbedded(path.resolve(options.dataDir ?? './data'));
}

// connectionTimeoutMillis also bounds the wait for a free pooled connection: long enough for a
// burst of ingests to queue (like the transactions' maxWait), where an unreachable server fails fast.
// Prisma and the page reader share one pool per server.
function postgresConnection(connectionString: string, max: number, preparedStatements: boolean) {
  const pool = new pg.Pool({ connectionString, max, connectionTimeoutMillis: 15_000 });
  // An idle connection that dies (Postgres restarting) is replaced by the pool; the next query
  // reports any real outage. Without a listener the pool's 'error' event would end the process.
  pool.on('error', () => {});
  // A connection that dies while checked out (Postgres stopping mid-transaction) fails the query
  // on it; its own 'error' event, with no listener, would end the process.
  pool.on('connect', (client) => client.on('error', () => {}));
  const statementName = statementNamer(preparedStatements ? STATEMENT_NAME_LIMIT : 0);
  return {
    prisma: new PrismaClient({ adapter: new PrismaPg(pool, adapterStatementNames(statementName)) }),
    reader: poolReader(pool, statementName),
    // Ended here, not by Prisma: a client that never ran a query (a replica read only through the
    // page reader) does not dispose of its adapter.
    async close() {
      await this.prisma.$disconnect();
      await pool.end();
    },
  };
}

function openPostgres(
  connectionString: string,
  replicaUrl: string | undefined,
  poolSize: number,
  preparedStatements: boolean,
): Database {
  const primaryConnection = postgresConnection(connectionString, poolSize, preparedStatements);
  const { prisma, reader } = primaryConnection;
  const replicaConnection = replicaUrl ? postgresConnection(replicaUrl, poolSize, preparedStatements) : null;
  const replica = replicaConnection?.prisma ?? null;
  return {
    kind: 'postgres',
    prisma,
    replica,
    reader,
    replicaReader: replicaConnection?.reader ?? null,
    async migrate() {
      // Several processes may start at once: one migrates while the others wait for it.
      const lockClient = new pg.Client({ connectionString });
      lockClient.on('error', () => {});
      await lockClient.connect();
      try {
        await lockClient.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        return await applyMigrationsOnThread(connectionString);
      } finally {
        await lockClient.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        await lockClient.end();
      }
    },
    // On the page readers: a probe polled by orchestrators needs no trip through Prisma's query path.
    async ping() {
      await reader.rows({ text: 'SELECT 1', values: [] });
      if (replicaConnection) await replicaConnection.reader.rows({ text: 'SELECT 1', values: [] });
    },
    listen: (channel, handler) => listenPostgres(connectionString, channel, handler),
    async close() {
      await primaryConnection.close();
      await replicaConnection?.close();
    },
  };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  await mkdir(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  const pglite = await createPGlite(dataDir).catch((error: unknown) => {
    unlock();
    throw error;
  });
  const adapterFactory: SqlMigrationAwareDriverAdapterFactory = new PGliteAdapterFactory(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: 'embedded',
    prisma,
    replica: null,
    reader: pgliteReader(pglite),
    replicaReader: null,
    migrate: () => applyMigrations(adapterFactory),
    async ping() {
      await pglite.query('SELECT 1');
    },
    listen: () => singleProcess,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
      unlock();
    },
  };
}

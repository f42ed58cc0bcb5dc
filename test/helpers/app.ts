import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { Test } from 'tap';
import { buildApp } from '../../src/app.js';
import type { StorageKind } from '../../src/db/database.js';
import { createTestDatabase, type TestDatabase } from './database.js';

export interface LogLine {
  level: number;
  msg?: string;
  err?: unknown;
  [key: string]: unknown;
}

export interface TestApp {
  app: FastifyInstance;
  db: TestDatabase;
  /** Every JSON log line the app wrote. */
  logs: LogLine[];
}

/** An app on a fresh migrated database, closed when the test ends; logs are captured. */
export async function createTestApp(t: Test, kind: StorageKind, options: { bodyLimit?: number } = {}): Promise<TestApp> {
  const db = await createTestDatabase(kind);
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const app = await buildApp({ database: db.database, logger: { level: 'info', stream }, ...options });
  t.teardown(async () => {
    await app.close();
    await db.destroy();
  });
  return { app, db, logs };
}

import { Writable } from 'node:stream';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Test } from 'tap';
import { buildApp } from '../../src/app.js';
import type { StorageKind } from '../../src/db/database.js';
import { Store } from '../../src/repositories/store.js';
import type { ApiKeyScope } from '../../src/schemas/api-keys.js';
import { ApiKeyService } from '../../src/services/api-key-service.js';
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
  /** An admin API key of this app's database. */
  adminKey: string;
  /** app.inject with the admin key, unless the request brings its own Authorization. */
  api(request: InjectOptions): Promise<LightMyRequestResponse>;
  /** Creates a key with the given scopes and name; returns the plain key. */
  createKey(scopes: ApiKeyScope[], name?: string): Promise<string>;
}

/** An app on a fresh migrated database, closed when the test ends; logs are captured. */
export async function createTestApp(
  t: Test,
  kind: StorageKind,
  options: { bodyLimit?: number; rateLimitMax?: number } = {},
): Promise<TestApp> {
  const db = await createTestDatabase(kind);
  const logs: LogLine[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const app = await buildApp({ database: db.database, logger: { level: 'info', stream }, queueDatabaseUrl: db.url, ...options });
  t.teardown(async () => {
    await app.close();
    await db.destroy();
  });
  const apiKeys = new ApiKeyService(new Store(db.database));
  let keyCount = 0;
  const createKey = async (scopes: ApiKeyScope[], name = `test-${scopes.join('-')}-${++keyCount}`) =>
    (await apiKeys.create({ name, scopes })).key;
  const adminKey = await createKey(['admin'], 'test-admin');
  const api = (request: InjectOptions) =>
    app.inject({ ...request, headers: { authorization: `Bearer ${adminKey}`, ...request.headers } });
  return { app, db, logs, adminKey, api, createKey };
}

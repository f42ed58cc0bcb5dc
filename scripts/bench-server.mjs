// @ts-check
// The server side of `npm run bench`: the service as `npm start` runs it (compiled, from dist/,
// plain Node with the same heap flags), plus the reference routes of scripts/bench-references.mjs
// registered on the same Fastify app: the same rows read through a raw `pg` pool and nothing else.
// Plain JavaScript on purpose: a TypeScript loader in this process would be measured as well.
// Started by scripts/bench.ts with DATABASE_URL set; sends {port} to its parent over IPC.
import { writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../dist/app.js';
import { openDatabase } from '../dist/db/database.js';
import { Store } from '../dist/repositories/store.js';
import { ApiKeyService } from '../dist/services/api-key-service.js';
import { registerReferences } from './bench-references.mjs';

// Every statement sent to Postgres through pg (the service's pool, Prisma's adapter and the
// references share this module), counted so that the bench can say how many statements a request runs.
let statements = 0;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = /** @type {typeof query} */ (
  function (/** @type {any[]} */ ...args) {
    statements++;
    return query.apply(this, /** @type {any} */ (args));
  }
);

// Garbage-collection pauses of the main thread (ms, count, longest since the last question), so
// that the bench can say how much of each side's run was spent in them.
const gc = { ms: 0, count: 0, max: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.ms += entry.duration;
    gc.count++;
    gc.max = Math.max(gc.max, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

const databaseUrl = /** @type {string} */ (process.env.DATABASE_URL);
const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const database = await openDatabase({ databaseUrl, poolSize });
await database.migrate();
await new ApiKeyService(new Store(database)).ensureAdminKey(/** @type {string} */ (process.env.BENCH_ADMIN_KEY));
// As src/server.ts builds it, with the ingest queue on the same Postgres (ingest jobs are read
// too), and without the per-key rate limit (600 requests a minute by default), which would turn a
// load test into 429s.
const app = await buildApp({
  database,
  queueDatabaseUrl: databaseUrl,
  logger: { level: process.env.BENCH_LOG_LEVEL ?? 'info', stream: pino.destination({ dest: process.env.BENCH_LOG_FILE ?? '/dev/null', sync: false }) },
});

const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
// The references send their statements unnamed, as a plain pool.query does; BENCH_REFERENCE_PREPARED=1
// names them, so that they too are parsed and planned once per connection, as the service's are.
registerReferences(app, pool, { named: process.env.BENCH_REFERENCE_PREPARED === '1' });

await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });

// BENCH_CPU_PROF: the parent profiles one measured run at a time ({ profile: 'start' }, then
// { profile: 'stop', file }), so that a profile shows that run and not the seeding before it.
const session = new inspector.Session();
const inspect = (/** @type {string} */ method, /** @type {object} */ params = {}) =>
  new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
process.on('message', async (/** @type {{ profile?: 'start' | 'stop', file?: string, statements?: true, gc?: true }} */ message) => {
  if (message.statements) process.send?.({ statements });
  if (message.gc) {
    process.send?.({ gc: { ...gc } });
    gc.max = 0;
  }
  if (message.profile === 'start') {
    session.connect();
    await inspect('Profiler.enable');
    await inspect('Profiler.setSamplingInterval', { interval: 250 });
    await inspect('Profiler.start');
    process.send?.({ profiling: 'started' });
  } else if (message.profile === 'stop') {
    const { profile } = /** @type {{ profile: object }} */ (await inspect('Profiler.stop'));
    session.disconnect();
    writeFileSync(/** @type {string} */ (message.file), JSON.stringify(profile));
    process.send?.({ profiling: 'stopped' });
  }
});

const stop = async () => {
  await app.close();
  await pool.end();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());

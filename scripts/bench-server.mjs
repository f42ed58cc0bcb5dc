// @ts-check
// The server side of `npm run bench`: the service as `npm start` runs it (compiled, from dist/,
// plain Node with the same heap flags), plus the reference routes of scripts/bench-references.mjs
// registered on the same Fastify app: the same rows read through a raw `pg` pool and nothing else.
// Plain JavaScript on purpose: a TypeScript loader in this process would be measured as well.
// Started by scripts/bench.ts with DATABASE_URL set; sends {port} to its parent over IPC.
import { writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
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

// Bytes the main thread allocates during a measured round ({ alloc: 'start' }, then { alloc: 'stop' },
// answered with { allocated }): the heap's growth plus what each garbage collection in between
// freed (v8.GCProfiler, on only during the round, so that its records cost seeding nothing).
/** @type {{ profiler: import('node:v8').GCProfiler, usedBefore: number } | null} */
let allocation = null;
const usedHeap = () => v8.getHeapStatistics().used_heap_size;

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
process.on('message', async (/** @type {{ profile?: 'start' | 'stop', file?: string, statements?: true, gc?: true, alloc?: 'start' | 'stop', heap?: 'start' | 'stop' }} */ message) => {
  if (message.statements) process.send?.({ statements });
  if (message.alloc === 'start') {
    allocation = { profiler: new v8.GCProfiler(), usedBefore: usedHeap() };
    allocation.profiler.start();
    process.send?.({ allocating: true });
  } else if (message.alloc === 'stop' && allocation) {
    const { usedBefore, profiler } = allocation;
    const collections = /** @type {{ statistics: { beforeGC: { heapStatistics: { usedHeapSize: number } }, afterGC: { heapStatistics: { usedHeapSize: number } } }[] }} */ (profiler.stop());
    const freed = collections.statistics.reduce((sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize, 0);
    allocation = null;
    process.send?.({ allocated: usedHeap() - usedBefore + freed });
  }
  if (message.gc) {
    process.send?.({ gc: { ...gc } });
    gc.max = 0;
  }
  // A sampling heap profile of what is allocated meanwhile, collected or not ({ heap: 'start' },
  // then { heap: 'stop', file }): where a read's allocations come from. Not used by bench.ts; for a
  // driver of one's own that sends these messages around the requests it wants profiled.
  if (message.heap === 'start') {
    session.connect();
    await inspect('HeapProfiler.enable');
    await inspect('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
    process.send?.({ heapProfiling: 'started' });
  } else if (message.heap === 'stop') {
    const { profile } = /** @type {{ profile: object }} */ (await inspect('HeapProfiler.stopSampling'));
    session.disconnect();
    writeFileSync(/** @type {string} */ (message.file), JSON.stringify(profile));
    process.send?.({ heapProfiling: 'stopped' });
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

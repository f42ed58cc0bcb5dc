// npm run bench: every GET operation of the API and ingest, against the hardware, bounded in time.
//
// Checks that every GET operation of openapi/openapi.json (and of the document the built service
// serves) has an entry in scripts/bench-operations.ts, and stops naming any that has none. Then
// creates a fresh database on the Postgres at BENCH_DATABASE_URL (default 127.0.0.1:5432, user
// postgres), builds the service and starts it in a child process as `npm start` runs it
// (scripts/bench-server.mjs: the compiled app from dist/, with the start script's Node flags, plus
// the reference routes of scripts/bench-references.mjs, which read the same rows with raw `pg`),
// seeds it over HTTP (scripts/bench-seed.ts), checks that each operation and its reference answer
// the same rows, then measures with autocannon in this process, for each operation in turn, the
// API and its reference in alternating rounds (API then reference, then reference then API, ...:
// the load of other processes on a shared machine comes in bursts of seconds, and one long run per
// side let a burst land on one side only; req/s is over all rounds of a side, p50/p99 of all its
// responses), and last the ingest of
// fixture-sized articles by concurrent writers. It prints, per operation, req/s, p99, the ratios
// to the reference and pass/miss against the targets, the server's CPU and main-thread heap
// allocation per request of each side (the heap's growth plus what GC freed in its rounds: far
// less noisy than p99 on a shared host); articles/s; the server's peak RSS; and a host-speed
// gauge. The database is dropped at the end.
//
// Environment: BENCH_DURATION (s measured per side and operation, 4), BENCH_ROUNDS (rounds that
// time is cut into, 4; whole seconds each), BENCH_WARMUP (s of warm-up per side, 1),
// BENCH_CONNECTIONS (50), BENCH_INGEST_DURATION (s, 15), BENCH_INGEST_CONNECTIONS (10 writers),
// BENCH_ONLY (reads, ingest, or operation names separated by commas, e.g. getArticleQuote,listArticles),
// BENCH_VERIFY=1 (seed and compare every operation with its reference, measure nothing),
// BENCH_LOG_LEVEL (info, logs go to /dev/null), BENCH_CPU_PROF=1 (profile the server's main thread during
// the first measured round of each API and the ingest run, and print the hottest functions of each;
// =both profiles the references' too), BENCH_NODE_FLAGS (the server's Node flags instead of
// the start script's), BENCH_JSON=path (write the figures as JSON), BENCH_REFERENCE_PREPARED=1 (the
// reference routes use named prepared statements, as the service does), BENCH_KEEP_DATABASE=1 (keep the
// seeded database for EXPLAIN and print its URL).
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { startCommand } from '../test/helpers/start-command.js';
import { coverageProblems, readBenches, type BenchContext, type ReadBench } from './bench-operations.js';
import { seed } from './bench-seed.js';
import { fixtureVariant } from '../test/faults/articles.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const adminKey = `na_bench${'b'.repeat(36)}`;

/** Targets: a single object at least half its raw read, a list 70 % of the raw query; p99 at most 1.5×. */
const TARGETS = { single: 0.5, list: 0.7, p99: 1.5, ingestPerSecond: 100, rssBytes: 300 * 2 ** 20 };

// ---------------------------------------------------------------------------------------------
// The driver

interface RunFigures {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
}

function readRss(pid: number): { rss: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

/**
 * CPU seconds (user + system) used so far by a process, from /proc (Linux); with `children`, also
 * by its children that have exited (so a postmaster's total covers backends that came and went).
 */
function cpuSeconds(pid: number, children = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime, stime, cutime, cstime in clock ticks (100 per second)
    const own = Number(fields[11]) + Number(fields[12]);
    return (children ? own + Number(fields[13]) + Number(fields[14]) : own) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds used so far by the Postgres processes that serve `database`: its backends and
 * autovacuum workers (their command line names it) and the server's shared processes (the
 * checkpointer, writers, launchers), not the backends of other databases (other work on a shared
 * machine, such as test suites on their own databases). Backends that ended meanwhile are not
 * counted (the bench's pool keeps its connections).
 */
function postgresCpuSecondsOf(database: string): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      // 'postgres: user db 127.0.0.1(port) state', 'postgres: 15/main: autovacuum worker db'; the postmaster's own line is its path.
      const backend = /^postgres: (?:\S+: )?(?:autovacuum worker (\S+)|\S+ (\S+) (?:\[local\]|\S+\(\d+\)))/.exec(args);
      const db = backend?.[1] ?? backend?.[2];
      if (db === undefined || db === database) total += cpuSeconds(Number(entry), false);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** CPU seconds used so far by every Postgres server process on this machine. */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') total += cpuSeconds(Number(entry), true);
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** The server's Node flags: BENCH_NODE_FLAGS, else those of `npm start`. */
function serverNodeFlags(): string[] {
  if (process.env.BENCH_NODE_FLAGS !== undefined) return process.env.BENCH_NODE_FLAGS.split(/\s+/).filter(Boolean);
  return startCommand().nodeFlags;
}

/**
 * Milliseconds a fixed piece of CPU work takes in this process: the same code every run, so a run
 * where it is much slower than usual ran on a slowed host (this machine shares its cores), and its
 * absolute figures (ingest per second) say more about the host than about the service.
 */
function hostSpeedMs(): number {
  const start = performance.now();
  let hash = 0;
  for (let i = 0; i < 30_000_000; i++) hash = (Math.imul(hash, 31) + i) | 0;
  if (hash === 42) console.log(''); // uses the result, so the loop cannot be optimized away
  return performance.now() - start;
}

/** One autocannon run; with `latencies`, every response's latency (ms) is added to it. */
async function cannon(name: string, options: autocannon.Options, latencies?: number[]): Promise<RunFigures & { seconds: number }> {
  // Without a callback autocannon answers its instance, an event emitter that is also a promise.
  const instance = autocannon({ ...options }) as Promise<autocannon.Result> & {
    on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  };
  if (latencies) instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  return {
    seconds: result.duration,
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const line = (figures: RunFigures) =>
  `${figures.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${String(figures.p50).padStart(4)} ms  p99 ${String(figures.p99).padStart(4)} ms` +
  (figures.non2xx + figures.errors > 0 ? `  (${figures.non2xx} non-2xx, ${figures.errors} errors)` : '');

/** Figures of one operation: the API, its reference, and the CPU each cost per request. */
interface ReadResult {
  bench: ReadBench;
  api: RunFigures;
  reference: RunFigures;
  cpu: { api: number; reference: number; apiPostgres: number; referencePostgres: number };
  /** Bytes the server's main thread allocated per request, API and reference. */
  allocated: { api: number; reference: number };
  statements: StatementCounts;
}

const sameKeys = (a: unknown[], b: unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/** Statements a request ran, API and reference (counted by the server on its pg clients). */
interface StatementCounts {
  api: number;
  reference: number;
}

/**
 * Reads both sides and stops the bench when they do not answer the same rows; answers how many
 * statements each ran (of a second request, so that the API key's lookup is cached as in a run).
 */
async function verify(
  base: string,
  bench: ReadBench,
  context: BenchContext,
  auth: Record<string, string>,
  statements: () => Promise<number>,
): Promise<{ keys: number; statements: StatementCounts }> {
  const read = async (url: string, headers: Record<string, string>) => {
    await fetch(url, { headers }).then((res) => res.arrayBuffer());
    const before = await statements();
    const res = await fetch(url, { headers });
    const body = (await res.json()) as unknown;
    const ran = (await statements()) - before;
    if (res.status !== 200) throw new Error(`${bench.name}: ${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 500)}`);
    return { body, ran };
  };
  const api = await read(`${base}${bench.path(context)}`, { ...(bench.public ? {} : auth), ...bench.headers });
  const reference = await read(`${base}${bench.reference(context)}`, {});
  const apiKeys = bench.apiKeys(api.body);
  const refKeys = bench.referenceKeys(reference.body);
  if (!sameKeys(apiKeys, refKeys) || apiKeys.length === 0) {
    throw new Error(
      `${bench.name}: the reference does not answer the same rows as the API\n  API:       ${JSON.stringify(apiKeys).slice(0, 1500)}\n  reference: ${JSON.stringify(refKeys).slice(0, 1500)}`,
    );
  }
  return { keys: apiKeys.length, statements: { api: api.ran, reference: reference.ran } };
}

async function main(): Promise<void> {
  const benchStart = performance.now();
  const duration = Number(process.env.BENCH_DURATION ?? 4);
  const rounds = Math.max(1, Math.min(Number(process.env.BENCH_ROUNDS ?? 4), Math.floor(duration)));
  const roundSeconds = Math.max(1, Math.round(duration / rounds));
  const warmup = Number(process.env.BENCH_WARMUP ?? 1);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const ingestDuration = Number(process.env.BENCH_INGEST_DURATION ?? 15);
  const ingestConnections = Number(process.env.BENCH_INGEST_CONNECTIONS ?? 10);
  const profile = process.env.BENCH_CPU_PROF === '1' || process.env.BENCH_CPU_PROF === 'both';
  const verifyOnly = process.env.BENCH_VERIFY === '1';
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((name) => name.trim())) : null;
  const runsReads = !only || only.has('reads') || readBenches.some((bench) => only.has(bench.name) || only.has(bench.operationId));
  const runsIngest = !verifyOnly && (!only || only.has('ingest'));
  const selected = readBenches.filter(
    (bench) => !only || only.has('reads') || only.has(bench.name) || only.has(bench.operationId),
  );
  if (only) {
    const known = new Set(['reads', 'ingest', ...readBenches.flatMap((bench) => [bench.name, bench.operationId])]);
    const unknown = [...only].filter((name) => !known.has(name));
    if (unknown.length > 0) throw new Error(`BENCH_ONLY names no operation: ${unknown.join(', ')}`);
  }

  // Every GET operation of the committed spec has a bench entry, or nothing runs.
  const specProblems = coverageProblems(JSON.parse(readFileSync(path.join(projectRoot, 'openapi/openapi.json'), 'utf8')));
  if (specProblems.length > 0) throw new Error(`openapi/openapi.json:\n  ${specProblems.join('\n  ')}`);

  const name = `na_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;

  const profileDir = profile ? mkdtempSync(path.join(os.tmpdir(), 'na-bench-prof-')) : '';
  let child: ChildProcess | undefined;
  let sampler: NodeJS.Timeout | undefined;
  try {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: projectRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    const nodeFlags = serverNodeFlags();
    // The start script's variables, unless this process's environment sets them.
    const startEnv = Object.fromEntries(Object.entries(startCommand().env).map(([name, value]) => [name, process.env[name] ?? value]));
    child = fork(path.join(projectRoot, 'scripts/bench-server.mjs'), [], {
      cwd: projectRoot,
      execArgv: nodeFlags,
      env: { ...process.env, ...startEnv, DATABASE_URL: url.toString(), BENCH_ADMIN_KEY: adminKey },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = child;
    const port = await new Promise<number>((resolve, reject) => {
      server.once('message', (message: { port: number }) => resolve(message.port));
      server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    /** Runs `work` with the server's CPU profiler on (BENCH_CPU_PROF=1) and prints the profile. */
    const profiled = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
      if (!profile) return work();
      const answer = (expected: string) =>
        new Promise<void>((resolve) => {
          const on = (message: { profiling?: string }) => {
            if (message.profiling !== expected) return;
            server.off('message', on);
            resolve();
          };
          server.on('message', on);
        });
      const file = path.join(profileDir, `${label.replace(/[^\w.-]+/g, '_')}.cpuprofile`);
      const started = answer('started');
      server.send({ profile: 'start' });
      await started;
      const result = await work();
      const stopped = answer('stopped');
      server.send({ profile: 'stop', file });
      await stopped;
      printProfile(label, file);
      return result;
    };
    const auth = { authorization: `Bearer ${adminKey}` };
    let peakRss = 0;
    sampler = setInterval(() => {
      peakRss = Math.max(peakRss, readRss(server.pid!).rss);
    }, 200);

    // ... and so has every GET operation of the document the built service serves.
    const served = coverageProblems((await (await fetch(`${base}/openapi.json`)).json()) as Parameters<typeof coverageProblems>[0]);
    if (served.length > 0) throw new Error(`the served /openapi.json:\n  ${served.join('\n  ')}`);

    const rssNow = () => `${(readRss(server.pid!).rss / 2 ** 20).toFixed(0)} MB`;
    const speedBefore = hostSpeedMs();
    const load = () => os.loadavg().map((value) => value.toFixed(1)).join(' ');
    console.log(`news-annotations bench: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, Postgres ${version}; load average ${load()}`);
    const referenceKind = process.env.BENCH_REFERENCE_PREPARED === '1' ? 'named (prepared once per connection)' : 'unnamed (parsed and planned on every call)';
    console.log(`server pid ${server.pid} on ${base} (${Object.entries(startEnv).map(([name, value]) => `${name}=${value} `).join('')}node ${nodeFlags.join(' ')} scripts/bench-server.mjs); RSS at start ${rssNow()}`);
    console.log(`the reference routes' statements are ${referenceKind}; the service's are named\n`);

    const context = await seed(
      { base, headers: auth, projectRoot, databaseUrl: url.toString(), env: { ...process.env, ...startEnv } },
      (text) => console.log(text),
    );
    // Statistics, as a database in service has them: right after seeding autovacuum has not
    // analysed the tables yet, and the planner, taking them for empty, joins before it limits
    // (an entity's quotes took 14 ms of Postgres instead of 0.6). Both sides read with them.
    const benchDb = new pg.Client({ connectionString: url.toString() });
    await benchDb.connect();
    await benchDb.query('ANALYZE');
    await benchDb.end();
    console.log(`RSS after seeding ${rssNow()}; tables analysed\n`);

    // The same rows on both sides, for every operation, before anything is measured.
    const statementCount = () =>
      new Promise<number>((resolve) => {
        const on = (message: { statements?: number }) => {
          if (message.statements === undefined) return;
          server.off('message', on);
          resolve(message.statements);
        };
        server.on('message', on);
        server.send({ statements: true });
      });
    /** The server's GC pauses so far (ms, count) and the longest since the last call. */
    const gcPauses = () =>
      new Promise<{ ms: number; count: number; max: number }>((resolve) => {
        const on = (message: { gc?: { ms: number; count: number; max: number } }) => {
          if (message.gc === undefined) return;
          server.off('message', on);
          resolve(message.gc);
        };
        server.on('message', on);
        server.send({ gc: true });
      });
    /** Bytes the server's main thread allocates while `work` runs (its heap's growth plus what GC freed). */
    const allocatedDuring = async <T>(work: () => Promise<T>): Promise<{ result: T; bytes: number }> => {
      const reply = <M>(pick: (message: M) => boolean) =>
        new Promise<M>((resolve) => {
          const on = (message: M) => {
            if (!pick(message)) return;
            server.off('message', on);
            resolve(message);
          };
          server.on('message', on);
        });
      const started = reply<{ allocating?: true }>((message) => message.allocating === true);
      server.send({ alloc: 'start' });
      await started;
      const result = await work();
      const stopped = reply<{ allocated?: number }>((message) => message.allocated !== undefined);
      server.send({ alloc: 'stop' });
      return { result, bytes: (await stopped).allocated! };
    };
    const reads = runsReads ? selected : [];
    const statementsOf = new Map<ReadBench, StatementCounts>();
    for (const bench of reads) {
      const { keys, statements } = await verify(base, bench, context, auth, statementCount);
      statementsOf.set(bench, statements);
      if (verifyOnly) {
        console.log(`  same rows: ${bench.name.padEnd(28)} ${String(keys).padStart(3)} keys; statements per request: API ${statements.api}, reference ${statements.reference}`);
      }
    }
    console.log(`${reads.length} operations answer the same rows as their references (${readBenches.length} entries for ${new Set(readBenches.map((bench) => bench.operationId)).size} GET operations)`);
    if (verifyOnly) return;

    const results: ReadResult[] = [];
    if (reads.length > 0) {
      console.log(
        `\nreads: ${connections} connections, ${warmup} s warm-up per side, then ${rounds} rounds of ${roundSeconds} s per side (API then reference, reference then API, ...)`,
      );
    }
    // Unmeasured load first: the heap that seeding left is collected under it, not during the first
    // operation's rounds (a 166 ms pause had fallen on getHealth's API side, its reference's longest 20 ms).
    if (reads.length > 0 && warmup > 0) {
      for (const bench of reads.slice(0, 3)) {
        await autocannon({ url: `${base}${bench.path(context)}`, connections, headers: { ...(bench.public ? {} : auth), ...bench.headers }, duration: 1 });
        await autocannon({ url: `${base}${bench.reference(context)}`, connections, duration: 1 });
      }
    }
    for (const bench of reads) {
      const apiOptions = { url: `${base}${bench.path(context)}`, connections, headers: { ...(bench.public ? {} : auth), ...bench.headers } };
      const refOptions = { url: `${base}${bench.reference(context)}`, connections };
      /** A side's rounds, pooled: req/s over all of them, latencies of all their responses, CPU per request. */
      const side = (label: string, options: autocannon.Options, profileIt: boolean) => {
        const latencies: number[] = [];
        const runs: (RunFigures & { seconds: number })[] = [];
        const cpu = { server: 0, postgres: 0 };
        const gc = { ms: 0, count: 0, max: 0 };
        let allocated = 0;
        return {
          runs,
          gc,
          async round(index: number) {
            const gcBefore = await gcPauses();
            const before = { server: cpuSeconds(server.pid!), postgres: postgresCpuSeconds() };
            const run = () => cannon(label, { ...options, duration: roundSeconds }, latencies);
            const measured = profileIt && index === 0 ? await profiled(label, () => allocatedDuring(run)) : await allocatedDuring(run);
            allocated += measured.bytes;
            runs.push(measured.result);
            cpu.server += cpuSeconds(server.pid!) - before.server;
            cpu.postgres += postgresCpuSeconds() - before.postgres;
            const gcAfter = await gcPauses();
            gc.ms += gcAfter.ms - gcBefore.ms;
            gc.count += gcAfter.count - gcBefore.count;
            gc.max = Math.max(gc.max, gcAfter.max);
          },
          pooled() {
            const total = runs.reduce((sum, run) => sum + run.total, 0);
            const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
            latencies.sort((a, b) => a - b);
            const percentile = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
            const figures: RunFigures = {
              name: label,
              requestsPerSecond: total / Math.max(seconds, 1e-9),
              p50: percentile(0.5),
              p99: percentile(0.99),
              total,
              non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
              errors: runs.reduce((sum, run) => sum + run.errors, 0),
            };
            const perRequest = (cpuSeconds: number) => (cpuSeconds * 1000) / Math.max(total, 1);
            return { figures, cpu: perRequest(cpu.server), postgres: perRequest(cpu.postgres), allocated: allocated / Math.max(total, 1) };
          },
        };
      };
      const apiSide = side(bench.name, apiOptions, true);
      const referenceSide = side(`${bench.name} reference`, refOptions, process.env.BENCH_CPU_PROF === 'both');
      if (warmup > 0) {
        await autocannon({ ...apiOptions, duration: warmup });
        await autocannon({ ...refOptions, duration: warmup });
      }
      for (let round = 0; round < rounds; round++) {
        const order = round % 2 === 0 ? [apiSide, referenceSide] : [referenceSide, apiSide];
        for (const each of order) await each.round(round);
      }
      const api = apiSide.pooled();
      const reference = referenceSide.pooled();
      results.push({
        bench,
        api: api.figures,
        reference: reference.figures,
        cpu: { api: api.cpu, reference: reference.cpu, apiPostgres: api.postgres, referencePostgres: reference.postgres },
        allocated: { api: api.allocated, reference: reference.allocated },
        statements: statementsOf.get(bench)!,
      });
      // Each round's ratio, to show how far the host moved them.
      const roundRatios = apiSide.runs.map((run, index) => (run.total / run.seconds / (referenceSide.runs[index]!.total / referenceSide.runs[index]!.seconds)).toFixed(2));
      const gcLine = (gc: { ms: number; count: number; max: number }) => `${gc.ms.toFixed(0)} ms in ${gc.count} (longest ${gc.max.toFixed(0)})`;
      console.log(
        `  ${bench.name.padEnd(28)} API ${line(api.figures)} | reference ${line(reference.figures)} | rounds ${roundRatios.join(' ')} | GC pauses API ${gcLine(apiSide.gc)}, reference ${gcLine(referenceSide.gc)} | allocated per request API ${(api.allocated / 1024).toFixed(0)} kB, reference ${(reference.allocated / 1024).toFixed(0)} kB`,
      );
    }
    if (reads.length > 0) console.log(`  (RSS after the reads ${rssNow()})`);

    let ingest: RunFigures | null = null;
    let ingestCpu = '';
    if (runsIngest) {
      console.log(`\ningest: POST /v1/articles of fixture-sized articles (unique texts), ${ingestConnections} writers, ${ingestDuration} s`);
      let counter = 0;
      const cpuBefore = { server: cpuSeconds(server.pid!), postgres: postgresCpuSeconds(), ownPostgres: postgresCpuSecondsOf(name), bench: process.cpuUsage() };
      ingest = await profiled('ingest', () => cannon('ingest', {
        url: `${base}/v1/articles`,
        connections: ingestConnections,
        duration: ingestDuration,
        requests: [
          {
            method: 'POST',
            headers: { ...auth, 'content-type': 'text/plain' },
            setupRequest: (request: autocannon.Request) => ({ ...request, body: fixtureVariant(2_000_000 + counter++) }),
          },
        ],
      }));
      // Where the CPU of an ingest goes: the service process, Postgres (all its processes, so other
      // work on the machine counts too; and only those serving this database), and this load generator.
      const benchUsage = process.cpuUsage(cpuBefore.bench);
      const perArticle = (seconds: number) => ((seconds * 1000) / Math.max(ingest!.total, 1)).toFixed(1);
      ingestCpu = `service ${perArticle(cpuSeconds(server.pid!) - cpuBefore.server)} ms, Postgres ${perArticle(postgresCpuSeconds() - cpuBefore.postgres)} ms (this database ${perArticle(postgresCpuSecondsOf(name) - cpuBefore.ownPostgres)} ms), load generator ${perArticle((benchUsage.user + benchUsage.system) / 1e6)} ms`;
      console.log(`  ${line(ingest)}; CPU per article: ${ingestCpu} (2 cores = 2000 ms per second)`);
    }
    clearInterval(sampler);
    const speedAfter = hostSpeedMs();
    const { peak } = readRss(server.pid!);
    peakRss = Math.max(peakRss, peak);

    const verdict = (ok: boolean) => (ok ? 'pass' : 'MISS');
    console.log("\nsummary (ratio: API req/s over the reference's; p99x: API p99 over the reference's; stmts: SQL statements per request, API/reference)");
    console.log(
      `  ${'operation'.padEnd(28)} ${'req/s'.padStart(6)} ${'p99'.padStart(5)}   ${'ref/s'.padStart(6)} ${'p99'.padStart(5)}   ${'ratio'.padStart(5)} ${'p99x'.padStart(5)}  target          stmts  CPU ms/req API (ref), Postgres  kB/req API (ref)`,
    );
    let misses = 0;
    const summary = results.map((result) => {
      const ratio = result.api.requestsPerSecond / result.reference.requestsPerSecond;
      const p99Ratio = result.api.p99 / Math.max(result.reference.p99, 1);
      const minimum = TARGETS[result.bench.kind];
      const failed = result.api.non2xx + result.api.errors + result.reference.non2xx + result.reference.errors > 0;
      const pass = ratio >= minimum && p99Ratio <= TARGETS.p99 && !failed;
      if (!pass) misses++;
      console.log(
        `  ${result.bench.name.padEnd(28)} ${result.api.requestsPerSecond.toFixed(0).padStart(6)} ${`${result.api.p99}`.padStart(5)}   ${result.reference.requestsPerSecond.toFixed(0).padStart(6)} ${`${result.reference.p99}`.padStart(5)}   ${ratio.toFixed(2).padStart(5)} ${p99Ratio.toFixed(2).padStart(5)}  ${`>=${minimum} <=${TARGETS.p99}`.padEnd(14)} ${verdict(pass)}  ${`${result.statements.api}/${result.statements.reference}`.padEnd(5)}  ${result.cpu.api.toFixed(2)} (${result.cpu.reference.toFixed(2)}), ${result.cpu.apiPostgres.toFixed(2)} (${result.cpu.referencePostgres.toFixed(2)})  ${(result.allocated.api / 1024).toFixed(0)} (${(result.allocated.reference / 1024).toFixed(0)})${failed ? '  errors or non-2xx answers' : ''}`,
      );
      return { name: result.bench.name, operationId: result.bench.operationId, kind: result.bench.kind, api: result.api, reference: result.reference, ratio, p99Ratio, cpu: result.cpu, allocated: result.allocated, statements: result.statements, pass };
    });
    if (ingest) {
      const pass = ingest.requestsPerSecond >= TARGETS.ingestPerSecond && ingest.non2xx + ingest.errors === 0;
      if (!pass) misses++;
      console.log(`  ${verdict(pass)} ingest: ${ingest.requestsPerSecond.toFixed(0)} articles/s with ${ingestConnections} writers, p99 ${ingest.p99} ms, ${ingest.non2xx} non-2xx (target >= ${TARGETS.ingestPerSecond}/s)`);
    }
    const rssPass = peakRss <= TARGETS.rssBytes;
    if (!rssPass) misses++;
    console.log(`  ${verdict(rssPass)} server peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (target <= ${TARGETS.rssBytes / 2 ** 20} MB)`);
    console.log(
      `\nhost speed: a fixed CPU loop took ${speedBefore.toFixed(0)} ms before the runs and ${speedAfter.toFixed(0)} ms after (about 50 ms on the machine of docs/benchmarks.md when idle; much more means a slowed host); load average ${load()}`,
    );
    const elapsed = (performance.now() - benchStart) / 1000;
    console.log(`${misses === 0 ? 'every target met' : `${misses} target(s) missed`}; the bench took ${elapsed.toFixed(0)} s`);

    if (process.env.BENCH_JSON) {
      writeFileSync(
        process.env.BENCH_JSON,
        JSON.stringify(
          { reads: summary, ingest, ingestCpu, ingestConnections, peakRssBytes: peakRss, hostSpeedMs: [speedBefore, speedAfter], loadAverage: os.loadavg(), elapsedSeconds: elapsed, postgres: version, node: process.version, cores: os.cpus().length },
          null,
          2,
        ),
      );
    }
  } finally {
    if (sampler) clearInterval(sampler);
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    if (process.env.BENCH_KEEP_DATABASE === '1') console.log(`kept the database ${url.toString()} (drop it when done)`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** The hottest functions (self time) of a CPU profile of the server's main thread. */
function printProfile(label: string, file: string): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: { id: number; hitCount: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  };
  const totals = new Map<string, number>();
  let all = 0;
  for (const node of profile.nodes) {
    // Idle samples say the event loop waited (for Postgres, or for requests); the rest is CPU.
    if (node.callFrame.functionName === '(idle)') continue;
    const where = node.callFrame.url.replace(/^file:\/\//, '').replace(projectRoot, '.').replace(/.*node_modules\//, '');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + node.hitCount);
    all += node.hitCount;
  }
  console.log(`\n  CPU profile of the server's main thread during ${label} (${file}), top self time of the busy samples:`);
  for (const [key, hits] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`    ${((hits / all) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
  // The same by package or source folder, which says which layer the time goes to.
  const byArea = new Map<string, number>();
  for (const [key, hits] of totals) {
    const where = key.split(' ').slice(1).join(' ');
    const area = where.startsWith('./src/') || where.startsWith('./dist/')
      ? where.split('/').slice(0, 3).join('/')
      : where.startsWith('@')
        ? where.split('/').slice(0, 2).join('/')
        : where.includes('/')
          ? where.split('/')[0]!
          : key.split(' ')[0]!;
    byArea.set(area, (byArea.get(area) ?? 0) + hits);
  }
  console.log('  by area:');
  for (const [area, hits] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`    ${((hits / all) * 100).toFixed(1).padStart(5)}%  ${area}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

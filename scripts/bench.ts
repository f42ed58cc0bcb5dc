// npm run bench: the service against the hardware limit, on loopback, bounded in time.
//
// Creates a fresh database on the Postgres at BENCH_DATABASE_URL (default 127.0.0.1:5432, user
// postgres), builds the service and starts it in a child process as `npm start` runs it
// (scripts/bench-server.mjs: the compiled app from dist/, with the start script's Node flags, plus two
// reference routes that run the equivalent single SQL query with raw `pg` and nothing else),
// seeds it over HTTP, then measures with autocannon in this process:
//   (a) GET /v1/articles/{id}/quotes and GET /v1/articles?limit=50,
//   (b) the reference routes /bench/reference/quotes/:id and /bench/reference/articles,
//   (c) ingest of fixture-sized articles (unique texts) over HTTP,
// and prints req/s, p50/p99 latency, articles/s, the server's peak RSS and the ratios of (a) to (b)
// against the targets. The database is dropped at the end.
//
// Environment: BENCH_DURATION (s per read run, 10), BENCH_CONNECTIONS (50), BENCH_INGEST_DURATION
// (s, 15), BENCH_INGEST_CONNECTIONS (16), BENCH_LOG_LEVEL (info, logs go to /dev/null),
// BENCH_CPU_PROF=1 (profile the server with --cpu-prof and print its hottest functions),
// BENCH_NODE_FLAGS (the server's Node flags instead of the start script's), BENCH_JSON=path (write the figures as JSON),
// BENCH_REFERENCE_PREPARED=1 (the reference routes use named prepared statements, as the service does).
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { startCommand } from '../test/helpers/start-command.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const adminKey = `na_bench${'b'.repeat(36)}`;

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

async function cannon(name: string, options: autocannon.Options): Promise<RunFigures> {
  const result = await autocannon({ ...options });
  const figures: RunFigures = {
    name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  console.log(
    `  ${name.padEnd(34)} ${figures.requestsPerSecond.toFixed(0).padStart(7)} req/s  p50 ${String(figures.p50).padStart(4)} ms  p99 ${String(figures.p99).padStart(4)} ms  (${figures.total} requests, ${figures.non2xx} non-2xx, ${figures.errors} errors)`,
  );
  return figures;
}

async function main(): Promise<void> {
  const { fixtureVariant, smallArticle } = await import('../test/faults/articles.js');
  const { wireStory } = await import('../test/helpers/fixtures.js');
  const duration = Number(process.env.BENCH_DURATION ?? 10);
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
  const ingestDuration = Number(process.env.BENCH_INGEST_DURATION ?? 15);
  const ingestConnections = Number(process.env.BENCH_INGEST_CONNECTIONS ?? 16);
  const profile = process.env.BENCH_CPU_PROF === '1';

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
      execArgv: [...nodeFlags, ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
      env: { ...process.env, ...startEnv, DATABASE_URL: url.toString(), BENCH_ADMIN_KEY: adminKey },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = child;
    const port = await new Promise<number>((resolve, reject) => {
      server.once('message', (message: { port: number }) => resolve(message.port));
      server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const headers = { authorization: `Bearer ${adminKey}` };
    let peakRss = 0;
    sampler = setInterval(() => {
      peakRss = Math.max(peakRss, readRss(server.pid!).rss);
    }, 200);

    const rssNow = () => `${(readRss(server.pid!).rss / 2 ** 20).toFixed(0)} MB`;
    const speedBefore = hostSpeedMs();
    console.log(`news-annotations bench: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, Postgres ${version}`);
    const referenceKind = process.env.BENCH_REFERENCE_PREPARED === '1' ? 'named (prepared once per connection)' : 'unnamed (parsed and planned on every call)';
    console.log(`server pid ${server.pid} on ${base} (${Object.entries(startEnv).map(([name, value]) => `${name}=${value} `).join('')}node ${nodeFlags.join(' ')} scripts/bench-server.mjs); ${connections} connections, ${duration} s per read run; RSS at start ${rssNow()}`);
    console.log(`the reference routes' statements are ${referenceKind}; the service's are named\n`);

    // Seed: the fixture, then fixture variants and short stories, over HTTP.
    const post = async (text: string) => {
      const res = await fetch(`${base}/v1/articles`, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: text });
      const body = (await res.json()) as { id: string };
      if (res.status !== 201 && res.status !== 200) throw new Error(`seed ingest answered ${res.status}: ${JSON.stringify(body)}`);
      return body.id;
    };
    const fixtureId = await post(wireStory);
    const seedTexts = [...Array.from({ length: 150 }, (_, n) => fixtureVariant(1_000_000 + n)), ...Array.from({ length: 150 }, (_, n) => smallArticle(n))];
    const seedStart = performance.now();
    for (let i = 0; i < seedTexts.length; i += 8) await Promise.all(seedTexts.slice(i, i + 8).map(post));
    console.log(`seeded ${seedTexts.length + 1} articles in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; RSS ${rssNow()}`);

    const quotesPath = `/v1/articles/${fixtureId}/quotes`;
    const check = await fetch(`${base}${quotesPath}`, { headers });
    const checkBody = (await check.json()) as { items: unknown[] };
    if (check.status !== 200) throw new Error(`${quotesPath} answered ${check.status}: ${JSON.stringify(checkBody)}`);
    const reference = (await (await fetch(`${base}/bench/reference/quotes/${fixtureId}`)).json()) as { items: unknown[] };
    console.log(`the fixture has ${checkBody.items.length} quotes through the API and ${reference.items.length} through the reference\n`);
    if (checkBody.items.length !== reference.items.length) throw new Error('the reference does not return the same quotes');

    const only = process.env.BENCH_ONLY; // 'reads', 'ingest', or one read run's label (for profiling one side)
    // Warm-up: JIT, pools, caches (not for an ingest-only run, whose profile should show ingest alone).
    const warmUps = only === 'ingest' ? [] : [quotesPath, `/bench/reference/quotes/${fixtureId}`, '/v1/articles?limit=50', '/bench/reference/articles?limit=50'];
    for (const target of warmUps) await autocannon({ url: `${base}${target}`, connections, duration: 2, headers });

    const skipped: RunFigures = { name: 'skipped', requestsPerSecond: NaN, p50: NaN, p99: NaN, total: 0, non2xx: 0, errors: 0 };
    const read = async (label: string, target: string, auth: boolean) => {
      if (only === 'ingest' || (only && only !== 'reads' && only !== label)) return skipped;
      const before = { server: cpuSeconds(server.pid!), postgres: postgresCpuSeconds() };
      const figures = await cannon(label, { url: `${base}${target}`, connections, duration, ...(auth ? { headers } : {}) });
      const perRequest = (seconds: number) => ((seconds * 1000) / Math.max(figures.total, 1)).toFixed(2);
      console.log(`    CPU per request: service ${perRequest(cpuSeconds(server.pid!) - before.server)} ms, Postgres ${perRequest(postgresCpuSeconds() - before.postgres)} ms`);
      return figures;
    };
    console.log('reads');
    // Interleaved (API, reference, API, reference) so drift hits both sides alike.
    const quotesApi = await read('GET /v1/articles/{id}/quotes', quotesPath, true);
    const quotesRef = await read('reference quotes (raw pg)', `/bench/reference/quotes/${fixtureId}`, false);
    const listApi = await read('GET /v1/articles?limit=50', '/v1/articles?limit=50', true);
    const listRef = await read('reference articles (raw pg)', '/bench/reference/articles?limit=50', false);

    console.log(`  (RSS after the reads ${rssNow()})`);
    console.log('\ningest (fixture-sized, unique texts)');
    let counter = 0;
    const cpuBefore = { server: cpuSeconds(server.pid!), postgres: postgresCpuSeconds(), bench: process.cpuUsage() };
    const ingest = only && only !== 'ingest' ? skipped : await cannon(`POST /v1/articles x${ingestConnections}`, {
      url: `${base}/v1/articles`,
      connections: ingestConnections,
      duration: ingestDuration,
      requests: [
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'text/plain' },
          setupRequest: (request: autocannon.Request) => ({ ...request, body: fixtureVariant(2_000_000 + counter++) }),
        },
      ],
    });
    if (ingest.total > 0) {
      // Where the CPU of an ingest goes: the service process, Postgres (all its processes, so other
      // work on the machine counts too), and this load generator.
      const benchUsage = process.cpuUsage(cpuBefore.bench);
      const perArticle = (seconds: number) => ((seconds * 1000) / ingest.total).toFixed(1);
      console.log(
        `  CPU per article: service ${perArticle(cpuSeconds(server.pid!) - cpuBefore.server)} ms, Postgres ${perArticle(postgresCpuSeconds() - cpuBefore.postgres)} ms, load generator ${perArticle((benchUsage.user + benchUsage.system) / 1e6)} ms (2 cores = 2000 ms per second)`,
      );
    }
    clearInterval(sampler);
    console.log(`\nhost speed: a fixed CPU loop took ${speedBefore.toFixed(0)} ms before the runs and ${hostSpeedMs().toFixed(0)} ms after (about 50 ms on the machine of docs/benchmarks.md when idle; much more means a slowed host)`);
    const { peak } = readRss(server.pid!);
    peakRss = Math.max(peakRss, peak);

    const ratio = (api: RunFigures, ref: RunFigures) => ({
      throughput: api.requestsPerSecond / ref.requestsPerSecond,
      p99: api.p99 / Math.max(ref.p99, 1),
    });
    const quotesRatio = ratio(quotesApi, quotesRef);
    const listRatio = ratio(listApi, listRef);
    const articlesPerSecond = ingest.requestsPerSecond;
    const verdict = (ok: boolean) => (ok ? 'ok  ' : 'MISS');
    console.log('\nsummary');
    console.log(`  ${verdict(quotesRatio.throughput >= 0.7)} quotes: ${(quotesRatio.throughput * 100).toFixed(0)}% of the reference's req/s (target >= 70%)`);
    console.log(`  ${verdict(quotesRatio.p99 <= 1.5)} quotes: p99 ${quotesRatio.p99.toFixed(2)}x the reference's (target <= 1.5x)`);
    console.log(`  ${verdict(listRatio.throughput >= 0.7)} list:   ${(listRatio.throughput * 100).toFixed(0)}% of the reference's req/s (target >= 70%)`);
    console.log(`  ${verdict(listRatio.p99 <= 1.5)} list:   p99 ${listRatio.p99.toFixed(2)}x the reference's (target <= 1.5x)`);
    console.log(`  ${verdict(articlesPerSecond >= 100 && ingest.non2xx === 0)} ingest: ${articlesPerSecond.toFixed(0)} articles/s, ${ingest.non2xx} non-2xx (target >= 100/s)`);
    console.log(`  ${verdict(peakRss <= 300 * 2 ** 20)} server peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MB (target <= 300 MB)`);

    if (process.env.BENCH_JSON) {
      writeFileSync(
        process.env.BENCH_JSON,
        JSON.stringify({ quotesApi, quotesRef, listApi, listRef, ingest, quotesRatio, listRatio, peakRssBytes: peakRss, postgres: version, node: process.version, cores: os.cpus().length }, null, 2),
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
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  if (profile) printProfile(profileDir);
}

/** The hottest functions (self time) of the server's CPU profile. */
function printProfile(dir: string): void {
  const file = readdirSync(dir).find((entry) => entry.endsWith('.cpuprofile'));
  if (!file) {
    console.log('no CPU profile was written');
    return;
  }
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
    nodes: { id: number; hitCount: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  };
  const totals = new Map<string, number>();
  let all = 0;
  for (const node of profile.nodes) {
    const where = node.callFrame.url.replace(/^file:\/\//, '').replace(projectRoot, '.').replace(/.*node_modules\//, '');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + node.hitCount);
    all += node.hitCount;
  }
  console.log(`\nserver CPU profile (${path.join(dir, file)}), top self time:`);
  for (const [key, hits] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${((hits / all) * 100).toFixed(1).padStart(5)}%  ${key}`);
  }
  // The same by package or source folder, which says which layer the time goes to.
  const byArea = new Map<string, number>();
  for (const [key, hits] of totals) {
    const where = key.split(' ').slice(1).join(' ');
    const area = where.startsWith('./src/')
      ? where.split('/').slice(0, 3).join('/')
      : where.startsWith('@')
        ? where.split('/').slice(0, 2).join('/')
        : where.includes('/')
          ? where.split('/')[0]!
          : key.split(' ')[0]!;
    byArea.set(area, (byArea.get(area) ?? 0) + hits);
  }
  console.log('\nby area:');
  for (const [area, hits] of [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`  ${((hits / all) * 100).toFixed(1).padStart(5)}%  ${area}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

// npm run bench: the service against the hardware limit, on loopback, bounded in time.
//
// Creates a fresh database on the Postgres at BENCH_DATABASE_URL (default 127.0.0.1:5432, user
// postgres), starts the service in a child process (this file with --serve: buildApp plus two
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
// BENCH_EXPERIMENT=key-cache,quotes-sql,list-omit-text (measure proposed changes, see below),
// BENCH_JSON=path (write the figures as JSON).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const adminKey = `na_bench${'b'.repeat(36)}`;

// ---------------------------------------------------------------------------------------------
// The server (child process)

async function serve(): Promise<void> {
  const { openDatabase } = await import('../src/db/database.js');
  const { buildApp } = await import('../src/app.js');
  const { Store } = await import('../src/repositories/store.js');
  const { ApiKeyService } = await import('../src/services/api-key-service.js');
  const pino = (await import('pino')).default;

  await applyExperiments((process.env.BENCH_EXPERIMENT ?? '').split(',').filter(Boolean));
  const databaseUrl = process.env.DATABASE_URL!;
  const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  const database = await openDatabase({ databaseUrl, poolSize });
  await database.migrate();
  await new ApiKeyService(new Store(database.prisma)).ensureAdminKey(adminKey);
  const app = await buildApp({
    database,
    logger: { level: process.env.BENCH_LOG_LEVEL ?? 'info', stream: pino.destination({ dest: process.env.BENCH_LOG_FILE ?? '/dev/null', sync: false }) },
  });

  // The reference: the same data with one SQL statement through raw pg, no service code.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  app.get('/bench/reference/quotes/:id', async (request) => {
    const { id } = request.params as { id: string };
    const { rows } = await pool.query(
      `SELECT q.id, q."articleId", q.kind, q.start, q."end", q.text, q."paragraphIndex", q."cueStart", q."cueEnd",
              q."cueText", q.rule, q.confidence, q.origin, q."pipelineVersion", q."reviewStatus", q."updatedBy",
              q."createdAt", q."updatedAt",
              se.id AS "speakerId", se.type AS "speakerType", se."canonicalName" AS "speakerName",
              sm.id AS "mentionId", sm.start AS "mentionStart", sm."end" AS "mentionEnd", sm.text AS "mentionText",
              ve.id AS "viaId", ve.type AS "viaType", ve."canonicalName" AS "viaName"
         FROM "Quote" q
         LEFT JOIN "Entity" se ON se.id = q."speakerEntityId"
         LEFT JOIN "Mention" sm ON sm.id = q."speakerMentionId"
         LEFT JOIN "Entity" ve ON ve.id = q."viaEntityId"
        WHERE q."articleId" = $1 AND q."reviewStatus" IN ('unreviewed', 'confirmed')
        ORDER BY q.start, q.id
        LIMIT 101`,
      [id],
    );
    return { items: rows.slice(0, 100), nextCursor: null };
  });
  app.get('/bench/reference/articles', async (request) => {
    const limit = Math.min(Number((request.query as { limit?: string }).limit ?? 50), 200);
    const { rows } = await pool.query(
      `SELECT id, revision, format, headline, source, standfirst, "datelineText", "datelinePlace", "datelineAgency",
              byline, "externalId", url, "publishedAt", language, "contentHash", "pipelineVersion",
              "paragraphCount", "quoteCount", "entityCount", "mentionCount", "createdAt", "updatedAt"
         FROM "Article" ORDER BY id DESC LIMIT $1`,
      [limit + 1],
    );
    return { items: rows.slice(0, limit), nextCursor: null };
  });

  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  const stop = async () => {
    await app.close();
    await pool.end();
    await database.close();
    process.exit(0); // a normal exit, so --cpu-prof writes its profile
  };
  process.once('SIGTERM', () => void stop());
  process.once('disconnect', () => void stop());
}

/**
 * BENCH_EXPERIMENT=key-cache,quotes-sql,list-omit-text: the changes proposed in
 * docs/benchmarks.md, patched into the prototypes in this benchmark process only (the service's
 * files are not touched), so that their effect is measured before anyone writes them for real.
 */
async function applyExperiments(experiments: string[]): Promise<void> {
  if (experiments.length === 0) return;
  console.log(`experiments: ${experiments.join(', ')}`);
  const { Prisma } = await import('../src/generated/prisma/client.js');
  if (experiments.includes('key-cache')) {
    const { ApiKeyService } = await import('../src/services/api-key-service.js');
    const original = ApiKeyService.prototype.authenticate;
    const cache = new Map<string, { at: number; value: Awaited<ReturnType<typeof original>> }>();
    ApiKeyService.prototype.authenticate = async function (this: InstanceType<typeof ApiKeyService>, token: string) {
      const hit = cache.get(token);
      if (hit && Date.now() - hit.at < 5000) return hit.value;
      const value = await original.call(this, token);
      if (cache.size > 10_000) cache.clear();
      if (value) cache.set(token, { at: Date.now(), value }); // only keys that exist: a new key works at once
      return value;
    };
  }
  if (experiments.includes('quotes-sql')) {
    const { AnnotationRepository } = await import('../src/repositories/annotation-repository.js');
    type Db = { $queryRaw: <T>(query: TemplateStringsArray | ReturnType<typeof Prisma.sql>, ...values: unknown[]) => Promise<T> };
    AnnotationRepository.prototype.listQuotes = async function (this: unknown, articleId, after, limit, statuses = ['unreviewed', 'confirmed']) {
      const db = (this as { db: Db }).db;
      const quoteColumns = Prisma.raw(Object.values(Prisma.QuoteScalarFieldEnum).map((column) => `q."${column}"`).join(', '));
      const rows = await db.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
        SELECT ${quoteColumns}, se.type::text AS "se_type", se."canonicalName" AS "se_name",
               sm.start AS "sm_start", sm."end" AS "sm_end", sm.text AS "sm_text",
               ve.type::text AS "ve_type", ve."canonicalName" AS "ve_name"
          FROM "Quote" q
          LEFT JOIN "Entity" se ON se.id = q."speakerEntityId"
          LEFT JOIN "Mention" sm ON sm.id = q."speakerMentionId"
          LEFT JOIN "Entity" ve ON ve.id = q."viaEntityId"
         WHERE q."articleId" = ${articleId}::uuid
           AND q."reviewStatus"::text = ANY(${statuses}::text[])
           ${after ? Prisma.sql`AND (q.start, q.id) > (${after.start}, ${after.id}::uuid)` : Prisma.empty}
         ORDER BY q.start, q.id
         LIMIT ${limit}`);
      return rows.map((row) => {
        const { se_type, se_name, sm_start, sm_end, sm_text, ve_type, ve_name, ...quote } = row;
        return {
          ...quote,
          speakerEntity: quote.speakerEntityId ? { id: quote.speakerEntityId, type: se_type, canonicalName: se_name } : null,
          speakerMention: quote.speakerMentionId ? { id: quote.speakerMentionId, start: sm_start, end: sm_end, text: sm_text } : null,
          viaEntity: quote.viaEntityId ? { id: quote.viaEntityId, type: ve_type, canonicalName: ve_name } : null,
        };
      }) as never;
    };
  }
  if (experiments.includes('list-omit-text')) {
    const { ArticleRepository } = await import('../src/repositories/article-repository.js');
    const original = ArticleRepository.prototype.list;
    ArticleRepository.prototype.list = async function (this: InstanceType<typeof ArticleRepository>, filter) {
      if (filter.q || filter.entityId) return original.call(this, filter);
      const db = (this as unknown as { db: { article: { findMany: (args: unknown) => Promise<never> } } }).db;
      return db.article.findMany({
        where: {
          ...(filter.beforeId ? { id: { lt: filter.beforeId } } : {}),
          ...(filter.source ? { source: filter.source } : {}),
          ...(filter.since ? { createdAt: { gte: filter.since } } : {}),
        },
        orderBy: { id: 'desc' },
        take: filter.limit,
        omit: { text: true },
      });
    };
  }
}

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
    child = fork(fileURLToPath(import.meta.url), ['--serve'], {
      cwd: projectRoot,
      execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [])],
      env: { ...process.env, DATABASE_URL: url.toString() },
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
    console.log(`news-annotations bench: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, Postgres ${version}`);
    console.log(`server pid ${server.pid} on ${base}; ${connections} connections, ${duration} s per read run; RSS at start ${rssNow()}\n`);

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

    // Warm-up: JIT, pools, caches.
    for (const target of [quotesPath, `/bench/reference/quotes/${fixtureId}`, '/v1/articles?limit=50', '/bench/reference/articles?limit=50']) {
      await autocannon({ url: `${base}${target}`, connections, duration: 2, headers });
    }

    const only = process.env.BENCH_ONLY; // 'reads' or 'ingest' (for profiling one side)
    const skipped: RunFigures = { name: 'skipped', requestsPerSecond: NaN, p50: NaN, p99: NaN, total: 0, non2xx: 0, errors: 0 };
    const read = async (label: string, target: string, auth: boolean) =>
      only === 'ingest' ? skipped : cannon(label, { url: `${base}${target}`, connections, duration, ...(auth ? { headers } : {}) });
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
    const ingest = only === 'reads' ? skipped : await cannon(`POST /v1/articles x${ingestConnections}`, {
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

if (process.argv.includes('--serve')) {
  serve().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

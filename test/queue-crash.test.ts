// Acceptance: a 2,000-article NDJSON import through the queue with two worker processes, one of
// them killed (SIGKILL) midway: every article is stored exactly once and the job ends done with
// the right counts.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import t from 'tap';
import { apiKeyAuth } from '../src/plugins/auth.js';
import { IngestQueue } from '../src/queue/ingest-queue.js';
import { Store } from '../src/repositories/store.js';
import { ingestJobRoutes } from '../src/routes/v1/ingest-jobs.js';
import { ApiKeyService } from '../src/services/api-key-service.js';
import { IngestJobService } from '../src/services/ingest-job-service.js';
import { IngestService } from '../src/services/ingest-service.js';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ARTICLES = 2_000;

interface JobBody {
  id: string;
  state: string;
  counts: { total: number; pending: number; created: number; existing: number; failed: number };
  errors: unknown[];
}

// Small, varied articles: different people, places, organisations, quotes and layouts.
const people = ['Maria Lund', 'Kofi Mensah', 'Aiko Tanaka', 'Pedro Alvarez', 'Ingrid Holm', 'Rahul Mehta', 'Olga Petrova', 'James Carter'];
const titles = ['mayor', 'port director', 'health minister', 'union leader', 'police spokesman', 'school principal'];
const places = ['Oslo', 'Accra', 'Osaka', 'Valencia', 'Bergen', 'Pune', 'Kazan', 'Denver'];
const topics = ['the new ferry line', 'the budget', 'the storm damage', 'the strike', 'the water supply', 'the school year'];
const orgs = ['the city council', 'the Transport Ministry', 'Red Cross', 'the National Weather Service', 'Acme Shipping Ltd'];

function generatedArticle(n: number): Record<string, string> {
  const pick = <T>(list: T[], salt: number): T => list[(n * 7 + salt * 13 + Math.floor(n / list.length)) % list.length]!;
  const person = pick(people, 1);
  const place = pick(places, 2);
  const topic = pick(topics, 3);
  const org = pick(orgs, 4);
  const paragraphs = [
    `${place.toUpperCase()} (Example Wire) - ${org[0]!.toUpperCase()}${org.slice(1)} met on day ${n} to discuss ${topic}, officials in ${place} said.`,
    `"We will not wait any longer on ${topic}," ${person}, the ${pick(titles, 5)}, told reporters.`,
    n % 3 === 0 ? `According to ${pick(people, 6)}, the decision on item ${n} is expected next week.` : `${person} added that ${n} families were affected.`,
  ];
  if (n % 4 === 0) paragraphs.push(`"It is a good start," said ${pick(people, 7)}.`);
  return {
    headline: `${place}: ${org} acts on ${topic} (${n})`,
    body: paragraphs.join('\n\n'),
    source: 'Example Wire',
    externalId: `ew-crash-${n}`,
  };
}

interface WorkerProcess {
  child: ChildProcess;
  chunksStarted: number;
  chunksDone: number;
  output: string[];
  exited: Promise<number | null>;
  /** Resolves once the worker reported `count` processed chunks. */
  chunks(count: number): Promise<void>;
}

/** Starts `runWorker` in a child process, as `npm run worker` would. */
function startWorkerProcess(databaseUrl: string): WorkerProcess {
  const code = `import { runWorker } from './src/commands/worker.ts'; process.exitCode = await runWorker([]);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const waiting: { count: number; resolve: () => void }[] = [];
  const worker: WorkerProcess = {
    child,
    chunksStarted: 0,
    chunksDone: 0,
    output: [],
    exited: new Promise((resolve) => child.once('exit', (exitCode) => resolve(exitCode))),
    chunks(count) {
      return worker.chunksDone >= count ? Promise.resolve() : new Promise((resolve) => waiting.push({ count, resolve }));
    },
  };
  // Output arrives in pieces that can end mid-line: only whole lines are counted.
  let partial = '';
  const onData = (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      worker.output.push(line);
      if (line.includes('"chunk started"')) worker.chunksStarted++;
      if (line.includes('"chunk processed"')) worker.chunksDone++;
    }
    for (const wait of waiting.filter((w) => worker.chunksDone >= w.count)) wait.resolve();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return worker;
}

t.test(
  'a 2,000-article import with two workers, one killed midway, stores every article exactly once',
  { skip: !storageKinds().includes('postgres') && 'TEST_STORAGE excludes postgres' },
  async (t) => {
    const testApp = await createTestApp(t, 'postgres');
    const { api, db, app } = testApp;
    const url = db.url!;
    const store = new Store(db.database);
    // A short expiry, so the killed worker's chunk goes to the other worker soon.
    const queue = new IngestQueue({ connectionString: url, expireInSeconds: 10 });
    t.teardown(() => queue.stop());
    const jobs = new IngestJobService(store, new IngestService(store), queue);
    // The app's own routes when app.ts wires them; until then, registered here in a /v1 scope.
    if (!app.hasRoute({ method: 'POST', url: '/v1/ingest-jobs' })) {
      await app.register(
        async (v1) => {
          await v1.register(apiKeyAuth, { apiKeys: new ApiKeyService(store) });
          await v1.register(ingestJobRoutes, { jobs });
        },
        { prefix: '/v1' },
      );
    }

    const body = Array.from({ length: ARTICLES }, (_, i) => JSON.stringify(generatedArticle(i + 1))).join('\n') + '\n';
    const posted = await api({
      method: 'POST',
      url: '/v1/ingest-jobs',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: body,
    });
    t.equal(posted.statusCode, 202, 'the job is accepted');
    const jobId = posted.json<JobBody>().id;

    const doomed = startWorkerProcess(url);
    const survivor = startWorkerProcess(url);
    t.teardown(() => {
      for (const worker of [doomed, survivor]) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    });

    // Midway: half of the articles are in and the doomed worker is busy (it has done chunks, and
    // its two loops keep taking more).
    await doomed.chunks(2);
    for (;;) {
      const { counts } = (await api({ method: 'GET', url: `/v1/ingest-jobs/${jobId}` })).json<JobBody>();
      if (counts.pending <= ARTICLES / 2) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Kill it in the middle of a chunk, so the crash leaves work in its hands. It is frozen first
    // and its output given time to arrive: a chunk that ended just before, its line still in the
    // pipe, must not be taken for one in hand (on a busy machine that happened).
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    for (;;) {
      while (doomed.chunksStarted <= doomed.chunksDone) await pause(5);
      doomed.child.kill('SIGSTOP');
      await pause(500);
      if (doomed.chunksStarted > doomed.chunksDone) break;
      doomed.child.kill('SIGCONT');
    }
    doomed.child.kill('SIGKILL');
    t.equal(await doomed.exited, null, 'the first worker was killed');
    const atKill = (await api({ method: 'GET', url: `/v1/ingest-jobs/${jobId}` })).json<JobBody>();
    t.ok(atKill.counts.pending > 0, `the job was not finished when the worker died (${atKill.counts.pending} pending)`);

    let job: JobBody;
    for (;;) {
      job = (await api({ method: 'GET', url: `/v1/ingest-jobs/${jobId}` })).json<JobBody>();
      if (job.state === 'done' || job.state === 'failed' || survivor.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    survivor.child.kill('SIGTERM');
    t.equal(await survivor.exited, 0, 'the surviving worker stops cleanly on SIGTERM');

    t.equal(job.state, 'done', 'the job reports done');
    t.same(job.counts, { total: ARTICLES, pending: 0, created: ARTICLES, existing: 0, failed: 0 }, 'with the right counts');
    t.same(job.errors, []);

    const prisma = db.database.prisma;
    t.equal(await prisma.article.count(), ARTICLES, 'every article is stored, none twice');
    const items = await prisma.ingestJobItem.findMany({ where: { jobId }, select: { status: true, articleId: true } });
    t.equal(items.length, ARTICLES);
    t.ok(items.every((item) => item.status === 'created'), 'every item was created by this job');
    t.equal(new Set(items.map((item) => item.articleId)).size, ARTICLES, 'each item names its own article');
    const externalIds = await prisma.article.findMany({ select: { externalId: true } });
    t.equal(new Set(externalIds.map((row) => row.externalId)).size, ARTICLES, 'one article per external id');

    // The killed worker's chunk was taken over: some chunk ran more than once.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ retried: number }>(
      `SELECT count(*)::int AS retried FROM pgboss.job WHERE data->>'jobId' = $1 AND retry_count > 0`,
      [jobId],
    );
    await client.end();
    t.ok(rows[0]!.retried >= 1, `the killed worker's chunks were retried by the other (${rows[0]!.retried})`);
    t.equal(await jobs.queueDepth(), 0, 'nothing is left in the queue');
  },
);

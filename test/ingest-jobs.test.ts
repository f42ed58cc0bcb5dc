import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import t from 'tap';
import { runWorker } from '../src/commands/worker.js';
import { apiKeyAuth } from '../src/plugins/auth.js';
import { IngestQueue } from '../src/queue/ingest-queue.js';
import { Store } from '../src/repositories/store.js';
import { ingestJobRoutes } from '../src/routes/v1/ingest-jobs.js';
import { ApiKeyService } from '../src/services/api-key-service.js';
import { INGEST_JOB_MAX_ITEMS, IngestJobService } from '../src/services/ingest-job-service.js';
import { IngestService } from '../src/services/ingest-service.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';

interface Problem {
  type: string;
  status: number;
  detail?: string;
}
interface JobBody {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  counts: { total: number; pending: number; created: number; existing: number; failed: number };
  createdBy: string;
  startedAt: string | null;
  finishedAt: string | null;
  errors: { index: number; line: number; problem: Problem }[];
  errorsTruncated: boolean;
}
interface ItemPage {
  items: { index: number; line: number; status: string; articleId: string | null; problem: Problem | null }[];
  nextCursor: string | null;
}

const article = (n: number, extra: Record<string, unknown> = {}) => ({
  headline: `Ferry line ${n} resumes service`,
  body: `"Passengers can travel again," said port director Maria Lund of terminal ${n}.\n\nThe line had been closed since a storm.`,
  ...extra,
});
const ndjson = (lines: unknown[]) => lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';

/**
 * The ingest-job service on the test app's database. The app's own /v1 routes are used when it has
 * them (app.ts wires them, with a queue on Postgres); otherwise they are registered here, in a /v1
 * scope of their own.
 */
async function withIngestJobs(
  testApp: TestApp,
  queue: IngestQueue | null,
  options: { inProcess?: boolean } = {},
): Promise<IngestJobService> {
  const store = new Store(testApp.db.database);
  const jobs = new IngestJobService(store, new IngestService(store), queue, options);
  if (!testApp.app.hasRoute({ method: 'POST', url: '/v1/ingest-jobs' })) {
    await testApp.app.register(
      async (v1) => {
        await v1.register(apiKeyAuth, { apiKeys: new ApiKeyService(store) });
        await v1.register(ingestJobRoutes, { jobs });
      },
      { prefix: '/v1' },
    );
  }
  return jobs;
}

/** Runs the worker command in this process until `stop()`; resolves with its exit code. */
function startWorker(url: string, args: string[] = []) {
  let stop!: (signal: string) => void;
  const stopSignal = new Promise<string>((resolve) => (stop = resolve));
  const exited = runWorker(['--concurrency', '2', ...args], {
    stderr: process.stderr,
    env: { DATABASE_URL: url, LOG_LEVEL: 'silent' },
    stopSignal,
  });
  return {
    stop: async () => {
      stop('SIGTERM');
      return exited;
    },
  };
}

t.test('on postgres storage', { skip: !storageKinds().includes('postgres') && 'TEST_STORAGE excludes postgres' }, async (t) => {
  const testApp = await createTestApp(t, 'postgres');
  const { api, db, createKey } = testApp;
  const url = db.url!;
  const queue = new IngestQueue({ connectionString: url, expireInSeconds: 10 });
  t.teardown(() => queue.stop());
  const jobs = await withIngestJobs(testApp, queue);

  const post = (payload: string, headers: Record<string, string> = {}) =>
    api({ method: 'POST', url: '/v1/ingest-jobs', headers: { 'content-type': 'application/x-ndjson', ...headers }, payload });
  const getJob = async (id: string) => (await api({ method: 'GET', url: `/v1/ingest-jobs/${id}` })).json<JobBody>();
  const articleCount = () => db.database.prisma.article.count();
  const queueMessages = async (jobId: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE data->>'jobId' = $1`, [jobId]);
      return rows[0]!.n;
    } finally {
      await client.end();
    }
  };
  /** Waits (polling the API, no time limit of its own) until the job is done. */
  const untilDone = async (id: string): Promise<JobBody> => {
    for (;;) {
      const job = await getJob(id);
      if (job.state === 'done' || job.state === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  let firstJobId = '';
  await t.test('a posted job answers 202 with its Location and waits, queued, in the database and the queue', async (t) => {
    const res = await post(ndjson([article(1), article(2), article(3)]));
    t.equal(res.statusCode, 202);
    const job = res.json<JobBody>();
    firstJobId = job.id;
    t.equal(res.headers.location, `/v1/ingest-jobs/${job.id}`);
    t.equal(job.state, 'queued');
    t.same(job.counts, { total: 3, pending: 3, created: 0, existing: 0, failed: 0 });
    t.equal(job.createdBy, 'test-admin');
    t.same(job.errors, []);
    t.equal(await queueMessages(job.id), 1, 'one chunk message, written with the job');
    t.equal(await jobs.queueDepth(), 3, 'the queue depth counts the pending items');
    t.same(await getJob(job.id), job, 'GET answers the same job');
  });

  await t.test('a worker ingests every line once: created, existing and failed lines, with their problems', async (t) => {
    await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'application/json' }, payload: article(100) });
    const before = await articleCount();
    const res = await post(
      ndjson([
        article(101),
        '{"headline": "cut off',
        article(100),
        { headline: 'No body' },
        '',
        article(102, { source: 'Wire', externalId: 'w-1' }),
        article(103, { source: 'Wire', externalId: 'w-1' }),
        article(104),
      ]),
    );
    t.equal(res.statusCode, 202);
    const posted = res.json<JobBody>();
    t.equal(posted.counts.total, 7, 'blank lines are no articles');

    const heartbeat = path.join(t.testdir(), 'worker.heartbeat');
    const worker = startWorker(url, ['--heartbeat', heartbeat]);
    const done = await untilDone(posted.id);
    t.equal(await worker.stop(), 0, 'the worker exits 0 when told to stop');
    t.match(await readFile(heartbeat, 'utf8'), /^\d{4}-\d\d-\d\dT/, 'the worker wrote its heartbeat file');

    t.equal(done.state, 'done');
    t.ok(done.startedAt && done.finishedAt);
    t.same(done.counts, { total: 7, pending: 0, created: 3, existing: 1, failed: 3 });
    t.same(
      done.errors.map((error) => [error.index, error.line, error.problem.type]),
      [
        [1, 2, 'urn:news-annotations:problem:malformed-body'],
        [3, 4, 'urn:news-annotations:problem:validation-failed'],
        [5, 7, 'urn:news-annotations:problem:external-id-conflict'],
      ],
    );
    t.equal(done.errorsTruncated, false);
    t.equal(await articleCount(), before + 6, 'the three new articles of each job are stored, nothing else');
    const first = await getJob(firstJobId);
    t.equal(first.state, 'done', 'the worker took the first job too');
    t.same(first.counts, { total: 3, pending: 0, created: 3, existing: 0, failed: 0 });

    const page = (await api({ method: 'GET', url: `/v1/ingest-jobs/${posted.id}/items?limit=4` })).json<ItemPage>();
    t.same(page.items.map((item) => item.status), ['created', 'failed', 'existing', 'failed']);
    t.ok(page.nextCursor, 'a next page');
    const stored = await api({ method: 'GET', url: `/v1/articles/${page.items[0]!.articleId}` });
    t.equal(stored.json<{ headline: string }>().headline, 'Ferry line 101 resumes service', 'items name their stored article');
    const rest = (
      await api({ method: 'GET', url: `/v1/ingest-jobs/${posted.id}/items?limit=4&cursor=${page.nextCursor}` })
    ).json<ItemPage>();
    t.same(rest.items.map((item) => item.index), [4, 5, 6]);
    t.equal(rest.nextCursor, null);
    const failed = (await api({ method: 'GET', url: `/v1/ingest-jobs/${posted.id}/items?status=failed` })).json<ItemPage>();
    t.same(failed.items.map((item) => item.index), [1, 3, 5]);
    t.equal(await jobs.queueDepth(), 0, 'nothing is pending any more');
  });

  await t.test('a chunk processed again, or by two workers at once, stores and counts each article once', async (t) => {
    const res = await post(ndjson(Array.from({ length: 20 }, (_, i) => article(200 + i))));
    const { id } = res.json<JobBody>();
    const before = await articleCount();
    const chunk = { jobId: id, from: 0, to: 20 };
    const [first, second] = await Promise.all([jobs.processChunk(chunk), jobs.processChunk(chunk)]);
    t.equal(first.settled + second.settled, 20, 'each item settled by exactly one of them');
    const again = await jobs.processChunk(chunk);
    t.equal(again.settled, 0, 'a retry finds nothing pending');
    t.equal(await articleCount(), before + 20);
    const job = await getJob(id);
    t.equal(job.state, 'done');
    t.same(job.counts, { total: 20, pending: 0, created: 20, existing: 0, failed: 0 });
  });

  await t.test('a worker told to stop finishes the article in hand and hands the rest of its chunk back', async (t) => {
    const res = await post(ndjson(Array.from({ length: 10 }, (_, i) => article(300 + i))));
    const { id } = res.json<JobBody>();
    let asked = 0;
    const result = await jobs.processChunk({ jobId: id, from: 0, to: 10 }, { shouldStop: () => ++asked > 4 });
    t.same(result, { settled: 4, handedBack: true });
    const midway = await getJob(id);
    t.equal(midway.state, 'running');
    t.same(midway.counts, { total: 10, pending: 6, created: 4, existing: 0, failed: 0 });
    t.equal(await queueMessages(id), 2, 'the rest went back to the queue as a new chunk');

    const worker = startWorker(url);
    const done = await untilDone(id);
    t.equal(await worker.stop(), 0);
    t.same(done.counts, { total: 10, pending: 0, created: 10, existing: 0, failed: 0 });
  });

  await t.test('a chunk the queue gave up on fails its pending items, so the job still ends', async (t) => {
    const res = await post(ndjson(Array.from({ length: 3 }, (_, i) => article(400 + i))));
    const { id } = res.json<JobBody>();
    await jobs.processChunk({ jobId: id, from: 0, to: 3 }, { shouldStop: (() => { let n = 0; return () => ++n > 1; })() });
    await jobs.abandonChunk({ jobId: id, from: 1, to: 3 });
    const job = await getJob(id);
    t.equal(job.state, 'done');
    t.same(job.counts, { total: 3, pending: 0, created: 1, existing: 0, failed: 2 });
    t.same(
      job.errors.map((error) => [error.index, error.problem.type]),
      [
        [1, 'urn:news-annotations:problem:internal-error'],
        [2, 'urn:news-annotations:problem:internal-error'],
      ],
    );
  });

  await t.test('refusals are problem+json: media type, empty, too many lines, scope, unknown job', async (t) => {
    const wrongType = await post(JSON.stringify(article(1)), { 'content-type': 'text/plain' });
    t.equal(wrongType.statusCode, 415);
    t.match(wrongType.headers['content-type'], /application\/problem\+json/);
    const empty = await post('\n\n');
    t.equal(empty.statusCode, 400);
    t.equal(empty.json<Problem>().type, 'urn:news-annotations:problem:empty-body');
    const tooMany = await post('{}\n'.repeat(INGEST_JOB_MAX_ITEMS + 1));
    t.equal(tooMany.statusCode, 413);
    const reader = await createKey(['read']);
    const forbidden = await post(ndjson([article(1)]), { authorization: `Bearer ${reader}` });
    t.equal(forbidden.statusCode, 403);
    const unknown = await api({ method: 'GET', url: '/v1/ingest-jobs/01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11' });
    t.equal(unknown.statusCode, 404);
    t.equal(unknown.json<Problem>().type, 'urn:news-annotations:problem:not-found');
  });
});

t.test('on embedded storage', { skip: !storageKinds().includes('embedded') && 'TEST_STORAGE excludes embedded' }, async (t) => {
  const testApp = await createTestApp(t, 'embedded');
  const { api, db } = testApp;
  const prisma = db.database.prisma;
  const store = new Store({ prisma });
  const inProcess = await withIngestJobs(testApp, null, { inProcess: true });

  const getJob = async (id: string) => (await api({ method: 'GET', url: `/v1/ingest-jobs/${id}` })).json<JobBody>();
  const untilDone = async (id: string): Promise<JobBody> => {
    for (;;) {
      const job = await getJob(id);
      if (job.state === 'done' || job.state === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  await t.test('without a queue the server ingests the job itself, in the background', async (t) => {
    const res = await api({
      method: 'POST',
      url: '/v1/ingest-jobs',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: ndjson([article(1), article(2), '{"headline": 1}', article(1)]),
    });
    t.equal(res.statusCode, 202);
    const done = await untilDone(res.json<JobBody>().id);
    t.same(done.counts, { total: 4, pending: 0, created: 2, existing: 1, failed: 1 });
    t.equal(await prisma.article.count(), 2);
  });

  await t.test('a job the server did not finish before it stopped is finished at the next start', async (t) => {
    await inProcess.stopInProcess();
    // A server that is stopping stores the job but ingests nothing more.
    const stopped = new IngestJobService(store, new IngestService(store), null, { inProcess: true });
    await stopped.stopInProcess();
    const job = await stopped.create(ndjson([article(10), article(11), article(12)]), 'test-admin');
    t.equal(job.state, 'queued');
    const restarted = new IngestJobService(store, new IngestService(store), null, { inProcess: true });
    restarted.resumeInProcess();
    const done = await untilDone(job.id);
    await restarted.stopInProcess();
    t.same(done.counts, { total: 3, pending: 0, created: 3, existing: 0, failed: 0 });
  });

  await t.test('with neither a queue nor in-process ingest, a job is refused with 503', async (t) => {
    const refusing = new IngestJobService(store, new IngestService(store), null);
    await t.rejects(refusing.create(ndjson([article(20)]), 'test-admin'), {
      code: 'service-unavailable',
      detail: /articles:batch/,
    });
    t.equal(await prisma.ingestJob.count({ where: { total: 1 } }), 0, 'nothing was stored');
  });

  await t.test('the worker refuses to start without DATABASE_URL', async (t) => {
    let stderr = '';
    const code = await runWorker([], {
      stderr: { write: (chunk: string) => ((stderr += chunk), true) } as unknown as NodeJS.WritableStream,
      env: {},
      stopSignal: Promise.resolve('SIGTERM'),
    });
    t.equal(code, 2);
    t.match(stderr, /DATABASE_URL/);
  });
});

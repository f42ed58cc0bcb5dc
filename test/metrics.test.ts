import Fastify, { type FastifyInstance } from 'fastify';
import t, { type Test } from 'tap';
import { docs } from '../src/plugins/docs.js';
import { metrics } from '../src/lib/metrics.js';
import { metricsPlugin } from '../src/plugins/metrics.js';
import { problemErrors } from '../src/plugins/problem-errors.js';
import { Store } from '../src/repositories/store.js';
import { batchRoutes } from '../src/routes/v1/batch.js';
import { ProblemDetails } from '../src/schemas/problem.js';
import { ArticleService } from '../src/services/article-service.js';
import { IngestService } from '../src/services/ingest-service.js';
import { createTestDatabase, storageKinds } from './helpers/database.js';
import { wireStory } from './helpers/fixtures.js';

/** The value of one sample line of the exposition, 0 when the series is not there yet. */
function sample(exposition: string, name: string, labels: Record<string, string> = {}): number {
  for (const line of exposition.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = /\{([^}]*)\}/.exec(line)?.[1] ?? '';
    const has = Object.entries(labels).every(([key, value]) => labelText.includes(`${key}="${value}"`));
    if (has) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

/**
 * The batch route and a read route with a path parameter, behind the metrics plugin and the
 * service's error plugin, the way the app registers them.
 */
async function appWithMetrics(t: Test, queueDepth?: () => number, withDocs = false): Promise<FastifyInstance> {
  const db = await createTestDatabase(storageKinds()[0]!);
  const app = Fastify({ logger: false });
  app.addSchema(ProblemDetails);
  await app.register(problemErrors);
  if (withDocs) await app.register(docs);
  await app.register(metricsPlugin, queueDepth ? { queueDepth } : {});
  const store = new Store(db.database);
  const articles = new ArticleService(store);
  await app.register(
    async (v1) => {
      await v1.register(batchRoutes, { ingest: new IngestService(store) });
      v1.get('/articles/:id', async (request) => articles.get((request.params as { id: string }).id));
    },
    { prefix: '/v1' },
  );
  t.teardown(async () => {
    await app.close();
    await db.destroy();
  });
  return app;
}

const postBatch = (app: FastifyInstance, lines: object[]) =>
  app.inject({
    method: 'POST',
    url: '/v1/articles:batch',
    headers: { 'content-type': 'application/x-ndjson' },
    payload: lines.map((line) => JSON.stringify(line)).join('\n'),
  });

t.test('after traffic /metrics has a latency histogram per route pattern, method and status class', async (t) => {
  const app = await appWithMetrics(t);
  const created = await postBatch(app, [{ headline: 'Harbour reopens', body: wireStory }]);
  const id = created.json<{ items: { id: string }[] }>().items[0]!.id;
  await app.inject({ method: 'GET', url: `/v1/articles/${id}` });
  await app.inject({ method: 'GET', url: `/v1/articles/${id}` });
  await app.inject({ method: 'GET', url: '/v1/articles/01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11' });
  await app.inject({ method: 'GET', url: '/nowhere/at/all' });

  const res = await app.inject({ method: 'GET', url: '/metrics' });
  t.equal(res.statusCode, 200);
  t.match(res.headers['content-type'], /^text\/plain; version=0\.0\.4/);
  const text = res.body;
  t.match(text, /# TYPE http_request_duration_seconds histogram/);
  const byId = { method: 'GET', route: '/v1/articles/:id' };
  t.equal(sample(text, 'http_request_duration_seconds_count', { ...byId, status_class: '2xx' }), 2, 'two reads answered 200');
  t.equal(sample(text, 'http_request_duration_seconds_count', { ...byId, status_class: '4xx' }), 1, 'one read answered 404');
  t.equal(
    sample(text, 'http_request_duration_seconds_bucket', { ...byId, status_class: '2xx', le: '+Inf' }),
    2,
    'every request falls in the +Inf bucket',
  );
  t.equal(sample(text, 'http_request_duration_seconds_count', { route: 'unmatched', status_class: '4xx' }), 1, 'unknown URLs share one label');
  t.equal(
    sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/v1/articles:batch', status_class: '2xx' }),
    1,
    'the batch route is labelled with its literal colon',
  );
  t.notOk(text.includes(id), 'no raw URL becomes a label');
  t.match(text, /# TYPE process_cpu_user_seconds_total counter/, 'the process metrics are there too');
});

t.test('ingest results and pipeline time recorded by the ingest code show up as counters and a histogram', async (t) => {
  const app = await appWithMetrics(t);
  const before = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  metrics.recordIngest('created');
  metrics.recordIngest('created');
  metrics.recordIngest('existing');
  metrics.recordIngest('failed');
  metrics.observePipelineMs(12);
  metrics.observePipelineMs(Number.NaN);
  const after = (await app.inject({ method: 'GET', url: '/metrics' })).body;
  const delta = (name: string, labels: Record<string, string> = {}) => sample(after, name, labels) - sample(before, name, labels);
  t.equal(delta('articles_ingested_total', { result: 'created' }), 2);
  t.equal(delta('articles_ingested_total', { result: 'existing' }), 1);
  t.equal(delta('articles_ingested_total', { result: 'failed' }), 1);
  t.equal(delta('annotation_pipeline_duration_seconds_count'), 1, 'a NaN time is not recorded');
  t.equal(delta('annotation_pipeline_duration_seconds_bucket', { le: '0.01' }), 0, '12 ms is above the 10 ms bucket');
  t.equal(delta('annotation_pipeline_duration_seconds_bucket', { le: '0.025' }), 1);
});

t.test('the queue depth is read from the callback at every scrape, and a failing callback does not fail the scrape', async (t) => {
  let depth = 7;
  const app = await appWithMetrics(t, () => depth);
  t.equal(sample((await app.inject({ method: 'GET', url: '/metrics' })).body, 'ingest_queue_depth'), 7);
  depth = 3;
  t.equal(sample((await app.inject({ method: 'GET', url: '/metrics' })).body, 'ingest_queue_depth'), 3);
  metrics.setQueueDepthSource(() => {
    throw new Error('queue table missing');
  });
  const res = await app.inject({ method: 'GET', url: '/metrics' });
  t.equal(res.statusCode, 200);
  t.equal(sample(res.body, 'ingest_queue_depth'), 3, 'the last value stays');
  metrics.setQueueDepthSource(undefined);
});

t.test('/metrics is not in the OpenAPI document; the batch route is, with its literal colon', async (t) => {
  const app = await appWithMetrics(t, undefined, true);
  await app.ready();
  const paths = Object.keys((app.swagger() as { paths: Record<string, unknown> }).paths);
  t.notOk(paths.includes('/metrics'));
  t.ok(paths.includes('/v1/articles:batch'), paths.join(' '));
});

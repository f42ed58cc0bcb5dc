// Postgres stops while the service runs: readiness and requests answer 503 problem+json with
// Retry-After, and the service recovers by itself once Postgres is back. Runs on a private cluster
// (test/helpers/pg-cluster.ts): the shared one on 5432 is never stopped.
import t from 'tap';
import { openDatabase } from '../../src/db/database.js';
import { isDatabaseUnavailable } from '../../src/plugins/database-errors.js';
import { wireStory } from '../helpers/fixtures.js';
import { startPgCluster } from '../helpers/pg-cluster.js';
import { smallArticle } from './articles.js';
import { startService } from './service.js';

interface Problem {
  type: string;
  status: number;
  title: string;
  detail?: string;
  requestId?: string;
}

/** Polls until `check` is true; the bound is a safety net, not a timing assertion. */
async function eventually(check: () => Promise<boolean>, attempts = 240, pauseMs = 250): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return false;
}

t.test('Postgres stopped under a running service', async (t) => {
  const cluster = await startPgCluster();
  t.teardown(() => cluster.destroy());
  const url = await cluster.createDatabase('news');
  const server = await startService({ DATABASE_URL: url, DATABASE_POOL_SIZE: '4' });
  t.teardown(() => server.stop('SIGKILL'));
  const base = server.baseUrl;

  const created = await server.api('/v1/articles', {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: wireStory,
  });
  t.equal(created.status, 201, 'an article is stored while Postgres runs');
  const { id } = (await created.json()) as { id: string };

  for (const mode of ['fast', 'immediate'] as const) {
    await t.test(`after pg_ctl stop -m ${mode}`, async (t) => {
      // Keep connections in the pool busy right up to the stop, so broken pooled connections are exercised too.
      await Promise.all([1, 2, 3, 4].map(() => server.api(`/v1/articles/${id}/quotes`).then((res) => res.arrayBuffer())));
      await cluster.stop(mode);

      const ready = await fetch(`${base}/readyz`);
      t.equal(ready.status, 503, '/readyz answers 503');
      t.equal(ready.headers.get('content-type'), 'application/problem+json; charset=utf-8');
      t.ok(ready.headers.get('retry-after'), '/readyz says when to retry');

      const requests: [string, RequestInit | undefined][] = [
        [`/v1/articles/${id}`, undefined],
        [`/v1/articles/${id}/quotes`, undefined],
        [`/v1/articles/${id}/paragraphs`, undefined],
        [`/v1/articles?limit=50`, undefined],
        [`/v1/articles`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: smallArticle(mode === 'fast' ? 1 : 2) }],
      ];
      // Several rounds: the first requests meet pooled connections the server closed, later ones
      // meet a refused connect.
      for (let round = 0; round < 3; round++) {
        for (const [path, init] of requests) {
          const res = await server.api(path, init);
          const body = (await res.json()) as Problem;
          t.equal(res.status, 503, `${init?.method ?? 'GET'} ${path} answers 503 (round ${round + 1})`);
          t.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
          t.equal(res.headers.get('retry-after'), '5', 'with Retry-After');
          t.equal(body.type, 'urn:news-annotations:problem:service-unavailable');
          t.notMatch(body.detail ?? '', /127\.0\.0\.1|ECONN|prisma|P1001/i, 'no internals leak');
        }
      }
      const health = await fetch(`${base}/healthz`);
      t.equal(health.status, 200, 'liveness stays 200: restarting the process would not help');

      await cluster.start();
      t.ok(
        await eventually(async () => (await fetch(`${base}/readyz`)).status === 200),
        '/readyz turns 200 by itself once Postgres is back',
      );
      const again = await server.api(`/v1/articles/${id}/quotes`);
      t.equal(again.status, 200, 'reads work again without a restart of the service');
      t.equal(await server.ingest(smallArticle(mode === 'fast' ? 11 : 12)), 201, 'ingest works again');
    });
  }
  t.equal(server.child.exitCode, null, 'the service process never exited');
  t.notOk(
    server.output.some((line) => /"level":(50|60)/.test(line) && /unhandled error/.test(line)),
    'no database outage was logged as an unhandled error (500)',
  );
});

t.test('the errors Prisma throws while Postgres is down are classified as unavailable', async (t) => {
  const cluster = await startPgCluster();
  t.teardown(() => cluster.destroy());
  const database = await openDatabase({ databaseUrl: await cluster.createDatabase('classify'), poolSize: 2 });
  t.teardown(() => database.close());
  await database.migrate();
  const { prisma } = database;

  const duplicate = {
    id: '01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11',
    contentHash: 'a'.repeat(64),
    format: 'plain' as const,
    text: 'x',
    pipelineVersion: 'test',
    paragraphCount: 0,
    quoteCount: 0,
    entityCount: 0,
    mentionCount: 0,
  };
  await prisma.article.create({ data: duplicate });
  const uniqueViolation = await prisma.article.create({ data: duplicate }).then(() => null, (error: unknown) => error);
  t.ok(uniqueViolation, 'a unique violation is an error');
  t.notOk(isDatabaseUnavailable(uniqueViolation), 'but not an unavailable database');
  t.notOk(isDatabaseUnavailable(new Error('boom')), 'nor is an ordinary bug');

  // Every pooled connection busy past maxWait: an overload the client should retry, not a bug.
  let release = () => {};
  const held = prisma.$transaction(async (tx) => {
    await tx.article.count();
    await new Promise<void>((resolve) => (release = resolve));
  });
  const second = prisma.$transaction(async (tx) => {
    await tx.article.count();
    await new Promise<void>((resolve) => setTimeout(resolve, 2000));
  });
  const starved = await prisma
    .$transaction(async (tx) => tx.article.count(), { maxWait: 200 })
    .then(() => null, (error: unknown) => error);
  release();
  await Promise.all([held, second]);
  t.ok(starved, 'a transaction that cannot get a connection within maxWait fails');
  t.ok(isDatabaseUnavailable(starved), `and is classified as unavailable (${(starved as Error | null)?.message?.slice(0, 80)})`);

  // A query in flight when the server shuts down (fast: 57P01; immediate: the socket just closes).
  for (const mode of ['fast', 'immediate'] as const) {
    const inFlight = prisma.$queryRaw`SELECT pg_sleep(5)`.then(() => null, (error: unknown) => error);
    const inTransaction = prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_sleep(5)`;
      })
      .then(() => null, (error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await cluster.stop(mode);
    const errors: Record<string, unknown> = {
      'raw query in flight': await inFlight,
      'transaction in flight': await inTransaction,
      'model query': await prisma.article.count().then(() => null, (error: unknown) => error),
      'raw query (readiness ping)': await database.ping().then(() => null, (error: unknown) => error),
      transaction: await prisma.$transaction(async (tx) => tx.article.count()).then(() => null, (error: unknown) => error),
      'write': await prisma.article
        .create({ data: { ...duplicate, id: '01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c12', contentHash: 'b'.repeat(64) } })
        .then(() => null, (error: unknown) => error),
    };
    for (const [what, error] of Object.entries(errors)) {
      t.ok(error, `${what} fails after stop -m ${mode}`);
      t.ok(
        isDatabaseUnavailable(error),
        `${what} after stop -m ${mode} is classified as unavailable (${(error as { code?: string })?.code ?? (error as Error)?.message?.slice(0, 80)})`,
      );
    }
    await cluster.start();
    t.equal(await prisma.article.count(), 1, `the client reconnects after the restart (${mode})`);
  }
});

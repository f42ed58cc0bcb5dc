// The service process killed or stopped in the middle of work: SIGKILL during ingests leaves no
// partial article; SIGTERM lets requests in flight finish, refuses new ones and exits 0.
import http from 'node:http';
import pg from 'pg';
import t from 'tap';
import { createEmptyPostgresDatabase } from '../helpers/database.js';
import { fixtureVariant, smallArticle } from './articles.js';
import { startService, type Service } from './service.js';

/** Articles whose stored annotation rows differ from their counts columns. */
async function partialArticles(client: pg.Client): Promise<{ id: string }[]> {
  const { rows } = await client.query<{ id: string }>(`
    SELECT a.id FROM "Article" a
    WHERE a."paragraphCount" <> (SELECT count(*) FROM "Paragraph" p WHERE p."articleId" = a.id)
       OR a."quoteCount" <> (SELECT count(*) FROM "Quote" q WHERE q."articleId" = a.id)
       OR a."mentionCount" <> (SELECT count(*) FROM "Mention" m WHERE m."articleId" = a.id)
       OR a."entityCount" <> (SELECT count(DISTINCT m."entityId") FROM "Mention" m WHERE m."articleId" = a.id)`);
  return rows;
}

/** A GET on a new connection (no keep-alive pool): the status, or the connection error's code. */
function freshGet(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

t.test('SIGKILL in the middle of ingests leaves no partial article', async (t) => {
  const { url, drop } = await createEmptyPostgresDatabase();
  t.teardown(drop);
  const client = new pg.Client({ connectionString: url });
  let first: Service | undefined = await startService({ DATABASE_URL: url });
  t.teardown(() => first?.stop('SIGKILL'));
  await client.connect();
  t.teardown(() => client.end());

  const texts = Array.from({ length: 400 }, (_, n) => fixtureVariant(n));
  const service = first;
  let next = 0;
  const answered: number[] = [];
  // Eight clients ingest one after the other until the process dies under them.
  const workers = Array.from({ length: 8 }, async () => {
    while (next < texts.length) {
      const text = texts[next++] as string;
      try {
        answered.push(await service.ingest(text));
      } catch {
        return; // the connection died with the process
      }
    }
  });

  // Wait until ingests have been stored and an ingest transaction is open right now, then kill.
  let sawOpenTransaction = false;
  for (let attempt = 0; attempt < 2000 && !sawOpenTransaction; attempt++) {
    const stored = Number((await client.query('SELECT count(*) FROM "Article"')).rows[0].count);
    const open = await client.query(
      `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
         AND xact_start IS NOT NULL AND state IN ('active', 'idle in transaction')`,
    );
    if (stored >= 5 && open.rowCount && open.rowCount > 0) {
      first.child.kill('SIGKILL');
      sawOpenTransaction = true;
    } else {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  t.ok(sawOpenTransaction, 'the process was killed while an ingest transaction was open');
  await first.stop('SIGKILL');
  first = undefined;
  await Promise.all(workers);
  t.notOk(answered.some((status) => status >= 500), 'no ingest answered 5xx before the kill');

  // Postgres rolls back the transactions of the dead connections.
  for (let attempt = 0; attempt < 200; attempt++) {
    const open = await client.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    if (open.rowCount === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const storedBefore = Number((await client.query('SELECT count(*) FROM "Article"')).rows[0].count);
  t.ok(storedBefore >= 5, `articles stored before the kill are there (${storedBefore})`);
  t.ok(storedBefore < texts.length, 'the kill came before every article was stored');
  t.same(await partialArticles(client), [], 'every stored article has all its paragraphs, quotes and mentions');
  const orphans = await client.query(`
    SELECT (SELECT count(*) FROM "Paragraph" p WHERE NOT EXISTS (SELECT 1 FROM "Article" a WHERE a.id = p."articleId"))
         + (SELECT count(*) FROM "Quote" q WHERE NOT EXISTS (SELECT 1 FROM "Article" a WHERE a.id = q."articleId"))
         + (SELECT count(*) FROM "Mention" m WHERE NOT EXISTS (SELECT 1 FROM "Article" a WHERE a.id = m."articleId")) AS n`);
  t.equal(Number(orphans.rows[0].n), 0, 'no annotation row without its article');

  const second = await startService({ DATABASE_URL: url });
  t.teardown(() => second.stop('SIGKILL'));
  // A client that retries everything after the crash ends with each article stored once.
  const retried = await Promise.all(texts.slice(0, 40).map((text) => second.ingest(text)));
  t.ok(retried.every((status) => status === 200 || status === 201), 'retried ingests answer 200 (stored) or 201 (new)');
  const total = Number((await client.query('SELECT count(*) FROM "Article"')).rows[0].count);
  const unique = Number((await client.query('SELECT count(DISTINCT "contentHash") FROM "Article"')).rows[0].count);
  t.equal(total, unique, 'no article is stored twice');
  t.same(await partialArticles(client), [], 'still no partial article after the retries');
  const page = (await (await second.api('/v1/articles?limit=1')).json()) as {
    items: { id: string; counts: { paragraphs: number; quotes: number } }[];
  };
  const newest = page.items[0]!;
  const paragraphs = (await (await second.api(`/v1/articles/${newest.id}/paragraphs?limit=500`)).json()) as { items: unknown[] };
  const quotes = (await (await second.api(`/v1/articles/${newest.id}/quotes?limit=500`)).json()) as { items: unknown[] };
  t.equal(paragraphs.items.length, newest.counts.paragraphs, 'the API serves as many paragraphs as the article counts');
  t.equal(quotes.items.length, newest.counts.quotes, 'and as many quotes');
  t.equal(await second.stop('SIGTERM'), 0);
});

t.test('SIGTERM lets requests in flight finish, refuses new ones and exits 0', async (t) => {
  const { url, drop } = await createEmptyPostgresDatabase();
  t.teardown(drop);
  const server = await startService({ DATABASE_URL: url, SHUTDOWN_GRACE_MS: '60000' });
  t.teardown(() => server.stop('SIGKILL'));
  const base = server.baseUrl;
  t.equal(await server.ingest(smallArticle(0)), 201, 'the service works before the signal');

  // Long articles so that the requests are still being worked on when the signal arrives.
  // (Fewer requests than pool connections, so none waits for a connection.)
  const long = (n: number) => Array.from({ length: 3 }, (_, part) => fixtureVariant(n * 100 + part)).join('\n\n');
  const inFlightCount = 8;
  const logged = () => server.output.filter((line) => line.includes('"incoming request"') && line.includes('POST')).length;
  const before = logged();
  const inFlight = Array.from({ length: inFlightCount }, (_, n) =>
    server.api('/v1/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: long(n + 1) }).then(
      async (res) => ({ status: res.status, body: (await res.json()) as { id?: string } }),
      (error: Error) => ({ status: 0, body: { error: error.message } as { id?: string } }),
    ),
  );
  // The server has received every request (its log says so) before the signal.
  for (let attempt = 0; attempt < 2000 && logged() - before < inFlightCount; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  t.equal(logged() - before, inFlightCount, 'every request reached the server before SIGTERM');
  const completedBefore = server.output.filter((line) => line.includes('"request completed"')).length;
  const exit = server.stop('SIGTERM');

  // A request on a new connection after the signal is refused (connection refused, or 503 while closing).
  let refused: number | string = 0;
  for (let attempt = 0; attempt < 200; attempt++) {
    refused = await freshGet(`${base}/healthz`);
    if (refused !== 200) break;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  t.ok(refused === 'ECONNREFUSED' || refused === 'ECONNRESET' || refused === 503, `a new request is refused (${refused})`);

  const results = await Promise.all(inFlight);
  t.same(
    results.map((result) => result.status),
    Array(inFlightCount).fill(201),
    'every request in flight completed with 201',
  );
  t.ok(completedBefore < 1 + inFlightCount, 'at least one of them was still running when the signal came');
  const code = await exit;
  t.equal(code, 0, 'the process exits with code 0', { output: code === 0 ? undefined : server.output.slice(-4).map((line) => line.slice(0, 300)), signal: server.child.signalCode });

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  t.teardown(() => client.end());
  const stored = Number((await client.query('SELECT count(*) FROM "Article"')).rows[0].count);
  t.equal(stored, 1 + inFlightCount, 'every article answered 201 is stored');
  t.same(await partialArticles(client), [], 'whole');
});

t.test('two service processes ingesting the same 500 articles store each exactly once', async (t) => {
  const { url, drop } = await createEmptyPostgresDatabase();
  t.teardown(drop);
  const [a, b] = await Promise.all([
    startService({ DATABASE_URL: url }),
    startService({ DATABASE_URL: url }),
  ]);
  t.teardown(() => a.stop('SIGKILL'));
  t.teardown(() => b.stop('SIGKILL'));

  const texts = Array.from({ length: 500 }, (_, n) => smallArticle(n));
  // Each process gets all 500, in a different order, eight at a time.
  const run = async (service: Service, order: number[]) => {
    const ids = new Map<number, { status: number; id: string }>();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < order.length) {
          const index = order[next++] as number;
          const res = await service.api('/v1/articles', {
            method: 'POST',
            headers: { 'content-type': 'text/plain' },
            body: texts[index],
          });
          const body = (await res.json()) as { id: string };
          ids.set(index, { status: res.status, id: body.id });
        }
      }),
    );
    return ids;
  };
  const forward = texts.map((_, n) => n);
  // The second order overlaps the first in the middle, where the races happen.
  const interleaved = [...forward.slice(250), ...forward.slice(0, 250)].reverse();
  const [fromA, fromB] = await Promise.all([run(a, forward), run(b, interleaved)]);

  const statuses = [...fromA.values(), ...fromB.values()].map((result) => result.status);
  t.notOk(statuses.some((status) => status >= 500), 'no ingest answered 5xx');
  t.ok(statuses.every((status) => status === 200 || status === 201), 'every ingest answered 200 or 201');
  t.equal(statuses.filter((status) => status === 201).length, 500, 'exactly one 201 per article across both processes');
  const sameId = texts.every((_, n) => fromA.get(n)?.id === fromB.get(n)?.id);
  t.ok(sameId, 'both processes answered the same id for the same article');

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  t.teardown(() => client.end());
  const count = Number((await client.query('SELECT count(*) FROM "Article"')).rows[0].count);
  t.equal(count, 500, '500 articles are stored');
  const duplicateEntities = await client.query(
    `SELECT type, "normalizedName" FROM "Entity" GROUP BY 1, 2 HAVING count(*) > 1`,
  );
  t.equal(duplicateEntities.rowCount, 0, 'no entity is created twice by the race');
  t.same(await partialArticles(client), [], 'every article is whole');
});

import t from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';

interface BatchBody {
  counts: { created: number; existing: number; failed: number };
  items: {
    index: number;
    line: number;
    status: 'created' | 'existing' | 'failed';
    id?: string;
    problem?: { type: string; status: number; detail?: string; errors?: { pointer: string }[]; existingId?: string };
  }[];
}

const article = (n: number, extra: Record<string, unknown> = {}) => ({
  headline: `Harbour ${n} reopens`,
  body: `"We are relieved," said harbour master Anna Berg of harbour ${n}.\n\nShips returned on Monday.`,
  ...extra,
});
const ndjson = (lines: unknown[]) => lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n') + '\n';

for (const kind of storageKinds()) {
  t.test(`on ${kind} storage`, async (t) => {
    const { api } = await createTestApp(t, kind);

    const post = (payload: string, contentType = 'application/x-ndjson') =>
      api({ method: 'POST', url: '/v1/articles:batch', headers: { 'content-type': contentType }, payload });

    t.test('a batch stores each line and answers one result per line, in order', async (t) => {
      const res = await post(ndjson([article(1), article(2), article(3)]));
      t.equal(res.statusCode, 200);
      const body = res.json<BatchBody>();
      t.same(body.counts, { created: 3, existing: 0, failed: 0 });
      t.same(body.items.map((item) => [item.index, item.line, item.status]), [[0, 1, 'created'], [1, 2, 'created'], [2, 3, 'created']]);
      for (const item of body.items) {
        const stored = await api({ method: 'GET', url: `/v1/articles/${item.id}` });
        t.equal(stored.json<{ headline: string }>().headline, `Harbour ${item.index + 1} reopens`);
      }
    });

    t.test('bad lines get their problem and never sink the good ones', async (t) => {
      const res = await post(
        ndjson([
          article(1),
          '{"headline": "cut off',
          { headline: 'No body' },
          article(4, { colour: 'red' }),
          article(5, { source: 'Wire', externalId: 'w-5' }),
          article(6, { source: 'Wire', externalId: 'w-5' }),
          article(7),
        ]),
      );
      t.equal(res.statusCode, 200);
      const { counts, items } = res.json<BatchBody>();
      t.same(counts, { created: 2, existing: 1, failed: 4 });
      t.same(items.map((item) => item.status), ['existing', 'failed', 'failed', 'failed', 'created', 'failed', 'created']);
      t.equal(items[1]?.problem?.type, 'urn:news-annotations:problem:malformed-body');
      t.equal(items[2]?.problem?.type, 'urn:news-annotations:problem:validation-failed');
      t.same(items[2]?.problem?.errors?.map((error) => error.pointer), ['/body']);
      t.match(items[3]?.problem?.detail, /unknown property 'colour'/);
      t.equal(items[5]?.problem?.type, 'urn:news-annotations:problem:external-id-conflict');
      t.equal(items[5]?.problem?.status, 409);
      t.equal(items[5]?.problem?.existingId, items[4]?.id, 'the conflict names the article holding the external id');
      t.equal(items[1]?.id, undefined, 'a failed line has no id');
    });

    t.test('blank lines are skipped but line numbers stay those of the body', async (t) => {
      const res = await post(`\n${JSON.stringify(article(8))}\r\n\n${JSON.stringify(article(9))}`);
      const { items } = res.json<BatchBody>();
      t.same(items.map((item) => [item.index, item.line, item.status]), [[0, 2, 'created'], [1, 4, 'created']]);
    });

    t.test('posting the same batch again stores nothing new', async (t) => {
      const payload = ndjson([article(20), article(21)]);
      await post(payload);
      const again = (await post(payload)).json<BatchBody>();
      t.same(again.counts, { created: 0, existing: 2, failed: 0 });
    });

    t.test('a batch without articles or with too many is refused as a whole', async (t) => {
      const blank = await post('\n\n  \n');
      t.equal(blank.statusCode, 400);
      t.equal(blank.json<{ type: string }>().type, 'urn:news-annotations:problem:empty-body');
      const tooMany = await post(ndjson(Array.from({ length: 1001 }, (_, n) => article(1000 + n))));
      t.equal(tooMany.statusCode, 413);
      t.match(tooMany.json<{ detail: string }>().detail, /1001 articles; at most 1000/);
      t.equal(tooMany.headers['content-type'], 'application/problem+json; charset=utf-8');
    });

    t.test('only NDJSON (and its JSON form) is taken, and the colon path is literal', async (t) => {
      const json = await post(JSON.stringify(article(30)), 'text/plain');
      t.equal(json.statusCode, 415);
      t.equal(json.json<{ type: string }>().type, 'urn:news-annotations:problem:unsupported-media-type');
      const other = await api({ method: 'POST', url: '/v1/articles:bulk', headers: { 'content-type': 'application/x-ndjson' }, payload: ndjson([article(31)]) });
      t.not(other.statusCode, 200, '/articles:bulk is no route');
      const get = await api({ method: 'GET', url: '/v1/articles:batch' });
      t.equal(get.statusCode, 405);
    });
  });
}

import t from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';

for (const kind of storageKinds()) {
  t.test(`Idempotency-Key on ${kind} storage`, async (t) => {
    const { api, createKey } = await createTestApp(t, kind);
    const article = { headline: 'Retry-safe', body: '"It works," said Ana Lopes, the engineer.' };
    const count = async () => (await api({ method: 'GET', url: '/v1/articles' })).json<{ items: unknown[] }>().items.length;

    t.test('a retry with the same key gets the first answer, replayed', async (t) => {
      const headers = { 'idempotency-key': 'ingest-001' };
      const first = await api({ method: 'POST', url: '/v1/articles', payload: article, headers });
      t.equal(first.statusCode, 201);
      const retry = await api({ method: 'POST', url: '/v1/articles', payload: article, headers });
      t.equal(retry.statusCode, 201, 'the same status, not 200');
      t.equal(retry.headers['idempotent-replayed'], 'true');
      t.equal(retry.headers.location, first.headers.location);
      t.same(retry.json(), first.json());
      t.equal(await count(), 1);
    });

    t.test('the same key with a different body is a 422', async (t) => {
      const res = await api({
        method: 'POST',
        url: '/v1/articles',
        payload: { ...article, headline: 'Something else' },
        headers: { 'idempotency-key': 'ingest-001' },
      });
      t.equal(res.statusCode, 422);
      t.equal(res.json<{ type: string }>().type, 'urn:news-annotations:problem:idempotency-key-reused');
      t.equal(await count(), 1);
    });

    t.test('keys belong to one API key: another client may use the same key', async (t) => {
      const other = await createKey(['write']);
      const res = await api({
        method: 'POST',
        url: '/v1/articles',
        payload: { headline: 'Other client', body: 'Its own text.' },
        headers: { 'idempotency-key': 'ingest-001', authorization: `Bearer ${other}` },
      });
      t.equal(res.statusCode, 201);
    });

    t.test('concurrent duplicates do not both run', async (t) => {
      const payload = { headline: 'Concurrent', body: 'Ten copies of one request at once.' };
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => api({ method: 'POST', url: '/v1/articles', payload, headers: { 'idempotency-key': 'burst-1' } })),
      );
      const fresh = answers.filter((res) => res.statusCode === 201 && res.headers['idempotent-replayed'] === undefined);
      t.equal(fresh.length, 1, 'exactly one request ran');
      t.ok(answers.every((res) => res.statusCode === 201 || res.statusCode === 409), 'the others were replayed or told to retry');
      t.ok(answers.filter((res) => res.statusCode === 409).every((res) => res.headers['retry-after'] === '1'));
    });

    t.test('a key that is not visible ASCII is a 400', async (t) => {
      const res = await api({ method: 'POST', url: '/v1/articles', payload: article, headers: { 'idempotency-key': 'has space' } });
      t.equal(res.statusCode, 400);
    });
  });
}

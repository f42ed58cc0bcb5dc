import t from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';
import { wireStory } from './helpers/fixtures.js';

const postWire = { method: 'POST' as const, url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory };

for (const kind of storageKinds()) {
  t.test(`on ${kind} storage`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const countArticles = async () => (await api({ method: 'GET', url: '/v1/articles?limit=200' })).json<{ items: unknown[] }>().items.length;

    t.test('posting the same story twice stores one article; the second answer is 200 with it', async (t) => {
      const first = await api(postWire);
      const second = await api(postWire);
      t.equal(first.statusCode, 201);
      t.equal(second.statusCode, 200);
      t.equal(second.json<{ id: string }>().id, first.json<{ id: string }>().id);
      t.equal(second.headers.location, first.headers.location);
      t.equal(await countArticles(), 1);
    });

    t.test('windows line endings are the same text', async (t) => {
      const res = await api({ ...postWire, payload: wireStory.replace(/\n/g, '\r\n') });
      t.equal(res.statusCode, 200);
      t.equal(await countArticles(), 1);
    });

    t.test('twenty concurrent copies of a new story store one article and answer no 5xx', async (t) => {
      const payload = { headline: 'Concurrent copies', body: '"We will rebuild," said Mayor Ana Lopes on Tuesday.\n\nThe council agreed.' };
      const answers = await Promise.all(
        Array.from({ length: 20 }, () => api({ method: 'POST', url: '/v1/articles', payload })),
      );
      const statuses = answers.map((res) => res.statusCode);
      t.equal(statuses.filter((status) => status === 201).length, 1, 'exactly one created');
      t.equal(statuses.filter((status) => status === 200).length, 19, 'the others get the stored one');
      t.equal(new Set(answers.map((res) => res.json<{ id: string }>().id)).size, 1, 'all name the same article');
      t.equal(await countArticles(), 2);
    });

    t.test('the same source and external id: same text is 200, other text is a 409 naming the article', async (t) => {
      const article = { headline: 'Bridge closed', body: 'The old bridge closed on Friday.', source: 'Test Wire', externalId: 'bridge-1' };
      const first = await api({ method: 'POST', url: '/v1/articles', payload: article });
      t.equal(first.statusCode, 201);
      const same = await api({ method: 'POST', url: '/v1/articles', payload: article });
      t.equal(same.statusCode, 200);
      const changed = await api({ method: 'POST', url: '/v1/articles', payload: { ...article, body: 'The old bridge reopened on Friday.' } });
      t.equal(changed.statusCode, 409);
      t.match(changed.headers['content-type'], /application\/problem\+json/);
      t.equal(changed.json<{ existingId: string }>().existingId, first.json<{ id: string }>().id);
      const otherSource = await api({ method: 'POST', url: '/v1/articles', payload: { ...article, source: 'Other Wire', body: 'Different text.' } });
      t.equal(otherSource.statusCode, 201, 'external ids are unique per source only');
    });
  });
}

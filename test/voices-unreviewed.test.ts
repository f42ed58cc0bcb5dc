import t from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';
import { wireStory } from './helpers/fixtures.js';

interface Listed {
  id: string;
  unreviewed: { quotes: number; mentions: number };
}

for (const kind of storageKinds()) {
  t.test(`the article list says how much of each article is unreviewed, on ${kind} storage`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const id = (await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory })).json<{ id: string }>().id;
    const other = await api({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'application/json' },
      payload: { headline: 'Ferry back', body: '"We sail at noon," said Ilse Varga, the ferry captain.' },
    });
    const otherId = other.json<{ id: string }>().id;
    const listed = async () => (await api({ method: 'GET', url: '/v1/articles?limit=10' })).json<{ items: Listed[] }>().items;
    const quotes = (await api({ method: 'GET', url: `/v1/articles/${id}/quotes?limit=500` })).json<{ items: { id: string; version: number }[] }>().items;
    const entities = (await api({ method: 'GET', url: `/v1/articles/${id}/entities?limit=500` })).json<{ items: { mentions: { id: string; version: number }[] }[] }>().items;
    const mentions = entities.flatMap((entity) => entity.mentions);

    const first = await listed();
    t.same(first.map((item) => item.id), [otherId, id], 'newest first');
    t.same(first[1]?.unreviewed, { quotes: quotes.length, mentions: mentions.length }, 'everything a machine found is unreviewed at first');
    t.ok(first[0]!.unreviewed.quotes >= 0 && first[0]!.unreviewed.mentions >= 0, 'each article has its own counts');

    const accept = await api({
      method: 'PATCH',
      url: `/v1/articles/${id}/quotes/${quotes[0]!.id}`,
      headers: { 'content-type': 'application/json', 'if-match': `"${quotes[0]!.version}"` },
      payload: { reviewStatus: 'confirmed' },
    });
    t.equal(accept.statusCode, 200);
    const reject = await api({
      method: 'PATCH',
      url: `/v1/articles/${id}/mentions/${mentions[0]!.id}`,
      headers: { 'content-type': 'application/json', 'if-match': `"${mentions[0]!.version}"` },
      payload: { reviewStatus: 'rejected' },
    });
    t.equal(reject.statusCode, 200);
    const after = (await listed()).find((item) => item.id === id);
    t.same(after?.unreviewed, { quotes: quotes.length - 1, mentions: mentions.length - 1 }, 'an accepted quote and a rejected mention are reviewed');
    const other2 = (await listed()).find((item) => item.id === otherId);
    t.same(other2?.unreviewed, first[0]?.unreviewed, 'the other article is unchanged');

    const filtered = (await api({ method: 'GET', url: `/v1/articles?limit=1&q=ferry` })).json<{ items: Listed[] }>().items;
    t.same(filtered.map((item) => item.id), [otherId], 'filtered lists carry the counts too');
    t.type(filtered[0]?.unreviewed.quotes, 'number');
  });
}

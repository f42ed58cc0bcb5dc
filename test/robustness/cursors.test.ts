// Finding 14: forged pagination cursors are client input. Every list refuses them with 400
// `invalid-cursor` instead of failing a cast in Postgres (500).
import t from 'tap';
import { createTestApp } from '../helpers/app.js';
import { storageKinds } from '../helpers/database.js';
import { wireStory } from '../helpers/fixtures.js';

const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const forged = [
  forge({ id: 'abc' }),
  forge({ start: 1, id: 'zzz' }),
  forge({ index: 9007199254740991 }),
  forge({ index: 2 ** 31 }),
  forge({ start: -1e20, id: 'x', index: -1e20 }),
  forge({ score: 1, id: "1' OR 1=1 --" }),
  forge({ rank: 1, id: 'x' }),
  forge({ t: 'not a time', id: 'x' }),
  forge([1, 2]),
  forge('a string'),
  'bm90IGpzb24',
  '!!!',
  forge({ id: 'a'.repeat(90) }),
];

for (const kind of storageKinds()) {
  t.test(`forged cursors are a 400 invalid-cursor on every list (${kind})`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const created = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
    const id = created.json<{ id: string }>().id;
    const entityId = (await api({ method: 'GET', url: `/v1/articles/${id}/entities?limit=1` })).json<{ items: { id: string }[] }>().items[0]!.id;
    const lists = [
      '/v1/articles',
      `/v1/articles/${id}/paragraphs`,
      `/v1/articles/${id}/quotes`,
      `/v1/articles/${id}/entities`,
      `/v1/articles/${id}/history`,
      '/v1/entities',
      '/v1/entities?q=kim',
      `/v1/entities/${entityId}/quotes`,
      '/v1/quotes',
      '/v1/quotes?q=talks',
      '/v1/api-keys',
    ];
    const statuses = new Map<string, number>();
    for (const list of lists) {
      for (const cursor of forged) {
        const url = `${list}${list.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
        const res = await api({ method: 'GET', url });
        const key = `${res.statusCode} ${res.statusCode === 200 ? '' : res.json<{ type: string }>().type}`;
        statuses.set(key, (statuses.get(key) ?? 0) + 1);
        if (res.statusCode >= 500) t.fail(`${url} answered ${res.statusCode}`);
      }
    }
    t.same([...statuses.keys()], ['400 urn:news-annotations:problem:invalid-cursor'], 'every forged cursor is refused as invalid-cursor');
    const page = await api({ method: 'GET', url: `/v1/articles/${id}/paragraphs?limit=2` });
    const next = page.json<{ nextCursor: string }>().nextCursor;
    t.equal((await api({ method: 'GET', url: `/v1/articles/${id}/paragraphs?limit=2&cursor=${next}` })).statusCode, 200, 'a real cursor still works');
  });
}

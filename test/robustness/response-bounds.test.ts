// Finding 2 (responses): an article's entities list caps each entity's mentions at 100 and says
// how many there are, so one answer stays small however often an article names someone; and an
// article past the per-article limits is refused before it is annotated or stored.
import t from 'tap';
import { createTestApp } from '../helpers/app.js';
import { storageKinds } from '../helpers/database.js';

interface EntityBody { canonicalName: string; mentionCount: number; mentions: { start: number }[] }

for (const kind of storageKinds()) {
  t.test(`entity mentions are capped and counted (${kind})`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const text = `Lopez day\n\n${Array.from({ length: 400 }, (_, n) => `Maria Lopez spoke in Berlin for the ${n + 1}th time.`).join('\n\n')}`;
    const created = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: text });
    t.equal(created.statusCode, 201);
    const id = created.json<{ id: string }>().id;
    const res = await api({ method: 'GET', url: `/v1/articles/${id}/entities?limit=500` });
    t.equal(res.statusCode, 200);
    const entities = res.json<{ items: EntityBody[] }>().items;
    const busiest = entities.reduce((a, b) => (b.mentionCount > a.mentionCount ? b : a));
    t.ok(busiest.mentionCount >= 400, `the busiest entity has ${busiest.mentionCount} mentions`);
    t.equal(busiest.mentions.length, 100, 'of which the first 100 are listed');
    t.ok(busiest.mentions.every((m, n) => n === 0 || m.start >= busiest.mentions[n - 1]!.start), 'in text order');
    t.ok(entities.every((e) => e.mentions.length === Math.min(100, e.mentionCount)), 'every entity says how many mentions it has');
    t.ok(res.body.length < 200_000, `the answer stays small (${res.body.length} bytes)`);
  });
}

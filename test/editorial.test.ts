import t from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';
import { sliceCodePoints, wireStory } from './helpers/fixtures.js';

interface EntityRef {
  id: string;
  canonicalName: string;
  type: string;
}
interface QuoteBody {
  id: string;
  version: number;
  start: number;
  end: number;
  text: string;
  speaker: (EntityRef & { mention: unknown }) | null;
  via: EntityRef | null;
  attribution: { rule: string };
  provenance: { origin: string; reviewStatus: string; updatedBy: string | null };
}
interface EventBody {
  id: string;
  targetType: string;
  targetId: string;
  action: string;
  actor: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}
interface ArticleEntityBody extends EntityRef {
  mentions: { id: string; version: number; text: string; provenance: { reviewStatus: string } }[];
}

for (const kind of storageKinds()) {
  t.test(`editor corrections on ${kind} storage`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const created = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
    const articleId = created.json<{ id: string }>().id;
    const base = `/v1/articles/${articleId}`;
    const quotes = async (query = '') => (await api({ method: 'GET', url: `${base}/quotes${query}` })).json<{ items: QuoteBody[] }>().items;
    const entities = async (query = '') =>
      (await api({ method: 'GET', url: `${base}/entities?limit=500${query}` })).json<{ items: ArticleEntityBody[] }>().items;
    const entityNamed = async (name: string) => {
      const found = (await entities()).find((e) => e.canonicalName === name);
      if (!found) throw new Error(`no entity ${name}`);
      return found;
    };
    const history = async () => (await api({ method: 'GET', url: `${base}/history` })).json<{ items: EventBody[] }>().items;

    const putin = await entityNamed('Vladimir Putin');
    // the agency's mixed report that holds the quoted words "readily accepted"
    const target = (await quotes()).find((q) => q.text.includes('"readily accepted"'));
    if (!target) throw new Error('the fixture quote "readily accepted" is missing');
    const originalSpeaker = target.speaker?.canonicalName;

    t.test('changing a quote speaker needs the current ETag and is recorded', async (t) => {
      const url = `${base}/quotes/${target.id}`;
      const read = await api({ method: 'GET', url });
      t.equal(read.headers.etag, `"${target.version}"`);
      const patch = { speakerEntityId: putin.id };
      t.equal((await api({ method: 'PATCH', url, payload: patch })).statusCode, 428, 'no If-Match: 428');
      const stale = await api({ method: 'PATCH', url, payload: patch, headers: { 'if-match': '"99"' } });
      t.equal(stale.statusCode, 412, 'stale If-Match: 412');
      t.equal((await api({ method: 'GET', url })).json<QuoteBody>().speaker?.canonicalName, originalSpeaker, 'a 412 changed nothing');

      const res = await api({ method: 'PATCH', url, payload: patch, headers: { 'if-match': read.headers.etag as string } });
      t.equal(res.statusCode, 200);
      const changed = res.json<QuoteBody>();
      t.equal(changed.speaker?.canonicalName, 'Vladimir Putin');
      t.equal(changed.attribution.rule, 'editor');
      t.equal(changed.provenance.updatedBy, 'test-admin', 'the key name is the actor');
      t.equal(res.headers.etag, `"${target.version + 1}"`);
    });

    t.test('two concurrent PATCHes with the same ETag: one wins, one gets 412', async (t) => {
      const url = `${base}/quotes/${target.id}`;
      const etag = (await api({ method: 'GET', url })).headers.etag as string;
      const answers = await Promise.all(
        ['confirmed', 'unreviewed'].map((reviewStatus) =>
          api({ method: 'PATCH', url, payload: { reviewStatus }, headers: { 'if-match': etag } }),
        ),
      );
      t.same(answers.map((r) => r.statusCode).sort(), [200, 412]);
    });

    t.test('rejecting a wrong mention hides it unless include=rejected', async (t) => {
      const hanoi = await entityNamed('Hanoi');
      const mention = hanoi.mentions[0]!;
      const url = `${base}/mentions/${mention.id}`;
      const etag = (await api({ method: 'GET', url })).headers.etag as string;
      const res = await api({ method: 'PATCH', url, payload: { reviewStatus: 'rejected' }, headers: { 'if-match': etag } });
      t.equal(res.statusCode, 200);
      const visible = (await entities()).find((e) => e.id === hanoi.id);
      t.notOk(visible?.mentions.some((m) => m.id === mention.id), 'hidden by default');
      const all = (await entities('&include=rejected')).find((e) => e.id === hanoi.id);
      t.equal(all?.mentions.find((m) => m.id === mention.id)?.provenance.reviewStatus, 'rejected', 'kept and listed on request');
    });

    t.test('adding a missed quote checks its span against the text', async (t) => {
      const words = 'cash-strapped Pyongyang demanded immediate relief';
      const start = Array.from(wireStory).join('').indexOf(words);
      const kim = await entityNamed('Kim Jong Un');
      const bad = await api({ method: 'POST', url: `${base}/quotes`, payload: { start: 10, end: 10 ** 6, speakerEntityId: kim.id } });
      t.equal(bad.statusCode, 422, 'a span past the end is refused');
      const empty = await api({ method: 'POST', url: `${base}/quotes`, payload: { start: 5, end: 5 } });
      t.equal(empty.statusCode, 422, 'an empty span is refused');
      const res = await api({
        method: 'POST',
        url: `${base}/quotes`,
        payload: { start, end: start + words.length, kind: 'mixed', speakerEntityId: kim.id },
      });
      t.equal(res.statusCode, 201);
      const quote = res.json<QuoteBody>();
      t.equal(quote.text, words);
      t.equal(sliceCodePoints(wireStory, quote.start, quote.end), words);
      t.equal(quote.provenance.origin, 'editor');
      t.equal(res.headers.location, `${base}/quotes/${quote.id}`);
      t.ok((await quotes()).some((q) => q.id === quote.id), 'listed with the others');
    });

    t.test('merging two entities moves their mentions and names', async (t) => {
      const into = await entityNamed('Russia');
      const merged = await entityNamed('Moscow');
      const res = await api({ method: 'POST', url: `/v1/entities/${into.id}/merge`, payload: { entityId: merged.id } });
      t.equal(res.statusCode, 200);
      const body = res.json<{ aliases: string[]; counts: { mentions: number } }>();
      t.ok(body.aliases.includes('Moscow'), 'the merged name is an alias');
      t.equal(body.counts.mentions, into.mentions.length + merged.mentions.length);
      t.equal((await api({ method: 'GET', url: `/v1/entities/${merged.id}` })).statusCode, 404);
    });

    t.test('history lists each change with actor and before/after, and a revert restores the earlier state', async (t) => {
      const events = await history();
      t.same(
        events.map((e) => `${e.targetType}:${e.action}`),
        ['quote:update', 'quote:review', 'mention:review', 'quote:create', 'entity:merge'],
      );
      t.ok(events.every((e) => e.actor === 'test-admin'));
      const speakerChange = events[0]!;
      t.not(speakerChange.before?.speakerEntityId, putin.id);
      t.equal(speakerChange.after?.speakerEntityId, putin.id);
      const ownHistory = await api({ method: 'GET', url: `${base}/quotes/${target.id}/history` });
      t.equal(ownHistory.json<{ items: EventBody[] }>().items.length, 2, 'per-annotation history');

      const revert = await api({ method: 'POST', url: `${base}/quotes/${target.id}/revert`, payload: { eventId: speakerChange.id } });
      t.equal(revert.statusCode, 200);
      t.equal(revert.json<QuoteBody>().speaker?.canonicalName, originalSpeaker, 'the speaker is back');
      t.equal((await history()).at(-1)?.action, 'revert', 'the revert is a change too');
    });

    t.test('deleting a quote and reverting the delete brings it back with its id', async (t) => {
      const quote = (await quotes())[0]!;
      const url = `${base}/quotes/${quote.id}`;
      const deleted = await api({ method: 'DELETE', url, headers: { 'if-match': `"${quote.version}"` } });
      t.equal(deleted.statusCode, 204);
      t.equal((await api({ method: 'GET', url })).statusCode, 404);
      const deletion = (await history()).at(-1)!;
      t.equal(deletion.action, 'delete');
      const revert = await api({ method: 'POST', url: `${url}/revert`, payload: { eventId: deletion.id } });
      t.equal(revert.statusCode, 200);
      t.equal(revert.json<QuoteBody>().text, quote.text);
    });
  });
}

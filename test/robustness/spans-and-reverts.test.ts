// Findings 6 and 7: spans stay fresh and reverts either fit the article as it is now or answer
// 409. A revision moves a quote's cue with it; a revert of an edit made before a revision restores
// a span that slices the current text; a new speaker clears the old speaker's cue; deleting a
// speaker's mention is a recorded change of the quote; reverts that name a deleted mention or a
// merged entity are 409s (not 500s); a revert undoes one change, not the later ones; the same
// mention posted twice is stored once.
import t, { type Test } from 'tap';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { storageKinds } from '../helpers/database.js';
import { sliceCodePoints, wireStory } from '../helpers/fixtures.js';

interface SpanBody { start: number; end: number; text: string }
interface QuoteBody extends SpanBody {
  id: string;
  version: number;
  kind: string;
  cue: SpanBody | null;
  speaker: { id: string; type: string; mention: (SpanBody & { id: string }) | null } | null;
  provenance: { reviewStatus: string };
}
interface MentionBody extends SpanBody { id: string; version: number; entityId: string }
interface EntityBody { id: string; type: string; canonicalName: string; mentions: MentionBody[] }
interface EventBody { id: string; action: string; before: Record<string, unknown> | null }

async function setUp(t: Test, kind: 'postgres' | 'embedded') {
  const app = await createTestApp(t, kind);
  const created = await app.api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
  const id = created.json<{ id: string }>().id;
  const base = `/v1/articles/${id}`;
  const quotes = async () => (await app.api({ method: 'GET', url: `${base}/quotes?limit=500` })).json<{ items: QuoteBody[] }>().items;
  const quote = async (quoteId: string) => {
    const res = await app.api({ method: 'GET', url: `${base}/quotes/${quoteId}` });
    return { body: res.json<QuoteBody>(), etag: res.headers.etag as string };
  };
  const entities = async () => (await app.api({ method: 'GET', url: `${base}/entities?limit=500` })).json<{ items: EntityBody[] }>().items;
  const patchQuote = async (quoteId: string, payload: object) => {
    const { etag } = await quote(quoteId);
    return app.api({ method: 'PATCH', url: `${base}/quotes/${quoteId}`, headers: { 'if-match': etag }, payload });
  };
  const lastEvent = async (quoteId: string) =>
    (await app.api({ method: 'GET', url: `${base}/quotes/${quoteId}/history?limit=500` })).json<{ items: EventBody[] }>().items.at(-1)!;
  const revise = async (text: string) => {
    const etag = (await app.api({ method: 'GET', url: base })).headers.etag as string;
    const res = await app.api({ method: 'PUT', url: base, headers: { 'content-type': 'text/plain', 'if-match': etag }, payload: text });
    t.equal(res.statusCode, 200, 'the revision is stored');
  };
  return { app, id, base, quotes, quote, entities, patchQuote, lastEvent, revise };
}
type Setup = Awaited<ReturnType<typeof setUp>>;

const revert = (s: Setup, quoteId: string, eventId: string) =>
  s.app.api({ method: 'POST', url: `${s.base}/quotes/${quoteId}/revert`, payload: { eventId } });

const withCueAndMention = (quotes: QuoteBody[]) => quotes.filter((q) => q.cue && q.speaker?.mention);

for (const kind of storageKinds()) {
  t.test(`spans stay fresh and reverts fit the current article (${kind})`, async (t) => {
    const s = await setUp(t, kind);
    const candidates = withCueAndMention(await s.quotes());
    t.ok(candidates.length >= 5, `the fixture has quotes with a cue and a speaker mention (${candidates.length})`);
    const [moved, edited, respoken, released, kept] = candidates;
    const people = (await s.entities()).filter((e) => e.type === 'PERSON');

    // Before the revision: one quote confirmed (re-anchored by text), one quote's span edited.
    t.equal((await s.patchQuote(moved!.id, { reviewStatus: 'confirmed' })).statusCode, 200);
    t.equal((await s.patchQuote(edited!.id, { start: edited!.start + 1 })).statusCode, 200);
    const spanEdit = await s.lastEvent(edited!.id);
    const revisedText = `Updated at 10:00 GMT with a correction.\n\n${wireStory}`;
    await s.revise(revisedText);

    await t.test('a revision moves a confirmed quote together with its cue', async (t) => {
      const now = (await s.quote(moved!.id)).body;
      t.equal(sliceCodePoints(revisedText, now.start, now.end), now.text, 'the quote slices the new text');
      t.ok(now.cue, 'it keeps its cue');
      t.equal(sliceCodePoints(revisedText, now.cue!.start, now.cue!.end), now.cue!.text, 'the cue slices the new text');
      t.equal(now.cue!.text, moved!.cue!.text, 'with the same words');
    });

    await t.test('reverting an edit made before a revision restores a span that fits the current text', async (t) => {
      const res = await revert(s, edited!.id, spanEdit.id);
      t.equal(res.statusCode, 200);
      const now = res.json<QuoteBody>();
      t.equal(now.text, edited!.text, 'the words before the edit are back');
      t.equal(sliceCodePoints(revisedText, now.start, now.end), now.text, 'at their place in the current text');
    });

    await t.test('a new speaker clears the old cue unless the change sets one', async (t) => {
      const other = people.find((p) => p.id !== respoken!.speaker!.id)!;
      const res = await s.patchQuote(respoken!.id, { speakerEntityId: other.id });
      t.equal(res.statusCode, 200);
      t.equal(res.json<QuoteBody>().cue, null, 'the cue naming the old speaker is cleared');
      t.equal(res.json<QuoteBody>().speaker?.mention ?? null, null, 'and so is the speaker mention');
      const cue = respoken!.cue!;
      const again = await s.patchQuote(respoken!.id, { speakerEntityId: respoken!.speaker!.id, cue: { start: cue.start + 40, end: cue.end + 40 } });
      t.equal(again.statusCode, 200);
      t.same(again.json<QuoteBody>().cue?.start, cue.start + 40, 'a cue given with the new speaker is kept');
    });

    await t.test('deleting the mention that names a speaker is a recorded change of the quote', async (t) => {
      const before = await s.quote(released!.id);
      const mentionId = before.body.speaker!.mention!.id;
      const mention = await s.app.api({ method: 'GET', url: `${s.base}/mentions/${mentionId}` });
      const deleted = await s.app.api({ method: 'DELETE', url: `${s.base}/mentions/${mentionId}`, headers: { 'if-match': mention.headers.etag as string } });
      t.equal(deleted.statusCode, 204);
      const after = await s.quote(released!.id);
      t.equal(after.body.speaker?.mention ?? null, null, 'the quote no longer names the mention');
      t.equal(after.body.speaker?.id, before.body.speaker!.id, 'it keeps its speaker entity');
      t.not(after.etag, before.etag, 'its ETag changed');
      const event = await s.lastEvent(released!.id);
      t.equal(event.action, 'update', 'its history records the change');
      t.equal(event.before?.speakerMentionId, mentionId);
    });

    await t.test('a revert that would restore a deleted speaker mention is a 409', async (t) => {
      const target = (await s.quote(kept!.id)).body;
      const other = people.find((p) => p.id !== target.speaker!.id)!;
      t.equal((await s.patchQuote(kept!.id, { speakerEntityId: other.id })).statusCode, 200);
      const speakerChange = await s.lastEvent(kept!.id);
      const mention = await s.app.api({ method: 'GET', url: `${s.base}/mentions/${target.speaker!.mention!.id}` });
      t.equal((await s.app.api({ method: 'DELETE', url: `${s.base}/mentions/${target.speaker!.mention!.id}`, headers: { 'if-match': mention.headers.etag as string } })).statusCode, 204);
      const res = await revert(s, kept!.id, speakerChange.id);
      t.equal(res.statusCode, 409, 'refused with 409');
      t.equal(res.json<{ type: string }>().type, 'urn:news-annotations:problem:conflict');
      t.match(res.json<{ detail: string }>().detail, /speakerMentionId/);
    });

    await t.test('a revert that would restore an entity merged away is a 409', async (t) => {
      const quote = candidates[5] ?? candidates[0]!;
      const [x, y, z] = people.filter((p) => p.id !== quote.speaker!.id);
      t.equal((await s.patchQuote(quote.id, { speakerEntityId: x!.id })).statusCode, 200);
      t.equal((await s.patchQuote(quote.id, { speakerEntityId: y!.id })).statusCode, 200);
      const backToX = await s.lastEvent(quote.id);
      const merged = await s.app.api({ method: 'POST', url: `/v1/entities/${z!.id}/merge`, payload: { entityId: x!.id } });
      t.equal(merged.statusCode, 200, 'x is merged into z');
      const res = await revert(s, quote.id, backToX.id);
      t.equal(res.statusCode, 409, 'refused with 409');
      t.match(res.json<{ detail: string }>().detail, /speakerEntityId/);
    });

    await t.test('a revert undoes that one change and keeps later changes of other fields', async (t) => {
      const quote = candidates[6] ?? candidates[1]!;
      t.equal((await s.patchQuote(quote.id, { reviewStatus: 'confirmed' })).statusCode, 200);
      const review = await s.lastEvent(quote.id);
      t.equal((await s.patchQuote(quote.id, { kind: 'indirect' })).statusCode, 200);
      const res = await revert(s, quote.id, review.id);
      t.equal(res.statusCode, 200);
      t.equal(res.json<QuoteBody>().provenance.reviewStatus, 'unreviewed', 'the review is undone');
      t.equal(res.json<QuoteBody>().kind, 'indirect', 'the later change of kind stays');
    });

    await t.test('the same mention posted twice is stored once', async (t) => {
      const words = 'Vladivostok';
      const start = revisedText.indexOf(`port of ${words}`) + 'port of '.length;
      const payload = { start, end: start + words.length, entity: { type: 'LOC', name: 'Vladivostok' } };
      const countBefore = (await s.app.api({ method: 'GET', url: s.base })).json<{ counts: { mentions: number } }>().counts.mentions;
      const first = await s.app.api({ method: 'POST', url: `${s.base}/mentions`, payload });
      const second = await s.app.api({ method: 'POST', url: `${s.base}/mentions`, payload });
      t.ok([200, 201].includes(first.statusCode), `the first post answers ${first.statusCode}`);
      t.equal(second.statusCode, 200, 'the second answers 200');
      t.equal(second.json<{ id: string }>().id, first.json<{ id: string }>().id, 'with the same mention');
      const countAfter = (await s.app.api({ method: 'GET', url: s.base })).json<{ counts: { mentions: number } }>().counts.mentions;
      t.ok(countAfter - countBefore <= 1, 'at most one mention was added');
    });
  });
}

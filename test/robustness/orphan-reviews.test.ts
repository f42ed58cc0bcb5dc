// A revision orphans the annotations whose words it lost; they keep the spans (and cues) they had
// in the older text. An editor who lists them (include=orphaned) and gives one a review status
// brings it back into the lists, so it must fit the text as it is now: its words are found again
// and its span and cue move there, or the change is a 409 and it stays orphaned. (The fuzzer's
// clients did exactly this after a racing PUT, and a confirmed orphan was listed with a span and
// cue of the older revision: test/fuzz/concurrency.test.ts.)
import t, { type Test } from 'tap';
import { createTestApp } from '../helpers/app.js';
import { storageKinds } from '../helpers/database.js';
import { sliceCodePoints, wireStory } from '../helpers/fixtures.js';

interface SpanBody { start: number; end: number; text: string }
interface QuoteBody extends SpanBody {
  id: string;
  version: number;
  cue: SpanBody | null;
  provenance: { reviewStatus: string };
}
interface MentionBody extends SpanBody { id: string; version: number; provenance: { reviewStatus: string } }

const movedWords = 'unreserved and friendly';
const lostWords = 'the situation on the Korean peninsula and the region is now at a standstill';

/**
 * The fixture revised: a paragraph inserted near the top (every later span moves), the quotation
 * marks around "unreserved and friendly" dropped (the pipeline no longer finds that quote, but its
 * words and cue stay), and the paragraph of Kim's "the situation ..." quote deleted.
 */
function revisedStory(): string {
  const blocks = wireStory
    .split('\n\n')
    .filter((block) => !block.startsWith('During the talks, Kim said'))
    .map((block) => block.replace(`as "${movedWords}"`, `as ${movedWords}`));
  blocks.splice(4, 0, 'Security around the venue was tight, with roads closed across the island.');
  return blocks.join('\n\n');
}

async function setUp(t: Test, kind: 'postgres' | 'embedded') {
  const { api } = await createTestApp(t, kind);
  const created = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
  const base = `/v1/articles/${created.json<{ id: string }>().id}`;
  const quotes = async (include = 'orphaned,rejected') =>
    (await api({ method: 'GET', url: `${base}/quotes?limit=500${include ? `&include=${include}` : ''}` })).json<{ items: QuoteBody[] }>().items;
  const mentions = async (include = 'orphaned,rejected') =>
    (await api({ method: 'GET', url: `${base}/entities?limit=500${include ? `&include=${include}` : ''}` }))
      .json<{ items: { mentions: MentionBody[] }[] }>()
      .items.flatMap((entity) => entity.mentions);
  const patch = (what: 'quotes' | 'mentions', row: { id: string; version: number }, payload: object) =>
    api({ method: 'PATCH', url: `${base}/${what}/${row.id}`, headers: { 'if-match': `"${row.version}"` }, payload });
  const etag = (await api({ method: 'GET', url: base })).headers.etag as string;
  const text = revisedStory();
  const revised = await api({ method: 'PUT', url: base, headers: { 'content-type': 'text/plain', 'if-match': etag }, payload: text });
  t.equal(revised.statusCode, 200, 'the revision is stored');
  return { api, base, text, quotes, mentions, patch };
}

for (const kind of storageKinds()) {
  t.test(`a review status given to an orphaned annotation fits it to the current text or is a 409 (${kind})`, async (t) => {
    const s = await setUp(t, kind);
    const orphans = (await s.quotes()).filter((q) => q.provenance.reviewStatus === 'orphaned');
    const moved = orphans.find((q) => q.text === movedWords);
    const lost = orphans.find((q) => q.text.startsWith(lostWords));
    t.ok(moved && lost, 'the revision orphaned both quotes, with their old spans');
    t.not(sliceCodePoints(s.text, moved!.start, moved!.end), moved!.text, "the moved quote's old span no longer slices the text");
    t.ok(moved!.cue, 'the moved quote has a cue');

    await t.test('confirming an orphaned quote whose words are still there moves its span and cue to them', async (t) => {
      const res = await s.patch('quotes', moved!, { reviewStatus: 'confirmed' });
      t.equal(res.statusCode, 200);
      const now = res.json<QuoteBody>();
      t.equal(now.provenance.reviewStatus, 'confirmed');
      t.equal(now.text, movedWords);
      t.equal(sliceCodePoints(s.text, now.start, now.end), now.text, 'its span slices the current text');
      t.ok(now.cue, 'its cue is found again near it');
      t.equal(now.cue!.text, moved!.cue!.text, 'with the same words');
      t.equal(sliceCodePoints(s.text, now.cue!.start, now.cue!.end), now.cue!.text, 'its cue slices the current text');
    });

    await t.test('confirming or rejecting an orphaned quote whose words are gone is a 409 and leaves it orphaned', async (t) => {
      for (const reviewStatus of ['confirmed', 'rejected', 'unreviewed']) {
        const res = await s.patch('quotes', lost!, { reviewStatus });
        t.equal(res.statusCode, 409, `${reviewStatus}: 409`);
        t.match(res.json<{ detail: string }>().detail, /no longer in the article/);
      }
      const now = (await s.quotes()).find((q) => q.id === lost!.id);
      t.equal(now?.provenance.reviewStatus, 'orphaned');
      t.equal(now?.version, lost!.version, 'unchanged');
      t.notOk((await s.quotes('')).some((q) => q.id === lost!.id), 'and hidden');
    });

    await t.test('an orphaned mention rejected and then confirmed is found again where its words are', async (t) => {
      const orphaned = (await s.mentions()).filter((m) => m.provenance.reviewStatus === 'orphaned');
      const kim = orphaned.find((m) => m.text === 'Kim' && sliceCodePoints(s.text, m.start, m.end) !== 'Kim');
      t.ok(kim, 'the revision orphaned a mention of Kim whose old span no longer slices the text');
      const rejected = await s.patch('mentions', kim!, { reviewStatus: 'rejected' });
      t.equal(rejected.statusCode, 200);
      const rejectedBody = rejected.json<MentionBody>();
      t.equal(sliceCodePoints(s.text, rejectedBody.start, rejectedBody.end), 'Kim', 'rejected, its span slices the current text');
      const confirmed = await s.patch('mentions', rejectedBody, { reviewStatus: 'confirmed' });
      t.equal(confirmed.statusCode, 200);
      const now = confirmed.json<MentionBody>();
      t.equal(sliceCodePoints(s.text, now.start, now.end), 'Kim', 'confirmed, its span slices the current text');
    });

    await t.test('every listed quote, cue and mention slices the current text', async (t) => {
      const stale = [
        ...(await s.quotes('rejected')).flatMap((q) => [
          ...(sliceCodePoints(s.text, q.start, q.end) !== q.text ? [`quote ${q.id}`] : []),
          ...(q.cue && sliceCodePoints(s.text, q.cue.start, q.cue.end) !== q.cue.text ? [`cue of ${q.id}`] : []),
        ]),
        ...(await s.mentions('rejected')).filter((m) => sliceCodePoints(s.text, m.start, m.end) !== m.text).map((m) => `mention ${m.id}`),
      ];
      t.same(stale, []);
    });
  });
}

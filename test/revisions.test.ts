import t from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';
import { sliceCodePoints, wireStory } from './helpers/fixtures.js';

interface QuoteBody {
  id: string;
  version: number;
  start: number;
  end: number;
  text: string;
  speaker: { canonicalName: string } | null;
  provenance: { origin: string; reviewStatus: string };
}
interface Page<T> {
  items: T[];
}

const blocks = wireStory.split('\n\n');
// Paragraph numbers below count the article's paragraphs from 0 (the standfirst), as the API does;
// the headline and source line are the first two blocks.
const paragraphBlock = (index: number) => index + 2;

/** The fixture revised: a word fixed in paragraph 8, a paragraph inserted before 5, paragraph 30 deleted. */
function revisedStory(): string {
  const revised = [...blocks];
  revised[paragraphBlock(8)] = revised[paragraphBlock(8)]!.replace('entirely depend', 'wholly depend');
  revised.splice(paragraphBlock(30), 1);
  revised.splice(paragraphBlock(5), 0, 'Security around the venue was tight, with roads closed across the island.');
  return revised.join('\n\n');
}

for (const kind of storageKinds()) {
  t.test(`revising an article on ${kind} storage`, async (t) => {
    const { api } = await createTestApp(t, kind);
    const created = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: wireStory });
    const { id } = created.json<{ id: string }>();
    const base = `/v1/articles/${id}`;
    const listQuotes = async () =>
      (await api({ method: 'GET', url: `${base}/quotes?include=orphaned,rejected` })).json<Page<QuoteBody>>().items;

    // Editors' work before the revision: one added quote in paragraph 20, one in paragraph 30, one confirmed.
    const addQuote = async (words: string) => {
      const start = wireStory.indexOf(words);
      const res = await api({ method: 'POST', url: `${base}/quotes`, payload: { start, end: start + words.length, kind: 'mixed' } });
      t.equal(res.statusCode, 201);
      return res.json<QuoteBody>();
    };
    const editorQuote = await addQuote('aboard his armoured train');
    const doomedQuote = await addQuote('key exports and sources of cash');
    const before = await listQuotes();
    const confirmed = before.find((q) => q.text.startsWith('There are no secrets'))!;
    await api({ method: 'PATCH', url: `${base}/quotes/${confirmed.id}`, payload: { reviewStatus: 'confirmed' }, headers: { 'if-match': `"${confirmed.version}"` } });
    const edited = before.find((q) => q.text.startsWith('Peace and security'))!;
    const untouched = before.filter((q) => q.provenance.origin === 'machine' && q.id !== edited.id && q.id !== confirmed.id);

    const etag = (await api({ method: 'GET', url: base })).headers.etag as string;
    const newText = revisedStory();
    t.equal((await api({ method: 'PUT', url: base, headers: { 'content-type': 'text/plain' }, payload: newText })).statusCode, 428, 'PUT needs If-Match');
    const revised = await api({ method: 'PUT', url: base, headers: { 'content-type': 'text/plain', 'if-match': etag }, payload: newText });
    t.equal(revised.statusCode, 200);
    t.equal(revised.json<{ revision: number }>().revision, 2);
    t.equal(revised.json<{ text: string }>().text, newText);
    const after = await listQuotes();
    const byId = new Map(after.map((q) => [q.id, q]));

    t.test('unchanged machine annotations keep their ids, with spans on the new text', async (t) => {
      for (const quote of untouched) {
        const now = byId.get(quote.id);
        t.ok(now, `"${quote.text.slice(0, 30)}" kept its id`);
        t.equal(now?.text, quote.text);
        t.equal(sliceCodePoints(newText, now!.start, now!.end), quote.text, 'its span slices the new text');
      }
    });

    t.test('the edited quote keeps its id with its corrected text and new span', async (t) => {
      const now = byId.get(edited.id);
      t.ok(now);
      t.match(now?.text, /wholly depend/);
      t.equal(sliceCodePoints(newText, now!.start, now!.end), now!.text);
      t.equal(now?.speaker?.canonicalName, edited.speaker?.canonicalName);
      t.equal(now?.provenance.reviewStatus, 'unreviewed');
    });

    t.test("editors' annotations are re-anchored by their text and keep their ids", async (t) => {
      for (const quote of [editorQuote, confirmed]) {
        const now = byId.get(quote.id);
        t.equal(now?.text, quote.text);
        t.not(now?.start, quote.start, 'it moved with the inserted paragraph');
        t.equal(sliceCodePoints(newText, now!.start, now!.end), quote.text);
      }
      t.equal(byId.get(confirmed.id)?.provenance.reviewStatus, 'confirmed', 'the review survives');
    });

    t.test('the annotation in the deleted paragraph is orphaned with its old span', async (t) => {
      const now = byId.get(doomedQuote.id);
      t.equal(now?.provenance.reviewStatus, 'orphaned');
      t.equal(now?.start, doomedQuote.start);
      t.equal(now?.text, doomedQuote.text);
      const visible = (await api({ method: 'GET', url: `${base}/quotes` })).json<Page<QuoteBody>>().items;
      t.notOk(visible.some((q) => q.id === doomedQuote.id), 'orphans are hidden by default');
      const events = (await api({ method: 'GET', url: `${base}/history?limit=500` })).json<Page<{ action: string; targetId: string }>>().items;
      t.ok(events.some((e) => e.action === 'revise'));
      t.ok(events.some((e) => e.action === 'orphan' && e.targetId === doomedQuote.id));
    });

    t.test('revision 1 is still readable', async (t) => {
      const list = (await api({ method: 'GET', url: `${base}/revisions` })).json<{ items: { revision: number; current: boolean }[] }>();
      t.same(list.items.map((r) => [r.revision, r.current]), [[1, false], [2, true]]);
      const first = await api({ method: 'GET', url: `${base}/revisions/1` });
      t.equal(first.statusCode, 200);
      t.equal(first.json<{ text: string }>().text, wireStory);
      t.equal((await api({ method: 'GET', url: `${base}/revisions/3` })).statusCode, 404);
    });

    t.test('a stale ETag changes nothing; the same text again is not a new revision', async (t) => {
      const stale = await api({ method: 'PUT', url: base, headers: { 'content-type': 'text/plain', 'if-match': etag }, payload: wireStory });
      t.equal(stale.statusCode, 412);
      const current = await api({ method: 'GET', url: base });
      t.equal(current.json<{ revision: number }>().revision, 2);
      const same = await api({
        method: 'PUT',
        url: base,
        headers: { 'content-type': 'text/plain', 'if-match': current.headers.etag as string },
        payload: newText,
      });
      t.equal(same.statusCode, 200);
      t.equal(same.json<{ revision: number }>().revision, 2);
    });
  });
}

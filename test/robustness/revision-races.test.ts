// Findings 4 and 5: revisions racing each other and editors' corrections. Every change of an
// article locks its row first, so a PUT never writes over a half-made revision: ten PUTs with one
// If-Match give one 200 and nine 412s; a PUT racing PATCHes leaves a consistent article (one
// revision per number, paragraphs of the current text, every span slicing its text) and later
// PUTs still work. Deadlocks are retried, never a 500.
import pg from 'pg';
import t, { type Test } from 'tap';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { storageKinds } from '../helpers/database.js';
import { sliceCodePoints, wireStory } from '../helpers/fixtures.js';

interface Span { id: string; version: number; start: number; end: number; text: string }
interface QuoteBody extends Span { cue: { start: number; end: number; text: string } | null }
interface Page<T> { items: T[] }

const variant = (n: number, trial: number) => wireStory.replace('state media in Pyongyang said Friday.', `state media in Pyongyang said Friday (take ${trial}.${n}).`);

async function ingest(app: TestApp, text: string): Promise<{ id: string; etag: string }> {
  const res = await app.api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/plain' }, payload: text });
  return { id: res.json<{ id: string }>().id, etag: res.headers.etag as string };
}

/** Everything that must hold of an article whatever ran concurrently on it. */
async function checkConsistent(t: Test, app: TestApp, id: string, label: string): Promise<void> {
  const article = (await app.api({ method: 'GET', url: `/v1/articles/${id}` })).json<{ text: string; revision: number; counts: { paragraphs: number } }>();
  const revisions = (await app.api({ method: 'GET', url: `/v1/articles/${id}/revisions` })).json<{ items: { revision: number }[] }>().items;
  t.same(revisions.map((r) => r.revision), Array.from({ length: article.revision }, (_, n) => n + 1), `${label}: one revision per number, the last one current`);
  const paragraphs = (await app.api({ method: 'GET', url: `/v1/articles/${id}/paragraphs?limit=500` })).json<Page<{ start: number; end: number; text: string }>>().items;
  t.equal(paragraphs.length, article.counts.paragraphs, `${label}: as many paragraph rows as the article counts`);
  t.ok(paragraphs.every((p) => sliceCodePoints(article.text, p.start, p.end) === p.text), `${label}: every paragraph slices the current text`);
  const quotes = (await app.api({ method: 'GET', url: `/v1/articles/${id}/quotes?limit=500` })).json<Page<QuoteBody>>().items;
  const entities = (await app.api({ method: 'GET', url: `/v1/articles/${id}/entities?limit=500` })).json<Page<{ mentions: Span[] }>>().items;
  const stale = [
    ...quotes.filter((q) => sliceCodePoints(article.text, q.start, q.end) !== q.text).map((q) => `quote ${q.text}`),
    ...quotes.filter((q) => q.cue && sliceCodePoints(article.text, q.cue.start, q.cue.end) !== q.cue.text).map((q) => `cue ${q.cue!.text}`),
    ...entities.flatMap((e) => e.mentions).filter((m) => sliceCodePoints(article.text, m.start, m.end) !== m.text).map((m) => `mention ${m.text}`),
  ];
  t.same(stale, [], `${label}: every listed span slices the current text`);
}

for (const kind of storageKinds()) {
  t.test(`ten concurrent PUTs with the same If-Match: one 200, nine 412 (${kind})`, async (t) => {
    const app = await createTestApp(t, kind);
    const { id, etag } = await ingest(app, wireStory);
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, n) =>
        app.api({ method: 'PUT', url: `/v1/articles/${id}`, headers: { 'content-type': 'text/plain', 'if-match': etag }, payload: variant(n, 0) }),
      ),
    );
    const statuses = answers.map((res) => res.statusCode).sort();
    t.same(statuses, [200, ...Array(9).fill(412)], `statuses ${statuses.join(' ')}`);
    const winner = answers.find((res) => res.statusCode === 200)!;
    const article = (await app.api({ method: 'GET', url: `/v1/articles/${id}` })).json<{ text: string; revision: number }>();
    t.equal(article.revision, 2, 'the article is at revision 2');
    t.equal(article.text, winner.json<{ text: string }>().text, 'with the text of the PUT that answered 200');
    await checkConsistent(t, app, id, 'after the race');
    const next = await app.api({ method: 'PUT', url: `/v1/articles/${id}`, headers: { 'content-type': 'text/plain', 'if-match': winner.headers.etag as string }, payload: variant(99, 0) });
    t.equal(next.statusCode, 200, 'a later PUT with the current ETag works');
  });

  t.test(`a PUT racing PATCHes and DELETEs of its annotations leaves a consistent article (${kind})`, async (t) => {
    const app = await createTestApp(t, kind);
    const trials = kind === 'postgres' ? 12 : 4;
    const statuses = new Map<number, number>();
    for (let trial = 1; trial <= trials; trial++) {
      const text = variant(0, trial);
      const { id, etag } = await ingest(app, text);
      const quotes = (await app.api({ method: 'GET', url: `/v1/articles/${id}/quotes?limit=500` })).json<Page<QuoteBody>>().items;
      const entities = (await app.api({ method: 'GET', url: `/v1/articles/${id}/entities?limit=500` })).json<Page<{ id: string; mentions: Span[] }>>().items;
      const mentions = entities.flatMap((e) => e.mentions);
      // The new text adds a first line, so every span moves.
      const revised = `Updated at 10:00 GMT.\n\n${text}`;
      const changes = [
        app.api({ method: 'PUT', url: `/v1/articles/${id}`, headers: { 'content-type': 'text/plain', 'if-match': etag }, payload: revised }),
        ...quotes.slice(0, 3).map((q) => app.api({ method: 'PATCH', url: `/v1/articles/${id}/quotes/${q.id}`, headers: { 'if-match': `"${q.version}"` }, payload: { reviewStatus: 'confirmed' } })),
        ...mentions.slice(0, 2).map((m) => app.api({ method: 'PATCH', url: `/v1/articles/${id}/mentions/${m.id}`, headers: { 'if-match': `"${m.version}"` }, payload: { reviewStatus: 'confirmed' } })),
        app.api({ method: 'DELETE', url: `/v1/articles/${id}/mentions/${mentions[5]!.id}`, headers: { 'if-match': `"${mentions[5]!.version}"` } }),
      ];
      const answers = await Promise.all(changes);
      for (const res of answers) statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      // A correction that commits first bumps the article's version: the PUT is then stale (412).
      const put = answers[0]!.statusCode;
      t.ok(put === 200 || put === 412, `trial ${trial}: the PUT answers 200 or 412 (${put})`);
      const article = (await app.api({ method: 'GET', url: `/v1/articles/${id}` })).json<{ text: string; revision: number }>();
      t.equal(article.text, put === 200 ? revised : text, `trial ${trial}: the text is the ${put === 200 ? 'revised' : 'first'} one`);
      t.equal(article.revision, put === 200 ? 2 : 1, `trial ${trial}: at revision ${put === 200 ? 2 : 1}`);
      await checkConsistent(t, app, id, `trial ${trial}`);
      const again = await app.api({ method: 'PUT', url: `/v1/articles/${id}`, headers: { 'content-type': 'text/plain', 'if-match': (await app.api({ method: 'GET', url: `/v1/articles/${id}` })).headers.etag as string }, payload: `${revised}\n\nA last paragraph.` });
      t.equal(again.statusCode, 200, `trial ${trial}: the next PUT works`);
    }
    t.notOk([...statuses.keys()].some((status) => status >= 500), `no 5xx (${[...statuses].map(([s, n]) => `${n}×${s}`).join(', ')})`);
    t.ok([...statuses.keys()].every((status) => [200, 204, 412].includes(status)), 'only 200, 204 and 412');
    if (kind === 'postgres') {
      const client = new pg.Client({ connectionString: app.db.url });
      await client.connect();
      const { rows } = await client.query(`SELECT "articleId", revision, count(*) FROM "ArticleRevision" GROUP BY 1, 2 HAVING count(*) > 1`);
      await client.end();
      t.same(rows, [], 'no revision number is stored twice');
    }
  });
}

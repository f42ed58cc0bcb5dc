import t from 'tap';
import { createTestApp } from './helpers/app.js';
import { storageKinds } from './helpers/database.js';
import { sliceCodePoints, wireStory, wireStoryGold } from './helpers/fixtures.js';

interface ArticleBody {
  id: string;
  headline: string;
  source: string;
  standfirst: string;
  dateline: { text: string; place: string; agency: string };
  text: string;
  counts: { paragraphs: number; quotes: number; entities: number; mentions: number };
  pipelineVersion: string;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

for (const kind of storageKinds()) {
  t.test(`on ${kind} storage`, async (t) => {
    const { api } = await createTestApp(t, kind);

    const created = await api({
      method: 'POST',
      url: '/v1/articles',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      payload: wireStory,
    });
    const article = created.json<ArticleBody>();

    t.test('posting the wire story stores it and answers 201 with its location and counts', async (t) => {
      t.equal(created.statusCode, 201);
      t.equal(created.headers.location, `/v1/articles/${article.id}`);
      t.match(article.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'the id is a UUIDv7');
      t.equal(article.counts.paragraphs, wireStoryGold.paragraphs.count_after_headline_and_source_line);
      t.ok(article.counts.quotes >= wireStoryGold.quotes.length, 'every gold quote can be there');
      t.ok(article.counts.entities > 0 && article.counts.mentions >= article.counts.entities);
      t.ok(article.pipelineVersion.length > 0, 'the pipeline version is recorded');
    });

    t.test('the header fields match the gold file', async (t) => {
      const res = await api({ method: 'GET', url: `/v1/articles/${article.id}` });
      t.equal(res.statusCode, 200);
      const body = res.json<ArticleBody>();
      t.equal(body.headline, wireStoryGold.header.headline);
      t.equal(body.source, wireStoryGold.header.source);
      t.equal(body.standfirst, wireStoryGold.header.standfirst);
      t.equal(body.dateline.place, wireStoryGold.header.dateline.place);
      t.equal(body.dateline.agency, wireStoryGold.header.dateline.agency);
      t.equal(body.text, wireStory.replace(/\r\n?/g, '\n'), 'the text is stored exactly as received');
    });

    t.test('the 35 paragraphs have spans that slice the stored text exactly', async (t) => {
      const res = await api({ method: 'GET', url: `/v1/articles/${article.id}/paragraphs` });
      t.equal(res.statusCode, 200);
      const page = res.json<Page<{ index: number; start: number; end: number; text: string; role: string }>>();
      t.equal(page.items.length, 35);
      t.equal(page.nextCursor, null);
      t.equal(page.items[0]?.role, 'standfirst');
      t.equal(page.items[0]?.text, wireStoryGold.header.standfirst);
      for (const paragraph of page.items) {
        t.equal(sliceCodePoints(wireStory, paragraph.start, paragraph.end), paragraph.text, `paragraph ${paragraph.index}`);
      }
      t.same(
        page.items.map((p) => p.index),
        [...Array(35).keys()],
        'indexes run from 0 in text order',
      );
    });

    t.test('paragraph pages follow the cursor and the Link header to the end', async (t) => {
      const seen: number[] = [];
      let url: string | undefined = `/v1/articles/${article.id}/paragraphs?limit=10`;
      while (url) {
        const res = await api({ method: 'GET', url });
        const page = res.json<Page<{ index: number }>>();
        seen.push(...page.items.map((p) => p.index));
        const link = res.headers.link as string | undefined;
        if (page.nextCursor) t.match(link, /rel="next"/);
        url = link ? /<([^>]+)>/.exec(link)?.[1] : undefined;
      }
      t.same(seen, [...Array(35).keys()]);
    });

    t.test('quotes come with speaker entities, cues and spans that slice the text', async (t) => {
      const res = await api({ method: 'GET', url: `/v1/articles/${article.id}/quotes` });
      t.equal(res.statusCode, 200);
      const page = res.json<
        Page<{
          start: number;
          end: number;
          text: string;
          speaker: { canonicalName: string; mention: { start: number; end: number; text: string } | null } | null;
          cue: { start: number; end: number; text: string } | null;
          attribution: { rule: string };
          provenance: { origin: string; pipelineVersion: string };
        }>
      >();
      t.ok(page.items.length >= 14);
      for (const quote of page.items) {
        t.equal(sliceCodePoints(wireStory, quote.start, quote.end), quote.text);
        if (quote.cue) t.equal(sliceCodePoints(wireStory, quote.cue.start, quote.cue.end), quote.cue.text);
        if (quote.speaker?.mention) {
          const { start, end, text } = quote.speaker.mention;
          t.equal(sliceCodePoints(wireStory, start, end), text);
        }
        t.equal(quote.provenance.origin, 'machine');
        t.equal(quote.provenance.pipelineVersion, article.pipelineVersion);
      }
      const putin = page.items.find((quote) => quote.text.startsWith('We need to'));
      t.equal(putin?.speaker?.canonicalName, 'Vladimir Putin');
    });

    t.test('entities list each mention with a span that slices the text', async (t) => {
      const res = await api({ method: 'GET', url: `/v1/articles/${article.id}/entities?limit=500` });
      t.equal(res.statusCode, 200);
      const page = res.json<Page<{ type: string; canonicalName: string; mentions: { start: number; end: number; text: string }[] }>>();
      t.equal(page.items.length, article.counts.entities);
      t.equal(page.items.reduce((n, e) => n + e.mentions.length, 0), article.counts.mentions);
      for (const entity of page.items) {
        for (const mention of entity.mentions) t.equal(sliceCodePoints(wireStory, mention.start, mention.end), mention.text);
      }
      t.ok(page.items.some((e) => e.canonicalName === 'Vladimir Putin' && e.type === 'PERSON'));
    });

    t.test('a JSON article is stored with its metadata and listed newest first', async (t) => {
      const res = await api({
        method: 'POST',
        url: '/v1/articles',
        payload: {
          headline: 'Harbour reopens after storm',
          body: 'The harbour in Bergen reopened on Monday.\n\n"We are relieved," said Ingrid Dahl, the harbour master.',
          source: 'Test Wire',
          externalId: 'tw-1',
          url: 'https://news.example.org/harbour',
          publishedAt: '2026-11-02T08:00:00Z',
          language: 'en',
        },
      });
      t.equal(res.statusCode, 201);
      const json = res.json<ArticleBody & { externalId: string; language: string; publishedAt: string }>();
      t.equal(json.headline, 'Harbour reopens after storm');
      t.equal(json.source, 'Test Wire');
      t.equal(json.externalId, 'tw-1');
      t.equal(json.publishedAt, '2026-11-02T08:00:00.000Z');
      t.equal(json.counts.paragraphs, 2);

      const list = await api({ method: 'GET', url: '/v1/articles?limit=1' });
      const page = list.json<Page<{ id: string }>>();
      t.same(page.items.map((a) => a.id), [json.id], 'the newest article comes first');
      t.ok(page.nextCursor);
      const next = await api({ method: 'GET', url: `/v1/articles?limit=1&cursor=${page.nextCursor}` });
      t.same(next.json<Page<{ id: string }>>().items.map((a) => a.id), [article.id]);

      const bySource = await api({ method: 'GET', url: '/v1/articles?source=Test%20Wire' });
      t.same(bySource.json<Page<{ id: string }>>().items.map((a) => a.id), [json.id]);
      const future = await api({ method: 'GET', url: '/v1/articles?since=2999-01-01T00:00:00Z' });
      t.same(future.json<Page<unknown>>().items, []);
    });

    t.test('deleting an article removes it and its annotations', async (t) => {
      const res = await api({ method: 'POST', url: '/v1/articles', payload: { headline: 'Short', body: 'Mayor Lena Berg said "yes" to the plan.' } });
      const { id } = res.json<{ id: string }>();
      const withoutIfMatch = await api({ method: 'DELETE', url: `/v1/articles/${id}` });
      t.equal(withoutIfMatch.statusCode, 428, 'a delete without If-Match is refused');
      const stale = await api({ method: 'DELETE', url: `/v1/articles/${id}`, headers: { 'if-match': '"999"' } });
      t.equal(stale.statusCode, 412, 'a delete with a stale ETag is refused');
      const deleted = await api({ method: 'DELETE', url: `/v1/articles/${id}`, headers: { 'if-match': res.headers.etag as string } });
      t.equal(deleted.statusCode, 204);
      for (const suffix of ['', '/paragraphs', '/quotes', '/entities']) {
        const gone = await api({ method: 'GET', url: `/v1/articles/${id}${suffix}` });
        t.equal(gone.statusCode, 404, `GET ${suffix || 'article'} is 404`);
      }
      const again = await api({ method: 'DELETE', url: `/v1/articles/${id}`, headers: { 'if-match': '"1"' } });
      t.equal(again.statusCode, 404);
    });
  });
}

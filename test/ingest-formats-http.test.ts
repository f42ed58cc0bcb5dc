import t from 'tap';
import { createTestApp } from './helpers/app.js';
import { wireStory } from './helpers/fixtures.js';
import { storyAsHtmlPage, storyAsNinjs } from './formats/fixture-formats.js';

interface Paragraph {
  text: string;
}
interface QuoteBody {
  text: string;
  speaker: { canonicalName: string } | null;
}

t.test('POST /v1/articles takes ninjs and HTML and finds what the wire text gives', async (t) => {
  const { api } = await createTestApp(t, 'postgres');
  const read = async (id: string) => ({
    paragraphs: (await api({ method: 'GET', url: `/v1/articles/${id}/paragraphs` })).json<{ items: Paragraph[] }>().items.map((p) => p.text),
    quotes: (await api({ method: 'GET', url: `/v1/articles/${id}/quotes` }))
      .json<{ items: QuoteBody[] }>()
      .items.map((q) => `${q.text} | ${q.speaker?.canonicalName}`),
  });
  const post = async (contentType: string, payload: string) => {
    const res = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': contentType }, payload });
    t.equal(res.statusCode, 201, `${contentType} is stored${res.statusCode === 201 ? '' : ` (${res.body.slice(0, 300)})`}`);
    return res.json<{ id: string }>().id;
  };

  const wire = await read(await post('text/plain', wireStory));
  const ninjs = await read(await post('application/vnd.iptc.ninjs+json', JSON.stringify(storyAsNinjs('xhtml'))));
  t.same(ninjs.paragraphs, wire.paragraphs, 'ninjs: the same paragraphs');
  t.same(ninjs.quotes, wire.quotes, 'ninjs: the same quotes and speakers');

  // Another headline, so the page is not the same text as the ninjs item (which would be deduplicated).
  const page = storyAsHtmlPage().replace(/<h1>([^<]*)<\/h1>/, '<h1>$1 (web)</h1>');
  const html = await read(await post('text/html; charset=utf-8', page));
  t.same(html.paragraphs, wire.paragraphs, 'HTML: the same paragraphs');
  // (the headline's reported speech runs to the end of the line, which now ends in "(web)")
  t.same(html.quotes.map((q) => q.replace(' (web) |', ' |')), wire.quotes, 'HTML: the same quotes and speakers');

  t.test('broken input in each format is a clear problem', async (t) => {
    const brokenNinjs = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'application/vnd.iptc.ninjs+json' }, payload: '{"uri": ' });
    t.equal(brokenNinjs.statusCode, 400);
    const noText = await api({ method: 'POST', url: '/v1/articles', headers: { 'content-type': 'text/html' }, payload: '<html><body><nav>Home</nav></body></html>' });
    t.equal(noText.statusCode, 422);
    t.match(noText.headers['content-type'], /application\/problem\+json/);
  });

  t.test('/metrics shows the route latency histogram and the ingest counters after traffic', async (t) => {
    const res = await api({ method: 'GET', url: '/metrics' });
    t.equal(res.statusCode, 200);
    t.match(res.body, /http_request_duration_seconds_bucket\{[^}]*route="\/v1\/articles"/);
    t.match(res.body, /articles_ingested_total\{result="created"\} [1-9]/);
    t.match(res.body, /annotation_pipeline_duration_seconds_count [1-9]/);
  });
});

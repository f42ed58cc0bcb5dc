// A newsroom tool written the way an SDK user would write it: openapi-fetch, typed only by
// openapi/openapi.d.ts (generated from the committed spec by openapi-typescript), against the
// service listening on a real port on Postgres. `npm run typecheck` checks this file against the
// generated types, so a spec change that breaks these calls breaks CI.
import type { AddressInfo } from 'node:net';
import createClient from 'openapi-fetch';
import t from 'tap';
import type { components, paths } from '../openapi/openapi.js';
import { createTestApp } from './helpers/app.js';
import { sliceCodePoints, wireStory, wireStoryAsJson } from './helpers/fixtures.js';

type Quote = paths['/v1/articles/{id}/quotes']['get']['responses'][200]['content']['application/json']['items'][number];
type Problem = components['schemas']['ProblemDetails'];
type QuotePage = paths['/v1/articles/{id}/quotes']['get']['responses'][200]['content']['application/json'];

t.test('a newsroom flow through the generated client against a running server on Postgres', async (t) => {
  const { app, adminKey } = await createTestApp(t, 'postgres', { rateLimitMax: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const client = createClient<paths>({
    baseUrl: `http://127.0.0.1:${port}`,
    headers: { Authorization: `Bearer ${adminKey}` },
  });

  // Ingest the wire story as text (the spec's JSON form of it, which the client sends as it is
  // typed: no hand-made serializer or content type), and a second story as JSON.
  const ingested = await client.POST('/v1/articles', {
    body: { text: wireStory },
    headers: { 'Idempotency-Key': 'generated-client-wire-story' },
  });
  t.equal(ingested.response.status, 201, 'the wire story is stored');
  const article = ingested.data!;
  t.equal(ingested.response.headers.get('location'), `/v1/articles/${article.id}`, 'Location names the new article');
  t.equal(ingested.response.headers.get('x-ratelimit-limit'), '1000', 'the documented rate-limit headers are sent');
  t.match(article.headline, /Kim/, 'the headline is read from the wire header');
  t.ok(article.counts.quotes >= 10, 'the quotes are found');

  const second = await client.POST('/v1/articles', {
    body: {
      headline: 'Harbour reopens after the summit',
      body: '"We are relieved," said the harbour master, Ivan Petrov.',
      source: 'Example Wire',
      externalId: 'ew-harbour',
    },
  });
  t.equal(second.response.status, 201, 'a JSON article is stored');

  const replay = await client.POST('/v1/articles', {
    body: { text: wireStory },
    headers: { 'Idempotency-Key': 'generated-client-wire-story' },
  });
  t.equal(replay.response.status, 201, 'a retry with the same Idempotency-Key gets the first answer');
  t.equal(replay.response.headers.get('idempotent-replayed'), 'true', 'marked as replayed');
  t.equal(replay.data?.id, article.id);
  const again = await client.POST('/v1/articles', { body: { text: wireStory } });
  t.equal(again.response.status, 200, 'the same text again is the stored article');
  t.equal(again.data?.id, article.id);

  // The same story as a JSON article (headline, source, body): stored and annotated like the text.
  const asJson = await client.POST('/v1/articles', { body: wireStoryAsJson() });
  t.equal(asJson.response.status, 201, 'the story as a JSON article is stored');
  t.equal(asJson.data!.headline, wireStoryAsJson().headline);
  const jsonQuotes = await client.GET('/v1/articles/{id}/quotes', { params: { path: { id: asJson.data!.id }, query: { limit: 100 } } });
  t.equal(jsonQuotes.data!.items.length, asJson.data!.counts.quotes, 'its quotes are read back');
  t.ok(asJson.data!.counts.quotes >= 10, 'and found as in the text');

  // Page through the articles one at a time.
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const { data, response } = await client.GET('/v1/articles', { params: { query: { limit: 1, ...(cursor ? { cursor } : {}) } } });
    t.equal(response.status, 200);
    seen.push(...data!.items.map((item) => item.id));
    if (data!.nextCursor === null) {
      t.notOk(response.headers.get('link'), 'the last page links no next page');
      break;
    }
    t.match(response.headers.get('link'), /rel="next"/, 'a page with more after it links the next one');
    cursor = data!.nextCursor;
  }
  t.same(seen, [asJson.data!.id, second.data!.id, article.id], 'every article once, newest first');

  // Read the text, then every quote page by page: each quote's offsets are code points.
  const read = await client.GET('/v1/articles/{id}', { params: { path: { id: article.id } } });
  const text = read.data && 'text' in read.data ? read.data.text : '';
  t.equal(text, wireStory.replace(/\r\n?/g, '\n'), 'the text is stored as received');
  const quotes: Quote[] = [];
  cursor = undefined;
  do {
    const { data }: { data?: QuotePage } = await client.GET('/v1/articles/{id}/quotes', {
      params: { path: { id: article.id }, query: { limit: 5, ...(cursor ? { cursor } : {}) } },
    });
    quotes.push(...data!.items);
    cursor = data!.nextCursor ?? undefined;
  } while (cursor);
  t.equal(quotes.length, article.counts.quotes, 'the pages hold every quote');
  for (const quote of quotes) {
    t.equal(sliceCodePoints(text, quote.start, quote.end), quote.text, `the quote at ${quote.start} is its text in code points`);
  }

  const entities = await client.GET('/v1/articles/{id}/entities', { params: { path: { id: article.id }, query: { limit: 100 } } });
  const names = entities.data!.items.map((entity) => entity.canonicalName);
  t.ok(names.includes('Vladimir Putin'), 'Putin is an entity of the article');
  t.ok(names.some((name) => name.startsWith('Kim Jong Un')), 'Kim Jong Un is an entity of the article');

  // Search entities and quotes across articles.
  const people = await client.GET('/v1/entities', { params: { query: { q: 'Putin', type: 'PERSON', limit: 5 } } });
  const putin = people.data!.items.find((entity) => entity.canonicalName === 'Vladimir Putin');
  t.ok(putin, 'the entity search finds Putin');
  const found = await client.GET('/v1/quotes', { params: { query: { q: '"bad faith"', limit: 10 } } });
  t.ok(found.data!.items.some((quote) => quote.articleId === article.id && /bad faith/.test(quote.text)), 'the quote search finds "bad faith"');

  // Correct a quote's speaker with If-Match.
  const target = quotes.find((quote) => quote.speaker && quote.speaker.id !== putin!.id)!;
  t.ok(target, 'a quote attributed to someone else than Putin');
  const before = await client.GET('/v1/articles/{id}/quotes/{quoteId}', { params: { path: { id: article.id, quoteId: target.id } } });
  const etag = before.response.headers.get('etag')!;
  t.equal(etag, `"${before.data!.version}"`, 'the ETag is the version');
  const corrected = await client.PATCH('/v1/articles/{id}/quotes/{quoteId}', {
    params: { path: { id: article.id, quoteId: target.id }, header: { 'if-match': etag } },
    body: { speakerEntityId: putin!.id },
  });
  t.equal(corrected.response.status, 200, 'the correction is accepted');
  t.equal(corrected.data!.speaker?.id, putin!.id, 'the quote is now Putin\'s');
  t.equal(corrected.data!.provenance.updatedBy, 'test-admin', 'the quote records who corrected it');

  const stale = await client.PATCH('/v1/articles/{id}/quotes/{quoteId}', {
    params: { path: { id: article.id, quoteId: target.id }, header: { 'if-match': etag } },
    body: { reviewStatus: 'confirmed' },
  });
  t.equal(stale.response.status, 412, 'a stale If-Match is refused');
  t.equal(stale.response.headers.get('content-type')?.split(';')[0], 'application/problem+json');
  const problem: Problem | undefined = stale.error;
  t.equal(problem?.type, 'urn:news-annotations:problem:precondition-failed', 'with its problem type');

  const history = await client.GET('/v1/articles/{id}/quotes/{quoteId}/history', {
    params: { path: { id: article.id, quoteId: target.id } },
  });
  t.same(
    history.data!.items.map((event) => event.action).slice(-1),
    ['update'],
    'the history ends with the correction',
  );
  const byPutin = await client.GET('/v1/entities/{id}/quotes', { params: { path: { id: putin!.id }, query: { limit: 50 } } });
  t.ok(byPutin.data!.items.some((quote) => quote.id === target.id), 'the corrected quote is listed among Putin\'s');
});

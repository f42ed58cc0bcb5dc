// Records a real example request and response for every operation of the OpenAPI document and
// writes them to src/schemas/examples/operations.ts, which src/plugins/docs.ts attaches to the
// operations. Runs the real app on a fresh embedded database against the example wire story
// (test/fixtures/vladivostok-summit.txt): ingest it, page through articles, read and correct its
// quotes, mentions and entities, revise it, manage keys. Ids, keys, times and cursors are replaced
// by fixed values (the same value everywhere it occurs), so the file and the document are
// deterministic. Ends with a report; exits 1 when an operation has no recorded example.
//
//   npm run openapi:examples   (then npm run openapi && npm run openapi:types)
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../src/app.js';
import { openDatabase } from '../src/db/database.js';
import { Store } from '../src/repositories/store.js';
import type { OperationExamples, RecordedExchange } from '../src/schemas/examples/types.js';
import { ApiKeyService } from '../src/services/api-key-service.js';
import { storyAsHtmlPage, storyAsNinjs } from '../test/formats/fixture-formats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputPath = path.join(root, 'src/schemas/examples/operations.ts');
const fixture = await readFile(path.join(root, 'test/fixtures/vladivostok-summit.txt'), 'utf8');

/** Request and response headers worth showing in the document. */
const SHOWN_REQUEST_HEADERS = ['content-type', 'accept', 'if-match', 'if-none-match', 'idempotency-key'];
const SHOWN_RESPONSE_HEADERS = ['etag', 'location', 'link'];

interface Call {
  operationId: string;
  summary: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Route path with `{name}` placeholders, e.g. `/v1/articles/{id}`. */
  route: string;
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  headers?: Record<string, string>;
  contentType?: string;
  body?: unknown;
}

async function main(): Promise<number> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'na-examples-'));
  const database = await openDatabase({ dataDir });
  let app: FastifyInstance | undefined;
  try {
    await database.migrate();
    app = await buildApp({ database });
    await app.ready();
    const adminKey = (await new ApiKeyService(new Store(database)).create({ name: 'newsroom-admin', scopes: ['admin'] })).key;
    const document = app.swagger() as { paths: Record<string, Record<string, { operationId?: string }>> };
    const operations = new Map<string, string>();
    for (const [route, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (operation.operationId) operations.set(operation.operationId, `${method.toUpperCase()} ${route}`);
      }
    }

    const recorded: OperationExamples = {};
    const call = async (c: Call) => {
      if (!operations.has(c.operationId)) throw new Error(`no operation ${c.operationId} in the document`);
      const url = c.route.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(c.params?.[name] ?? ''));
      const query = Object.fromEntries(Object.entries(c.query ?? {}).map(([k, v]) => [k, String(v)]));
      const headers: Record<string, string> = { ...c.headers };
      if (c.contentType) headers['content-type'] = c.contentType;
      const options: InjectOptions = {
        method: c.method,
        url,
        query,
        headers: { authorization: `Bearer ${adminKey}`, ...headers },
        ...(c.body === undefined ? {} : { payload: typeof c.body === 'string' ? c.body : JSON.stringify(c.body) }),
      };
      const response = await app!.inject(options);
      const contentType = response.headers['content-type']?.toString().split(';')[0]?.trim();
      const fullType = response.headers['content-type']?.toString();
      const body = response.body === '' ? undefined : contentType?.endsWith('json') ? response.json() : response.body;
      const exchange: RecordedExchange = {
        summary: c.summary,
        request: {
          method: c.method,
          path: url,
          pathParams: c.params ?? {},
          query,
          headers: Object.fromEntries(Object.entries(headers).filter(([k]) => SHOWN_REQUEST_HEADERS.includes(k))),
          ...(c.contentType ? { contentType: c.contentType } : {}),
          ...(c.body === undefined ? {} : { body: c.body }),
        },
        response: {
          status: response.statusCode,
          // A media type with parameters (the Web Annotation profile) is documented whole.
          ...(fullType
            ? { contentType: fullType.includes('profile=') ? fullType.replace(/;\s*charset=[^;]+/i, '') : contentType }
            : {}),
          headers: Object.fromEntries(
            SHOWN_RESPONSE_HEADERS.flatMap((k) => {
              const value = response.headers[k];
              // Version ETags are kept; content-hash ETags of lists change with every id.
              if (value === undefined || (k === 'etag' && !/^"\d+(-\w+)?"$/.test(String(value)))) return [];
              return [[k, String(value)]];
            }),
          ),
          ...(body === undefined ? {} : { body }),
        },
      };
      (recorded[c.operationId] ??= []).push(exchange);
      return { status: response.statusCode, body: body as any, etag: response.headers.etag as string | undefined };
    };
    const expect = (what: string, status: number, wanted: number) => {
      if (status !== wanted) throw new Error(`${what}: expected ${wanted}, got ${status}`);
    };

    // Health.
    await call({ operationId: 'getHealth', summary: 'The process is up', method: 'GET', route: '/healthz' });
    await call({ operationId: 'getReadiness', summary: 'The database answers', method: 'GET', route: '/readyz' });

    // Keys.
    const key = await call({
      operationId: 'createApiKey',
      summary: 'A key for the newsroom tools',
      method: 'POST',
      route: '/v1/api-keys',
      contentType: 'application/json',
      body: { name: 'newsroom-tools', scopes: ['read', 'write'] },
    });
    expect('createApiKey', key.status, 201);
    await call({ operationId: 'listApiKeys', summary: 'The active keys', method: 'GET', route: '/v1/api-keys', query: { limit: 10 } });

    // Ingest the wire story as text, again (already stored), and a shorter version as JSON.
    const created = await call({
      operationId: 'createArticle',
      summary: 'The wire story as text/plain',
      method: 'POST',
      route: '/v1/articles',
      contentType: 'text/plain',
      headers: { 'idempotency-key': 'ingest-vladivostok-summit-2019-04-26' },
      body: fixture,
    });
    expect('createArticle', created.status, 201);
    const articleId = created.body.id as string;
    const paragraphs = fixture.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
    const jsonArticle = await call({
      operationId: 'createArticle',
      summary: 'The same story as JSON from another feed',
      method: 'POST',
      route: '/v1/articles',
      contentType: 'application/json',
      body: {
        headline: paragraphs[0]!,
        body: paragraphs.slice(4, 8).join('\n\n'),
        source: 'Example Wire',
        externalId: 'ew-2019-04-26-kim-putin',
        url: 'https://news.example.org/2019/04/26/kim-putin-summit',
        publishedAt: '2019-04-26T06:30:00Z',
        language: 'en',
      },
    });
    expect('createArticle (json)', jsonArticle.status, 201);
    // The other input formats, when the route takes them.
    const takes = (operationId: string, mediaType: string) => {
      const [method, route] = operations.get(operationId)!.split(' ') as [string, string];
      const operation = (document.paths[route] as Record<string, { requestBody?: { content?: Record<string, unknown> } }>)[method.toLowerCase()];
      return Boolean(operation?.requestBody?.content?.[mediaType]);
    };
    if (takes('createArticle', 'application/vnd.iptc.ninjs+json')) {
      await call({
        operationId: 'createArticle',
        summary: 'The story as an IPTC ninjs 3.1 news item',
        method: 'POST',
        route: '/v1/articles',
        contentType: 'application/vnd.iptc.ninjs+json',
        body: storyAsNinjs('text'),
      });
    }
    if (takes('createArticle', 'text/html')) {
      await call({
        operationId: 'createArticle',
        summary: "The story as a news site's HTML page",
        method: 'POST',
        route: '/v1/articles',
        contentType: 'text/html',
        body: storyAsHtmlPage(),
      });
    }
    const again = await call({
      operationId: 'createArticle',
      summary: 'The same wire text again, as JSON text: the stored article',
      method: 'POST',
      route: '/v1/articles',
      contentType: 'application/json',
      body: { text: fixture },
    });
    expect('createArticle (again)', again.status, 200);

    // Batch ingest, when the route is there.
    if (operations.has('batchCreateArticles')) {
      await call({
        operationId: 'batchCreateArticles',
        summary: 'A new article, one already stored, one whose external id holds another text',
        method: 'POST',
        route: '/v1/articles:batch',
        // The JSON form, the one the document shows (NDJSON lines take the same articles).
        contentType: 'application/json',
        body: {
          articles: [
            { headline: 'Harbour reopens after the summit', body: '"We are relieved," said the harbour master.', source: 'Example Wire', externalId: 'ew-2019-04-27-harbour' },
            { headline: paragraphs[0]!, body: paragraphs.slice(4, 8).join('\n\n'), source: 'Example Wire', externalId: 'ew-2019-04-26-kim-putin' },
            { headline: 'Kim and Putin meet', body: 'Another text under the same external id.', source: 'Example Wire', externalId: 'ew-2019-04-26-kim-putin' },
          ],
        },
      });
    }

    // A queued import, when the route is there: followed until done (on the embedded database
    // the server runs the job itself), so the recorded job is the finished one.
    if (operations.has('createIngestJob')) {
      const job = await call({
        operationId: 'createIngestJob',
        summary: 'Two new articles and one whose external id holds another text, queued',
        method: 'POST',
        route: '/v1/ingest-jobs',
        contentType: 'application/json',
        body: {
          articles: [
            { headline: 'Port strike ends', body: 'Dock workers returned on Monday, the union said.', source: 'Example Wire', externalId: 'ew-2019-04-29-port' },
            { headline: 'Summit traffic eases', body: '"The roads are open again," the mayor said.', source: 'Example Wire', externalId: 'ew-2019-04-27-traffic' },
            { headline: 'Harbour reopens', body: 'Another text under the same external id.', source: 'Example Wire', externalId: 'ew-2019-04-27-harbour' },
          ],
        },
      });
      expect('createIngestJob', job.status, 202);
      const deadline = Date.now() + 60_000;
      for (;;) {
        const state = await app.inject({ method: 'GET', url: `/v1/ingest-jobs/${job.body.id}`, headers: { authorization: `Bearer ${adminKey}` } });
        if (state.json().state === 'done' || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await call({ operationId: 'getIngestJob', summary: 'The job, done', method: 'GET', route: '/v1/ingest-jobs/{id}', params: { id: job.body.id } });
      if (operations.has('listIngestJobItems')) {
        await call({ operationId: 'listIngestJobItems', summary: 'Each line of the job', method: 'GET', route: '/v1/ingest-jobs/{id}/items', params: { id: job.body.id }, query: { limit: 10 } });
      }
    }

    // Page through articles.
    const first = await call({ operationId: 'listArticles', summary: 'The newest article', method: 'GET', route: '/v1/articles', query: { limit: 1 } });
    if (first.body.nextCursor) {
      await call({
        operationId: 'listArticles',
        summary: 'The next page',
        method: 'GET',
        route: '/v1/articles',
        query: { limit: 1, cursor: first.body.nextCursor },
      });
    }
    await call({
      operationId: 'listArticles',
      summary: 'Limit out of range',
      method: 'GET',
      route: '/v1/articles',
      query: { limit: 0 },
    });

    const article = await call({ operationId: 'getArticle', summary: 'The wire story', method: 'GET', route: '/v1/articles/{id}', params: { id: articleId } });
    await call({
      operationId: 'getArticle',
      summary: 'As an IPTC ninjs 3.1 news item',
      method: 'GET',
      route: '/v1/articles/{id}',
      params: { id: articleId },
      headers: { accept: 'application/vnd.iptc.ninjs+json' },
    });
    await call({
      operationId: 'getArticle',
      summary: 'No such article',
      method: 'GET',
      route: '/v1/articles/{id}',
      params: { id: '01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11' },
    });

    await call({ operationId: 'listArticleParagraphs', summary: 'The first paragraphs', method: 'GET', route: '/v1/articles/{id}/paragraphs', params: { id: articleId }, query: { limit: 3 } });
    const quotes = await call({ operationId: 'listArticleQuotes', summary: 'The first quotes', method: 'GET', route: '/v1/articles/{id}/quotes', params: { id: articleId }, query: { limit: 3 } });
    const indirect = await call({ operationId: 'listArticleQuotes', summary: 'Indirect speech only', method: 'GET', route: '/v1/articles/{id}/quotes', params: { id: articleId }, query: { kind: 'indirect', limit: 3 } });
    const unnamed = (indirect.body.items as Array<{ id: string; unnamedSource: unknown }>).find((q) => q.unnamedSource);
    if (unnamed) await call({ operationId: 'getArticleQuote', summary: 'Indirect speech of an unnamed source', method: 'GET', route: '/v1/articles/{id}/quotes/{quoteId}', params: { id: articleId, quoteId: unnamed.id } });
    const entities = await call({ operationId: 'listArticleEntities', summary: 'The entities the article names', method: 'GET', route: '/v1/articles/{id}/entities', params: { id: articleId }, query: { limit: 3 } });
    void entities;

    // Correct a quote's speaker.
    const quote = (quotes.body.items as Array<{ id: string; speaker: { id: string; mention: { id: string } | null } | null }>).find(
      (q) => q.speaker?.mention,
    )!;
    const quoteRead = await call({ operationId: 'getArticleQuote', summary: 'One quote with its speaker and cue', method: 'GET', route: '/v1/articles/{id}/quotes/{quoteId}', params: { id: articleId, quoteId: quote.id } });
    const people = await call({ operationId: 'listEntities', summary: 'People named Putin', method: 'GET', route: '/v1/entities', query: { q: 'Putin', type: 'PERSON', limit: 3 } });
    const putin = people.body.items[0] as { id: string };
    const corrected = await call({
      operationId: 'updateArticleQuote',
      summary: 'An editor names another speaker',
      method: 'PATCH',
      route: '/v1/articles/{id}/quotes/{quoteId}',
      params: { id: articleId, quoteId: quote.id },
      headers: { 'if-match': quoteRead.etag! },
      contentType: 'application/json',
      body: { speakerEntityId: putin.id },
    });
    expect('updateArticleQuote', corrected.status, 200);
    await call({
      operationId: 'updateArticleQuote',
      summary: 'A stale If-Match',
      method: 'PATCH',
      route: '/v1/articles/{id}/quotes/{quoteId}',
      params: { id: articleId, quoteId: quote.id },
      headers: { 'if-match': quoteRead.etag! },
      contentType: 'application/json',
      body: { reviewStatus: 'confirmed' },
    });
    const quoteHistory = await call({ operationId: 'listArticleQuoteHistory', summary: 'The quote as found, then corrected', method: 'GET', route: '/v1/articles/{id}/quotes/{quoteId}/history', params: { id: articleId, quoteId: quote.id } });
    const update = (quoteHistory.body.items as Array<{ id: string; action: string }>).at(-1)!;
    await call({
      operationId: 'revertArticleQuote',
      summary: 'Undo the correction',
      method: 'POST',
      route: '/v1/articles/{id}/quotes/{quoteId}/revert',
      params: { id: articleId, quoteId: quote.id },
      contentType: 'application/json',
      body: { eventId: update.id },
    });

    // An editor adds a quote the machine missed (the headline's), then deletes it.
    const headline = paragraphs[0]!;
    const quoted = /'([^']+)'/.exec(headline);
    const start = quoted ? Array.from(headline.slice(0, quoted.index + 1)).length : 0;
    const end = quoted ? start + Array.from(quoted[1]!).length : Array.from(headline).length;
    const addedQuote = await call({
      operationId: 'createArticleQuote',
      summary: 'An editor adds a quote',
      method: 'POST',
      route: '/v1/articles/{id}/quotes',
      params: { id: articleId },
      contentType: 'application/json',
      body: { start, end, kind: 'mixed', speakerEntityId: putin.id },
    });
    if (addedQuote.status === 201) {
      const read = await call({ operationId: 'getArticleQuote', summary: "The editor's quote", method: 'GET', route: '/v1/articles/{id}/quotes/{quoteId}', params: { id: articleId, quoteId: addedQuote.body.id } });
      await call({
        operationId: 'deleteArticleQuote',
        summary: "Delete the editor's quote",
        method: 'DELETE',
        route: '/v1/articles/{id}/quotes/{quoteId}',
        params: { id: articleId, quoteId: addedQuote.body.id },
        headers: { 'if-match': read.etag! },
      });
    }

    // Mentions: confirm one, revert, add one with a new entity, merge that entity, delete it.
    const mentionId = quote.speaker!.mention!.id;
    const mention = await call({ operationId: 'getArticleMention', summary: 'The mention naming a speaker', method: 'GET', route: '/v1/articles/{id}/mentions/{mentionId}', params: { id: articleId, mentionId } });
    await call({
      operationId: 'updateArticleMention',
      summary: 'An editor confirms the mention',
      method: 'PATCH',
      route: '/v1/articles/{id}/mentions/{mentionId}',
      params: { id: articleId, mentionId },
      headers: { 'if-match': mention.etag! },
      contentType: 'application/json',
      body: { reviewStatus: 'confirmed' },
    });
    const mentionHistory = await call({ operationId: 'listArticleMentionHistory', summary: 'The mention as found, then confirmed', method: 'GET', route: '/v1/articles/{id}/mentions/{mentionId}/history', params: { id: articleId, mentionId } });
    const mentionUpdate = (mentionHistory.body.items as Array<{ id: string; action: string }>).at(-1)!;
    await call({
      operationId: 'revertArticleMention',
      summary: 'Undo the confirmation',
      method: 'POST',
      route: '/v1/articles/{id}/mentions/{mentionId}/revert',
      params: { id: articleId, mentionId },
      contentType: 'application/json',
      body: { eventId: mentionUpdate.id },
    });
    const text = article.body.text as string;
    const pos = text.indexOf('Vladivostok');
    const mStart = Array.from(text.slice(0, pos)).length;
    const addedMention = await call({
      operationId: 'createArticleMention',
      summary: 'An editor adds a mention of a new entity',
      method: 'POST',
      route: '/v1/articles/{id}/mentions',
      params: { id: articleId },
      contentType: 'application/json',
      body: { start: mStart, end: mStart + 'Vladivostok'.length, kind: 'name', entity: { type: 'LOC', name: 'Vladivostok, Primorsky Krai' } },
    });
    expect('createArticleMention', addedMention.status, 201);
    const places = await call({ operationId: 'listEntities', summary: 'Places called Vladivostok', method: 'GET', route: '/v1/entities', query: { q: 'Vladivostok', type: 'LOC', limit: 5 } });
    const placeItems = places.body.items as Array<{ id: string; canonicalName: string }>;
    const newPlace = placeItems.find((e) => e.canonicalName === 'Vladivostok, Primorsky Krai');
    const oldPlace = placeItems.find((e) => e.canonicalName !== 'Vladivostok, Primorsky Krai');
    if (newPlace && oldPlace) {
      await call({
        operationId: 'mergeEntity',
        summary: 'Merge the duplicate place into Vladivostok',
        method: 'POST',
        route: '/v1/entities/{id}/merge',
        params: { id: oldPlace.id },
        contentType: 'application/json',
        body: { entityId: newPlace.id },
      });
    }
    const addedRead = await call({ operationId: 'getArticleMention', summary: "The editor's mention", method: 'GET', route: '/v1/articles/{id}/mentions/{mentionId}', params: { id: articleId, mentionId: addedMention.body.id } });
    await call({
      operationId: 'deleteArticleMention',
      summary: "Delete the editor's mention",
      method: 'DELETE',
      route: '/v1/articles/{id}/mentions/{mentionId}',
      params: { id: articleId, mentionId: addedMention.body.id },
      headers: { 'if-match': addedRead.etag! },
    });
    await call({ operationId: 'listArticleHistory', summary: 'Every change to the article', method: 'GET', route: '/v1/articles/{id}/history', params: { id: articleId }, query: { limit: 5 } });

    // Entities and quotes across articles.
    const entity = await call({ operationId: 'getEntity', summary: 'Vladimir Putin across articles', method: 'GET', route: '/v1/entities/{id}', params: { id: putin.id } });
    const renamed = await call({
      operationId: 'renameEntity',
      summary: 'Rename: the old name stays an alias',
      method: 'PATCH',
      route: '/v1/entities/{id}',
      params: { id: putin.id },
      headers: { 'if-match': entity.etag! },
      contentType: 'application/json',
      body: { canonicalName: 'Vladimir Vladimirovich Putin' },
    });
    await call({
      operationId: 'renameEntity',
      summary: "An editor sets a person's gender",
      method: 'PATCH',
      route: '/v1/entities/{id}',
      params: { id: putin.id },
      headers: { 'if-match': renamed.etag! },
      contentType: 'application/json',
      body: { gender: 'male' },
    });
    await call({ operationId: 'listEntityQuotes', summary: 'What Putin said', method: 'GET', route: '/v1/entities/{id}/quotes', params: { id: putin.id }, query: { limit: 2 } });
    await call({ operationId: 'searchQuotes', summary: 'Quotes about bad faith', method: 'GET', route: '/v1/quotes', query: { q: '"bad faith"', limit: 2 } });

    // Who gets quoted: April 2019 holds the JSON story (published 2019-04-26), so the figures stay fixed.
    const april = { from: '2019-04-01', to: '2019-04-30' };
    if (operations.has('listVoicesSpeakers')) {
      await call({ operationId: 'listVoicesSpeakers', summary: 'The most quoted people and organisations of April 2019', method: 'GET', route: '/v1/voices/speakers', query: { ...april, type: 'PERSON,ORG', limit: 5 } });
      await call({ operationId: 'listVoicesSpeakers', summary: 'An inverted period', method: 'GET', route: '/v1/voices/speakers', query: { from: '2019-04-30', to: '2019-04-01' } });
      await call({ operationId: 'listVoicesTypes', summary: 'Quotes by type of source, one source', method: 'GET', route: '/v1/voices/types', query: { ...april, source: 'Example Wire' } });
      await call({ operationId: 'listVoicesGenders', summary: 'Share of voice by gender', method: 'GET', route: '/v1/voices/genders', query: april });
      await call({ operationId: 'listVoicesTrend', summary: 'Quotes by week', method: 'GET', route: '/v1/voices/trend', query: { ...april, interval: 'week' } });
      await call({ operationId: 'listSources', summary: 'The sources', method: 'GET', route: '/v1/sources' });
    }
    await call({ operationId: 'searchQuotes', summary: 'The newest indirect speech', method: 'GET', route: '/v1/quotes', query: { kind: 'indirect', limit: 2 } });

    // Exports.
    await call({
      operationId: 'exportArticleAnnotations',
      summary: 'Page 1 of the W3C Web Annotations',
      method: 'GET',
      route: '/v1/articles/{id}/annotations',
      params: { id: articleId },
      query: { page: 1 },
      headers: { accept: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' },
    });

    // Revise the text: the apostrophes restored.
    const current = await call({ operationId: 'getArticle', summary: 'Before a revision', method: 'GET', route: '/v1/articles/{id}', params: { id: articleId } });
    recorded.getArticle!.pop();
    const revised = await call({
      operationId: 'reviseArticle',
      summary: 'The text with its apostrophes restored',
      method: 'PUT',
      route: '/v1/articles/{id}',
      params: { id: articleId },
      headers: { 'if-match': current.etag! },
      contentType: 'text/plain',
      body: fixture.replace(/(\w)\u00a0s\b/g, "$1's"),
    });
    expect('reviseArticle', revised.status, 200);
    await call({ operationId: 'listArticleRevisions', summary: 'The received text and its revision', method: 'GET', route: '/v1/articles/{id}/revisions', params: { id: articleId } });
    await call({ operationId: 'getArticleRevision', summary: 'The text as received', method: 'GET', route: '/v1/articles/{id}/revisions/{revision}', params: { id: articleId, revision: '1' } });

    const jsonRevised = await call({
      operationId: 'reviseArticle',
      summary: 'The JSON copy with one more paragraph',
      method: 'PUT',
      route: '/v1/articles/{id}',
      params: { id: jsonArticle.body.id },
      headers: { 'if-match': `"${jsonArticle.body.version}"` },
      contentType: 'application/json',
      body: {
        headline: paragraphs[0]!,
        body: paragraphs.slice(4, 9).join('\n\n'),
        source: 'Example Wire',
        externalId: 'ew-2019-04-26-kim-putin',
        url: 'https://news.example.org/2019/04/26/kim-putin-summit',
        publishedAt: '2019-04-26T06:30:00Z',
        language: 'en',
      },
    });
    expect('reviseArticle (json)', jsonRevised.status, 200);
    let jsonVersion = jsonRevised.body.version as number;
    if (takes('reviseArticle', 'application/vnd.iptc.ninjs+json')) {
      const ninjs = storyAsNinjs('xhtml') as { bodies: Array<{ value: string }> } & Record<string, unknown>;
      const revisedNinjs = await call({
        operationId: 'reviseArticle',
        summary: 'The JSON copy replaced by a ninjs item with an XHTML body',
        method: 'PUT',
        route: '/v1/articles/{id}',
        params: { id: jsonArticle.body.id },
        headers: { 'if-match': `"${jsonVersion}"` },
        contentType: 'application/vnd.iptc.ninjs+json',
        body: {
          ...ninjs,
          uri: 'urn:newsml:example.org:20190426:kim-putin-summit-copy',
          bodies: [{ ...ninjs.bodies[0]!, value: `${ninjs.bodies[0]!.value} <p>This story has been corrected.</p>` }],
        },
      });
      if (revisedNinjs.status === 200) jsonVersion = revisedNinjs.body.version as number;
    }
    if (takes('reviseArticle', 'text/html')) {
      const revisedHtml = await call({
        operationId: 'reviseArticle',
        summary: 'The JSON copy replaced by an HTML page',
        method: 'PUT',
        route: '/v1/articles/{id}',
        params: { id: jsonArticle.body.id },
        headers: { 'if-match': `"${jsonVersion}"` },
        contentType: 'text/html',
        body: storyAsHtmlPage().replace('</h1>', '</h1>\n<p>Updated with the full text.</p>'),
      });
      if (revisedHtml.status === 200) jsonVersion = revisedHtml.body.version as number;
    }

    // Deletes.
    const other = await call({ operationId: 'getArticle', summary: 'Before deleting', method: 'GET', route: '/v1/articles/{id}', params: { id: jsonArticle.body.id } });
    recorded.getArticle!.pop();
    await call({
      operationId: 'deleteArticle',
      summary: 'Delete the JSON copy',
      method: 'DELETE',
      route: '/v1/articles/{id}',
      params: { id: jsonArticle.body.id },
      headers: { 'if-match': other.etag! },
    });
    await call({ operationId: 'deleteApiKey', summary: 'Revoke the tools key', method: 'DELETE', route: '/v1/api-keys/{id}', params: { id: key.body.id } });

    const fixed = normalise(recorded, key.body.key as string, adminKey);
    await writeFile(
      outputPath,
      `// Generated by scripts/build-openapi-examples.ts (npm run openapi:examples): do not edit.\n` +
        `// Real exchanges with the app on the example wire story; ids, keys, times and cursors fixed.\n` +
        `import type { OperationExamples } from './types.js';\n\n` +
        `export const operationExamples: OperationExamples = ${JSON.stringify(fixed, null, 2)};\n`,
    );

    const missing = [...operations.keys()].filter((id) => !fixed[id]?.length);
    const unexpected = Object.entries(fixed).flatMap(([id, exchanges]) =>
      exchanges.filter((e) => e.response.status >= 500).map((e) => `${id}: ${e.summary} answered ${e.response.status}`),
    );
    console.log(`wrote ${path.relative(root, outputPath)}: ${Object.keys(fixed).length} of ${operations.size} operations have examples`);
    for (const [id, exchanges] of Object.entries(fixed)) {
      console.log(`  ${id.padEnd(28)} ${exchanges.map((e) => e.response.status).join(' ')}`);
    }
    for (const line of unexpected) console.error(`server error: ${line}`);
    if (missing.length) {
      console.error(`NO EXAMPLE for ${missing.length} operation(s): ${missing.map((id) => `${id} (${operations.get(id)})`).join(', ')}`);
      console.error('add a call for each to scripts/build-openapi-examples.ts');
    }
    return missing.length || unexpected.length ? 1 : 0;
  } finally {
    await app?.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Replaces what changes from run to run by fixed values, consistently everywhere: UUIDs by
 * `00000000-0000-7000-8000-<n>`, times by 2019-04-26 from 09:00:00, keys by fixed keys and
 * cursors (opaque, built from ids and times) by `example-cursor-<n>`.
 */
function normalise(recorded: OperationExamples, ...keys: string[]): OperationExamples {
  let text = JSON.stringify(recorded);
  const cursors = new Set<string>();
  for (const exchanges of Object.values(recorded)) {
    for (const e of exchanges) {
      const body = e.response.body as { nextCursor?: unknown } | undefined;
      if (body && typeof body === 'object' && typeof body.nextCursor === 'string') cursors.add(body.nextCursor);
    }
  }
  [...cursors].forEach((cursor, i) => {
    text = text.split(cursor).join(`example-cursor-${i + 1}`);
    text = text.split(encodeURIComponent(cursor)).join(`example-cursor-${i + 1}`);
  });
  keys.forEach((key, i) => {
    const fixedKey = `na_${`example${i + 1}`.padEnd(key.length - 3, 'x')}`;
    text = text.split(key).join(fixedKey);
    // Keys are listed by their first characters.
    for (let n = 12; n >= 6; n--) text = text.split(`"${key.slice(0, n)}"`).join(`"${fixedKey.slice(0, n)}"`);
  });
  const uuids = new Map<string, string>();
  text = text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (uuid) => {
    if (uuid === '01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11') return uuid; // the id that is not there
    if (!uuids.has(uuid)) uuids.set(uuid, `0196700a-0000-7000-8000-${String(uuids.size + 1).padStart(12, '0')}`);
    return uuids.get(uuid)!;
  });
  const timePattern = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g;
  // Times a request gave (publishedAt, versionCreated, ...) are the story's own: kept.
  const given = new Set<number>(
    Object.values(recorded).flatMap((exchanges) =>
      exchanges.flatMap((e) => (typeof e.request.body === 'string' ? e.request.body : JSON.stringify(e.request.body ?? '')).match(timePattern) ?? []).map((time) => Date.parse(time)),
    ),
  );
  const times = new Map<string, string>();
  const base = Date.parse('2019-04-26T09:00:00.000Z');
  text = text.replace(timePattern, (time) => {
    if (given.has(Date.parse(time))) return time;
    if (!times.has(time)) times.set(time, new Date(base + times.size * 1000).toISOString());
    return times.get(time)!;
  });
  return JSON.parse(text) as OperationExamples;
}

process.exitCode = await main();

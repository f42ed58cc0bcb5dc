import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ArticleService } from '../../services/article-service.js';
import type { IngestInput, IngestService } from '../../services/ingest-service.js';
import type { RevisionService } from '../../services/revision-service.js';
import { actorOf } from '../../plugins/auth.js';
import {
  Article,
  ArticleInput,
  ArticleJsonInput,
  ArticleListQuery,
  ArticlePage,
  ArticleRevisionList,
  ArticleRevisionWithText,
  WireTextInput,
} from '../../schemas/articles.js';
import { IdParams } from '../../schemas/common.js';
import { problemResponses } from '../../schemas/problem.js';
import { HTML_MEDIA_TYPE, NinjsInput, registerFormatParsers } from '../../formats/index.js';
import { readFormatOffThread } from '../../services/format-reader.js';
import { linkNextPage } from './pagination.js';
import { negotiate } from './negotiation.js';
import { NinjsDocument, AnnotationCollection, AnnotationPage } from '../../schemas/exports.js';
import type { ExportService } from '../../services/export-service.js';
import { expectedVersion, IfMatchHeaders, setEtag } from './preconditions.js';

export interface ArticleRoutesOptions {
  articles: ArticleService;
  ingest: IngestService;
  revisions: RevisionService;
  exports: ExportService;
  /** Where clients reach the service: the base of the ids in exports (never the request's Host header). */
  publicBaseUrl: string;
}

export const NINJS_TYPE = 'application/vnd.iptc.ninjs+json';
export const ANNOTATION_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** The article formats POST and PUT take, by media type. */
const articleBody = {
  content: {
    'text/plain': { schema: WireTextInput },
    'application/json': { schema: ArticleInput },
    [NINJS_TYPE]: { schema: NinjsInput },
    [HTML_MEDIA_TYPE]: {
      schema: Type.String({
        minLength: 1,
        maxLength: 2_000_000,
        description: 'A news page: the main article text is extracted (Readability); the HTML is not stored.',
      }),
    },
  },
};

// ninjs and HTML are recognised by media type first: HTML arrives as a string like wire text.
// HTML and ninjs are read on the format thread (src/services/format-reader.ts), off the event loop.
const ingestInputOf = async (contentType: string | undefined, body: unknown): Promise<IngestInput> =>
  (await readFormatOffThread(contentType, body)) ??
  (typeof body === 'string'
    ? { format: 'text', text: body }
    : 'text' in (body as object)
      ? { format: 'text', text: (body as { text: string }).text }
      : { format: 'json', article: body as ArticleJsonInput });

const RevisionParams = Type.Object(
  { id: IdParams.properties.id, revision: Type.Integer({ minimum: 1, maximum: 1_000_000 }) },
  { additionalProperties: false },
);

export async function articleRoutes(app: FastifyInstance, options: ArticleRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  registerFormatParsers(app);

  api.post(
    '/articles',
    {
      schema: {
        operationId: 'createArticle',
        tags: ['articles'],
        summary: 'Ingest an article',
        description:
          'Parses, annotates and stores an article in one transaction. Send a wire story as `text/plain` (or as `application/json` `{"text": ...}`), `application/json` with `headline` and `body`, an IPTC ninjs 3.x item as `application/vnd.iptc.ninjs+json`, or a news page as `text/html` (its main text is extracted). Identical text (same SHA-256), or the same `source` and `externalId` with the same text, is not stored twice: the answer is 200 with the stored article. The same `source` and `externalId` with different text is a 409 `external-id-conflict`.',
        body: articleBody,
        response: {
          201: { ...Article, description: 'Stored; `Location` names the new article.' },
          200: { ...Article, description: 'Already stored: the existing article.' },
          ...problemResponses(
            'validation-failed',
            'external-id-conflict',
            'payload-too-large',
            'unsupported-media-type',
            'unprocessable-content',
          ),
        },
      },
    },
    async (request, reply) => {
      const { article, created } = await options.ingest.ingest(await ingestInputOf(request.headers['content-type'], request.body));
      reply.header('location', `/v1/articles/${article.id}`);
      setEtag(reply, article.version);
      return reply.code(created ? 201 : 200).send(article);
    },
  );

  api.get(
    '/articles',
    {
      schema: {
        operationId: 'listArticles',
        tags: ['articles'],
        summary: 'List articles, newest first',
        querystring: ArticleListQuery,
        response: { 200: ArticlePage, ...problemResponses('validation-failed', 'invalid-cursor') },
      },
    },
    async (request, reply) => {
      const page = await options.articles.list(request.query);
      linkNextPage(request, reply, page.nextCursor);
      return page;
    },
  );

  api.get(
    '/articles/:id',
    {
      schema: {
        operationId: 'getArticle',
        tags: ['articles'],
        summary: 'Get an article with its header fields, text and counts',
        description: `As JSON by default; \`Accept: ${NINJS_TYPE}\` gives an IPTC ninjs 3.1 news item with the entities as people, organisations, places, events, objects and subjects, quoted sources marked \`rel: quoted\`.`,
        params: IdParams,
        response: {
          200: {
            description: 'The article.',
            content: {
              'application/json': { schema: Article },
              [NINJS_TYPE]: { schema: NinjsDocument },
            },
          },
          ...problemResponses('validation-failed', 'not-found', 'not-acceptable'),
        },
      },
    },
    async (request, reply) => {
      const type = negotiate(request, ['application/json', NINJS_TYPE] as const);
      reply.header('vary', 'accept');
      if (type === NINJS_TYPE) {
        const document = await options.exports.ninjs(request.params.id, options.publicBaseUrl);
        reply.header('etag', `"${document.version}-ninjs"`);
        return reply.type(NINJS_TYPE).send(document);
      }
      const article = await options.articles.get(request.params.id);
      setEtag(reply, article.version);
      return reply.type('application/json').send(article);
    },
  );

  api.delete(
    '/articles/:id',
    {
      schema: {
        operationId: 'deleteArticle',
        tags: ['articles'],
        summary: 'Delete an article with all its annotations',
        description: 'Needs If-Match with the ETag you read (428 without, 412 when it changed since).',
        params: IdParams,
        headers: IfMatchHeaders,
        response: {
          204: Type.Null({ description: 'Deleted.' }),
          ...problemResponses('validation-failed', 'not-found', 'precondition-failed', 'precondition-required'),
        },
      },
    },
    async (request, reply) => {
      await options.articles.delete(request.params.id, expectedVersion(request));
      return reply.code(204).send(null);
    },
  );

  api.put(
    '/articles/:id',
    {
      schema: {
        operationId: 'reviseArticle',
        tags: ['articles'],
        summary: 'Revise an article with corrected text',
        description:
          'Needs If-Match. The new text is annotated again and annotations keep their ids where they are found again: machine annotations through the edit between the texts, editors\' annotations by their exact text and its context; the rest are kept as `orphaned` with their old span. The earlier text stays readable under `/revisions`. The same text again changes nothing.',
        params: IdParams,
        headers: IfMatchHeaders,
        body: articleBody,
        response: {
          200: { ...Article, description: 'The article as revised (or unchanged when the text was the same).' },
          ...problemResponses(
            'validation-failed',
            'not-found',
            'conflict',
            'precondition-failed',
            'precondition-required',
            'payload-too-large',
            'unsupported-media-type',
            'unprocessable-content',
          ),
        },
      },
    },
    async (request, reply) => {
      const { article } = await options.revisions.revise(
        request.params.id,
        expectedVersion(request),
        await ingestInputOf(request.headers['content-type'], request.body),
        actorOf(request),
      );
      setEtag(reply, article.version);
      return article;
    },
  );

  api.get(
    '/articles/:id/revisions',
    {
      schema: {
        operationId: 'listArticleRevisions',
        tags: ['articles'],
        summary: 'List the revisions of an article, oldest first',
        params: IdParams,
        response: { 200: ArticleRevisionList, ...problemResponses('validation-failed', 'not-found') },
      },
    },
    async (request) => ({ items: await options.revisions.revisions(request.params.id) }),
  );

  api.get(
    '/articles/:id/revisions/:revision',
    {
      schema: {
        operationId: 'getArticleRevision',
        tags: ['articles'],
        summary: 'Get one revision of an article with its text',
        params: RevisionParams,
        response: { 200: ArticleRevisionWithText, ...problemResponses('validation-failed', 'not-found') },
      },
    },
    async (request) => options.revisions.revision(request.params.id, request.params.revision),
  );

  api.get(
    '/articles/:id/annotations',
    {
      schema: {
        operationId: 'exportArticleAnnotations',
        tags: ['exports'],
        summary: 'Export the quotes and mentions as W3C Web Annotations (JSON-LD)',
        description:
          'An AnnotationCollection whose `first` page holds up to 100 annotations; `?page=N` gives page N alone. Each annotation targets the article with a TextPositionSelector (code points) and a TextQuoteSelector (exact, prefix, suffix).',
        params: IdParams,
        querystring: Type.Object(
          { page: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })) },
          { additionalProperties: false },
        ),
        response: {
          200: {
            description: 'The collection, or one page of it.',
            content: {
              [ANNOTATION_TYPE]: { schema: Type.Union([AnnotationCollection, AnnotationPage]) },
              'application/json': { schema: Type.Union([AnnotationCollection, AnnotationPage]) },
            },
          },
          ...problemResponses('validation-failed', 'not-found', 'not-acceptable'),
        },
      },
    },
    async (request, reply) => {
      const type = negotiate(request, [ANNOTATION_TYPE, 'application/ld+json', 'application/json'] as const);
      const body = await options.exports.webAnnotations(
        request.params.id,
        options.publicBaseUrl,
        request.query.page,
      );
      reply.header('vary', 'accept');
      return reply.type(type === 'application/json' ? 'application/json' : ANNOTATION_TYPE).send(body);
    },
  );
}

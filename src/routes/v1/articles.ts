import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ArticleService } from '../../services/article-service.js';
import type { IngestInput, IngestService } from '../../services/ingest-service.js';
import { Article, ArticleJsonInput, ArticleListQuery, ArticlePage, WireTextInput } from '../../schemas/articles.js';
import { IdParams } from '../../schemas/common.js';
import { problemResponses } from '../../schemas/problem.js';
import { linkNextPage } from './pagination.js';
import { expectedVersion, IfMatchHeaders, setEtag } from './preconditions.js';

export interface ArticleRoutesOptions {
  articles: ArticleService;
  ingest: IngestService;
}

export async function articleRoutes(app: FastifyInstance, options: ArticleRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/articles',
    {
      schema: {
        operationId: 'createArticle',
        tags: ['articles'],
        summary: 'Ingest an article',
        description:
          'Parses, annotates and stores an article in one transaction. Send a wire story as `text/plain`, or `application/json` with `headline` and `body`. Identical text (same SHA-256), or the same `source` and `externalId` with the same text, is not stored twice: the answer is 200 with the stored article. The same `source` and `externalId` with different text is a 409 `external-id-conflict`.',
        body: {
          content: {
            'text/plain': { schema: WireTextInput },
            'application/json': { schema: ArticleJsonInput },
          },
        },
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
      const input: IngestInput =
        typeof request.body === 'string'
          ? { format: 'text', text: request.body }
          : { format: 'json', article: request.body as ArticleJsonInput };
      const { article, created } = await options.ingest.ingest(input);
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
        params: IdParams,
        response: { 200: Article, ...problemResponses('validation-failed', 'not-found') },
      },
    },
    async (request, reply) => {
      const article = await options.articles.get(request.params.id);
      setEtag(reply, article.version);
      return article;
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
}

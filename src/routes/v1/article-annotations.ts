import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { ArticleService } from '../../services/article-service.js';
import { ArticleEntityPage, ParagraphPage, QuoteKindFilter, QuotePage } from '../../schemas/annotations.js';
import { IdParams, PageQuery } from '../../schemas/common.js';
import { IncludeQuery } from '../../schemas/editorial.js';
import { problemResponses } from '../../schemas/problem.js';
import { linkNextPage } from './pagination.js';

const SubListQuery = Type.Object(
  { limit: PageQuery.properties.limit, cursor: Type.Optional(PageQuery.properties.cursor) },
  { additionalProperties: false },
);
const AnnotationListQuery = Type.Object(
  { ...SubListQuery.properties, include: IncludeQuery },
  { additionalProperties: false },
);
const QuoteListQuery = Type.Object(
  { ...AnnotationListQuery.properties, kind: Type.Optional(QuoteKindFilter) },
  { additionalProperties: false },
);

const errors = problemResponses('validation-failed', 'invalid-cursor', 'not-found');

/** The annotations of one article: paragraphs, quotes and entities with their mentions. */
export async function articleAnnotationRoutes(
  app: FastifyInstance,
  options: { articles: ArticleService },
): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/articles/:id/paragraphs',
    {
      schema: {
        operationId: 'listArticleParagraphs',
        tags: ['annotations'],
        summary: "List an article's paragraphs",
        description: 'The standfirst and body paragraphs in text order (headline and source line excluded).',
        params: IdParams,
        querystring: SubListQuery,
        response: { 200: ParagraphPage, ...errors },
      },
    },
    async (request, reply) => {
      const page = await options.articles.paragraphs(request.params.id, request.query);
      linkNextPage(request, reply, page.nextCursor);
      return page;
    },
  );

  api.get(
    '/articles/:id/quotes',
    {
      schema: {
        operationId: 'listArticleQuotes',
        tags: ['annotations'],
        summary: "List an article's attributions (direct, mixed and indirect speech) with their sources",
        description:
          'Each attribution with its kind, its source (a speaker entity with the mention naming it, or the words of an unnamed source), the cue, the relaying entity, its paragraph and the attribution rule. `kind` narrows to some kinds, e.g. `kind=indirect`.',
        params: IdParams,
        querystring: QuoteListQuery,
        response: { 200: QuotePage, ...errors },
      },
    },
    async (request, reply) => {
      const page = await options.articles.quotes(request.params.id, request.query);
      linkNextPage(request, reply, page.nextCursor);
      return page;
    },
  );

  api.get(
    '/articles/:id/entities',
    {
      schema: {
        operationId: 'listArticleEntities',
        tags: ['annotations'],
        summary: 'List the entities an article names, with every mention',
        params: IdParams,
        querystring: AnnotationListQuery,
        response: { 200: ArticleEntityPage, ...errors },
      },
    },
    async (request, reply) => {
      const page = await options.articles.entities(request.params.id, request.query);
      linkNextPage(request, reply, page.nextCursor);
      return page;
    },
  );
}

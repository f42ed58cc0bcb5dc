import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../plugins/auth.js';
import { QuotePage } from '../../schemas/annotations.js';
import { IdParams } from '../../schemas/common.js';
import {
  EntityDetail,
  EntityListQuery,
  EntityMergeInput,
  EntityPage,
  EntityPatch,
  QuoteSearchQuery,
} from '../../schemas/entities.js';
import { problemResponses } from '../../schemas/problem.js';
import type { EntityService } from '../../services/entity-service.js';
import { linkNextPage } from './pagination.js';
import { expectedVersion, IfMatchHeaders, setEtag } from './preconditions.js';

const EntityQuotesQuery = Type.Object(
  { limit: QuoteSearchQuery.properties.limit, cursor: QuoteSearchQuery.properties.cursor },
  { additionalProperties: false },
);

/** Entities across articles and quote search. */
export async function entityRoutes(app: FastifyInstance, options: { entities: EntityService }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const { entities } = options;

  api.get(
    '/entities',
    {
      schema: {
        operationId: 'listEntities',
        tags: ['entities'],
        summary: 'Search entities by name (prefix and fuzzy), or list them',
        querystring: EntityListQuery,
        response: { 200: EntityPage, ...problemResponses('validation-failed', 'invalid-cursor') },
      },
    },
    async (request, reply) => {
      const page = await entities.search(request.query);
      linkNextPage(request, reply, page.nextCursor);
      return page;
    },
  );

  api.get(
    '/entities/:id',
    {
      schema: {
        operationId: 'getEntity',
        tags: ['entities'],
        summary: 'Get an entity with its aliases, counts and newest articles',
        params: IdParams,
        response: { 200: EntityDetail, ...problemResponses('validation-failed', 'not-found') },
      },
    },
    async (request, reply) => {
      const entity = await entities.get(request.params.id);
      setEtag(reply, entity.version);
      return entity;
    },
  );

  api.patch(
    '/entities/:id',
    {
      schema: {
        operationId: 'renameEntity',
        tags: ['entities'],
        summary: 'Rename an entity (the old name stays an alias)',
        description: 'Needs If-Match with the ETag you read (428 without, 412 when it changed since).',
        params: IdParams,
        headers: IfMatchHeaders,
        body: EntityPatch,
        response: {
          200: EntityDetail,
          ...problemResponses('validation-failed', 'not-found', 'conflict', 'precondition-failed', 'precondition-required'),
        },
      },
    },
    async (request, reply) => {
      const entity = await entities.rename(
        request.params.id,
        expectedVersion(request),
        request.body.canonicalName,
        actorOf(request),
      );
      setEtag(reply, entity.version);
      return entity;
    },
  );

  api.post(
    '/entities/:id/merge',
    {
      schema: {
        operationId: 'mergeEntity',
        tags: ['entities'],
        summary: 'Merge another entity into this one',
        description: 'Mentions, quotes and names of `entityId` move to this entity, and `entityId` is deleted.',
        params: IdParams,
        body: EntityMergeInput,
        response: {
          200: EntityDetail,
          ...problemResponses('validation-failed', 'not-found', 'unprocessable-content'),
        },
      },
    },
    async (request, reply) => {
      const entity = await entities.merge(request.params.id, request.body.entityId, actorOf(request));
      setEtag(reply, entity.version);
      return entity;
    },
  );

  api.get(
    '/entities/:id/quotes',
    {
      schema: {
        operationId: 'listEntityQuotes',
        tags: ['entities'],
        summary: 'Everything the entity was quoted saying, newest first',
        params: IdParams,
        querystring: EntityQuotesQuery,
        response: { 200: QuotePage, ...problemResponses('validation-failed', 'invalid-cursor', 'not-found') },
      },
    },
    async (request, reply) => {
      const page = await entities.quotes(request.params.id, request.query);
      linkNextPage(request, reply, page.nextCursor);
      return page;
    },
  );

  api.get(
    '/quotes',
    {
      schema: {
        operationId: 'searchQuotes',
        tags: ['quotes'],
        summary: 'Search quotes across articles',
        description: 'With `q`: full-text search, best match first. Without: newest first. Filters: speaker entity, time window.',
        querystring: QuoteSearchQuery,
        response: { 200: QuotePage, ...problemResponses('validation-failed', 'invalid-cursor') },
      },
    },
    async (request, reply) => {
      const page = await entities.searchQuotes(request.query);
      linkNextPage(request, reply, page.nextCursor);
      return page;
    },
  );
}

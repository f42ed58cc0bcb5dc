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
  { kind: QuoteSearchQuery.properties.kind, limit: QuoteSearchQuery.properties.limit, cursor: QuoteSearchQuery.properties.cursor },
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
        // The operation id predates gender: SDKs generated from earlier specs keep their method name.
        operationId: 'renameEntity',
        tags: ['entities'],
        summary: "Rename an entity (the old name stays an alias) or set a person's gender",
        description:
          "Needs If-Match with the ETag you read (428 without, 412 when it changed since). `gender` is the editor's (`genderSource: editor`): estimates from later articles never override it; only PERSON entities have one (422 otherwise). Each change is an event in the history of every article that names the entity.",
        params: IdParams,
        headers: IfMatchHeaders,
        body: EntityPatch,
        response: {
          200: EntityDetail,
          ...problemResponses(
            'validation-failed',
            'not-found',
            'conflict',
            'precondition-failed',
            'precondition-required',
            'unprocessable-content',
          ),
        },
      },
    },
    async (request, reply) => {
      const entity = await entities.update(request.params.id, expectedVersion(request), request.body, actorOf(request));
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
        description: 'Direct, mixed and indirect speech whose source is the entity; `kind` narrows to some kinds.',
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
        description:
          'Direct, mixed and indirect speech. With `q`: full-text search, best match first. Without: newest first. Filters: speaker entity, kind, time window.',
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

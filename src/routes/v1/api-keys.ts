import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ApiKeyInput, ApiKeyPage, CreatedApiKey } from '../../schemas/api-keys.js';
import { IdParams, PageQuery } from '../../schemas/common.js';
import { problemResponses } from '../../schemas/problem.js';
import type { ApiKeyService } from '../../services/api-key-service.js';
import { linkNextPage } from './pagination.js';

const ListQuery = Type.Object(
  { limit: PageQuery.properties.limit, cursor: Type.Optional(PageQuery.properties.cursor) },
  { additionalProperties: false },
);

/** Managing API keys: admin scope only. */
export async function apiKeyRoutes(app: FastifyInstance, options: { apiKeys: ApiKeyService }): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api-keys',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'createApiKey',
        tags: ['api-keys'],
        summary: 'Create an API key',
        description: 'The answer holds the secret key; it is stored hashed and never shown again.',
        body: ApiKeyInput,
        response: {
          201: { ...CreatedApiKey, description: 'Created; the key is in `key`.' },
          ...problemResponses('validation-failed', 'conflict'),
        },
      },
    },
    async (request, reply) => {
      const created = await options.apiKeys.create(request.body);
      reply.header('location', `/v1/api-keys/${created.id}`);
      return reply.code(201).send(created);
    },
  );

  api.get(
    '/api-keys',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'listApiKeys',
        tags: ['api-keys'],
        summary: 'List active API keys',
        querystring: ListQuery,
        response: { 200: ApiKeyPage, ...problemResponses('validation-failed', 'invalid-cursor') },
      },
    },
    async (request, reply) => {
      const page = await options.apiKeys.list(request.query);
      linkNextPage(request, reply, page.nextCursor);
      return page;
    },
  );

  api.delete(
    '/api-keys/:id',
    {
      config: { scope: 'admin' },
      schema: {
        operationId: 'deleteApiKey',
        tags: ['api-keys'],
        summary: 'Revoke an API key at once',
        description: 'Every service process refuses the key from the next request on. The last active admin key cannot be revoked (409).',
        params: IdParams,
        response: {
          204: Type.Null({ description: 'Revoked.' }),
          ...problemResponses('validation-failed', 'not-found', 'conflict'),
        },
      },
    },
    async (request, reply) => {
      await options.apiKeys.revoke(request.params.id);
      return reply.code(204).send(null);
    },
  );
}

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { OFFSET_UNIT_NOTE } from '../schemas/common.js';
import { PROBLEM_TYPE_BASE } from '../errors.js';
import { problemResponses } from '../schemas/problem.js';
import { SECURITY_SCHEME } from './auth.js';

export const API_VERSION = '1.0.0';

const description = `Ingests news articles and annotates them: paragraphs, quotations with their speakers, and the
people, organisations and places they name, stored and served under \`/v1\`.

**Offsets.** ${OFFSET_UNIT_NOTE} Every span also carries its \`text\`.

**Pagination.** Lists take \`limit\` and \`cursor\`; the next page's cursor is in \`nextCursor\` and in a
\`Link: <...>; rel="next"\` header. Cursors are opaque.

**Authentication.** Every \`/v1\` operation needs \`Authorization: Bearer <key>\`. Keys have scopes:
\`read\`, \`write\` (ingest and edit annotations) and \`admin\` (manage keys); 401 without a valid key,
403 when its scope is too small.

**Errors.** Every error is RFC 9457 \`application/problem+json\` with a stable \`type\`
(\`${PROBLEM_TYPE_BASE}<code>\`), a \`requestId\` that matches the \`x-request-id\` header and the logs,
and for validation problems an \`errors\` list of failing fields.`;

/** The OpenAPI 3.1 document, built from the route schemas, and Swagger UI at /docs. */
export const docs = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'news-annotations',
          version: API_VERSION,
          description,
          license: { name: 'UNLICENSED', identifier: 'UNLICENSED' },
        },
        servers: [{ url: 'http://localhost:3000', description: 'Local development' }],
        tags: [
          { name: 'articles', description: 'Ingest, read and delete articles.' },
          { name: 'annotations', description: 'Paragraphs, quotes and entities of one article, and editors\' corrections.' },
          { name: 'history', description: 'Every change, who made it, and reverts.' },
          { name: 'entities', description: 'People, organisations and places across articles.' },
          { name: 'quotes', description: 'Quotes across articles.' },
          { name: 'exports', description: 'Standard formats: W3C Web Annotation and IPTC ninjs.' },
          { name: 'api-keys', description: 'Manage the API keys (admin scope).' },
          { name: 'health', description: 'Liveness and readiness for orchestrators.' },
        ],
        components: {
          securitySchemes: {
            [SECURITY_SCHEME]: { type: 'http', scheme: 'bearer', description: 'An API key: `Bearer na_...`' },
          },
        },
      },
      // Every /v1 operation is behind an API key: say so, and document its 401 and 403.
      // POSTs also take an Idempotency-Key.
      transform: ({ schema, url, route }) => {
        if (!url.startsWith('/v1/') || !schema) return { schema, url };
        const response = (schema.response ?? {}) as Record<string, unknown>;
        const isPost = [route.method].flat().includes('POST');
        const headers = (schema.headers ?? { type: 'object', properties: {} }) as { properties?: Record<string, unknown> };
        return {
          url,
          schema: {
            ...schema,
            security: [{ [SECURITY_SCHEME]: [] }],
            ...(isPost
              ? {
                  headers: {
                    ...headers,
                    properties: {
                      ...headers.properties,
                      'idempotency-key': {
                        type: 'string',
                        minLength: 1,
                        maxLength: 255,
                        description:
                          'Makes the POST safe to retry: a retry with the same key gets the first answer (header `idempotent-replayed: true`); the same key with another request is a 422; a retry while the first still runs is a 409.',
                      },
                    },
                  },
                }
              : {}),
            response: {
              ...response,
              ...problemResponses('unauthorized', 'forbidden', ...(isPost ? (['idempotency-key-in-use', 'idempotency-key-reused'] as const) : [])),
            },
          },
        };
      },
      // Schemas with an $id become named components instead of def-N.
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, index) =>
          typeof json.$id === 'string' ? json.$id : `def-${index}`,
      },
    });
    await app.register(swaggerUi, { routePrefix: '/docs' });
    app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'docs' },
);

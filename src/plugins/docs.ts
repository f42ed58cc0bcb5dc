import { readFileSync } from 'node:fs';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { OFFSET_UNIT_NOTE } from '../schemas/common.js';
import { PROBLEM_TYPE_BASE, problemCatalogue, type ProblemCode } from '../errors.js';
import { operationExamples } from '../schemas/examples/operations.js';
import type { OperationExamples } from '../schemas/examples/types.js';
import { problemResponses } from '../schemas/problem.js';
import { SECURITY_SCHEME } from './auth.js';
import { declareHeaders, RESPONSE_HEADERS } from './openapi-headers.js';

/** The API's version is the package's: one number to bump, in package.json. */
export const API_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

const description = `Ingests news articles and annotates them: paragraphs, quotations with their speakers, and the
people, organisations and places they name, stored and served under \`/v1\`.

**Offsets.** ${OFFSET_UNIT_NOTE} Every span also carries its \`text\`.

**Pagination.** Lists take \`limit\` and \`cursor\`; the next page's cursor is in \`nextCursor\` and in a
\`Link: <...>; rel="next"\` header. Cursors are opaque.

**Authentication.** Every \`/v1\` operation needs \`Authorization: Bearer <key>\`. Keys have scopes:
\`read\`, \`write\` (ingest and edit annotations) and \`admin\` (manage keys); 401 without a valid key,
403 when its scope is too small.

**Rate limits.** Requests are counted per API key and minute (\`RATE_LIMIT_MAX\`, 600 by default; 0 turns
counting off). Answers to requests that were counted carry \`X-RateLimit-Limit\`, \`X-RateLimit-Remaining\` and
\`X-RateLimit-Reset\`; requests refused before counting (401, 403, and 400 or 415 for a malformed request) do
not. Past the limit the answer is 429 \`too-many-requests\` with \`Retry-After\` in seconds.

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
        // Relative: the API is served by the host that serves this document, whichever environment that is.
        servers: [
          {
            url: '/',
            description:
              'The host serving this document (local development at http://localhost:3000, staging or production behind TLS).',
          },
        ],
        tags: [
          { name: 'articles', description: 'Ingest, read and delete articles.' },
          { name: 'annotations', description: 'Paragraphs, quotes and entities of one article, and editors\' corrections.' },
          { name: 'history', description: 'Every change, who made it, and reverts.' },
          { name: 'entities', description: 'People, organisations and places across articles.' },
          { name: 'quotes', description: 'Quotes across articles.' },
          { name: 'exports', description: 'Standard formats: W3C Web Annotation and IPTC ninjs.' },
          { name: 'ingest-jobs', description: 'Large NDJSON imports, queued for the workers and followed to the end.' },
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
        if (!schema) return { schema, url };
        // Health probes are public on purpose: orchestrators call them without a key.
        if (!url.startsWith('/v1/')) return { url, schema: { ...schema, security: [] } };
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
            response: mergeProblemResponses(
              response,
              problemResponses('unauthorized', 'forbidden', 'too-many-requests', 'service-unavailable', ...(isPost ? (['idempotency-key-in-use', 'idempotency-key-reused'] as const) : [])),
            ),
          },
        };
      },
      transformObject: (documentObject) =>
        'openapiObject' in documentObject
          ? finishDocument(documentObject.openapiObject as OpenApiDocument, operationExamples)
          : documentObject.swaggerObject,
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

/**
 * Adds problem responses to a route's responses; where the route already documents that status
 * (say a 409 `external-id-conflict` beside the 409 `idempotency-key-in-use` every POST can give),
 * both descriptions are kept.
 */
function mergeProblemResponses(route: Record<string, unknown>, added: Record<number, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...route };
  for (const [status, entry] of Object.entries(added)) {
    const existing = merged[status] as { description?: string; content?: Record<string, unknown> } | undefined;
    const extra = entry as { description: string };
    if (!existing) merged[status] = entry;
    else if (existing.content?.['application/problem+json'] && existing.description) {
      const parts = new Set([...existing.description.split('; '), ...extra.description.split('; ')]);
      merged[status] = { ...existing, description: [...parts].join('; ') };
    }
  }
  return merged;
}

// ---- The finished document -------------------------------------------------------------------
// After @fastify/swagger has built the document from the route schemas, three things are added
// that are the same for every operation: recorded examples, rate-limit headers, and the bounds
// and integer formats OWASP API4 asks for on what the service sends back. Requests are left as the
// routes declare them: those schemas are what the service validates, so a bound added here would
// be a lie (they already bound every string, array and integer; only integer formats are added).

type Json = unknown;
interface OpenApiDocument {
  servers?: unknown[];
  paths?: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Json>; [key: string]: unknown };
  [key: string]: unknown;
}
interface MediaTypeObject {
  schema?: Json;
  example?: Json;
  examples?: Record<string, { summary?: string; value: Json }>;
}
export interface ResponseObject {
  description?: string;
  headers?: Record<string, Json>;
  content?: Record<string, MediaTypeObject>;
}
export interface ParameterObject {
  in: string;
  name: string;
  required?: boolean;
  description?: string;
  schema?: Json;
  example?: Json;
}
export interface OperationObject {
  operationId?: string;
  parameters?: ParameterObject[];
  requestBody?: { content?: Record<string, MediaTypeObject> };
  responses?: Record<string, ResponseObject>;
  [key: string]: unknown;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/** Postgres `integer` columns hold every count, offset and version the service returns. */
const INT32_MAX = 2_147_483_647;
/**
 * No string or list the service returns is longer than the largest request body it can be
 * configured to take (BODY_LIMIT, at most 100 MiB): everything it serves was sent to it, or is
 * derived from what was.
 */
const LARGEST_BODY = 104_857_600;

const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': {
    description:
      'Requests allowed per minute with this API key. Sent on every request that was counted (not on a 401, 403, or a 400 or 415 for a malformed request); absent when rate limiting is off.',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 1_000_000 },
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in the current minute (sent with X-RateLimit-Limit).',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 1_000_000 },
  },
  'X-RateLimit-Reset': {
    description: 'Seconds until the current minute window ends and the count starts again (sent with X-RateLimit-Limit).',
    schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 60 },
  },
};
const RETRY_AFTER = {
  description: 'Seconds to wait before retrying.',
  required: true,
  schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 60 },
};

export function finishDocument(input: OpenApiDocument, examples: OperationExamples): OpenApiDocument {
  const document = structuredClone(input);
  // Who the servers are for (OWASP API9): the same public API everywhere.
  document.servers = (document.servers ?? []).map((server) => ({ ...(server as object), 'x-internal': false }));
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method)) continue;
      const rateLimited = path.startsWith('/v1/');
      for (const parameter of operation.parameters ?? []) {
        addIntegerFormats(parameter.schema);
        // A parameter with a default (say `limit`) is filled in by the server: clients may omit it.
        if ((parameter.schema as { default?: unknown } | undefined)?.default !== undefined) parameter.required = false;
      }
      documentJsonFormOnly(operation);
      for (const media of Object.values(operation.requestBody?.content ?? {})) addIntegerFormats(media.schema);
      declareHeaders(method, operation, RETRY_AFTER);
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        for (const media of Object.values(response.content ?? {})) boundResponseSchema(media.schema);
        if (rateLimited && /^[234]/.test(status)) response.headers = { ...headerRefs(Object.keys(RATE_LIMIT_HEADERS)), ...response.headers };
      }
      describeOperation(operation);
      attachExamples(operation, examples[operation.operationId ?? ''] ?? []);
      attachProblemExamples(path, operation);
    }
  }
  for (const schema of Object.values(document.components?.schemas ?? {})) boundResponseSchema(schema);
  document.components = {
    ...document.components,
    headers: { ...RESPONSE_HEADERS, ...RATE_LIMIT_HEADERS, 'Retry-After': RETRY_AFTER },
  };
  return document;
}

/**
 * An operation that takes JSON and other media types documents its JSON form only. Generated SDKs
 * mishandle a request body with several media types (orval's fetch client sends any of them as
 * JSON.stringify(...) without a Content-Type), while every generator sends a single JSON body
 * right. The other types stay accepted, for curl and plain HTTP clients, and are listed in the
 * description with their media types.
 */
function documentJsonFormOnly(operation: OperationObject & { description?: string; summary?: string }): void {
  const content = operation.requestBody?.content;
  if (!content?.['application/json'] || Object.keys(content).length < 2) return;
  const others = Object.keys(content)
    .filter((type) => type !== 'application/json')
    .map((type) => `\`${type}\``);
  operation.requestBody!.content = { 'application/json': content['application/json'] };
  const note = `**Media types:** this document describes the \`application/json\` body, which every generated SDK sends correctly. The service also takes ${others.join(', ')} with the same meaning (see the description above), for curl and plain HTTP clients.`;
  operation.description = [operation.description ?? (operation.summary ? `${operation.summary}.` : ''), note].filter(Boolean).join('\n\n');
}

/** The shared response headers, by reference to components.headers. */
const headerRefs = (names: string[]): Record<string, { $ref: string }> =>
  Object.fromEntries(names.map((name) => [name, { $ref: `#/components/headers/${name}` }]));

/**
 * Ends every operation's description with what a client needs to know that the route leaves to
 * the document: the offset unit when spans go in or out, how to page, and the problem types.
 */
function describeOperation(operation: OperationObject & { summary?: string; description?: string }): void {
  const lines: string[] = [];
  const schemas = [
    ...Object.values(operation.requestBody?.content ?? {}).map((media) => media.schema),
    ...Object.values(operation.responses ?? {}).flatMap((response) => Object.values(response.content ?? {}).map((m) => m.schema)),
  ];
  let hasSpans = false;
  for (const schema of schemas) {
    walkSchemas(schema, (node) => {
      const properties = node.properties as Record<string, Json> | undefined;
      if (properties && 'start' in properties && 'end' in properties) hasSpans = true;
    });
  }
  if (hasSpans) lines.push(`**Offsets:** ${OFFSET_UNIT_NOTE}`);
  if ((operation.parameters ?? []).some((parameter) => parameter.in === 'query' && parameter.name === 'cursor')) {
    lines.push(
      '**Pagination:** pass `limit`, then the `nextCursor` of each page as `cursor`; the next page is also linked in the `Link: <...>; rel="next"` header. `nextCursor` is null on the last page.',
    );
  }
  const problems = Object.entries(operation.responses ?? {}).flatMap(([status, response]) =>
    response.content?.['application/problem+json']
      ? [...(response.description ?? '').matchAll(/`([a-z-]+)`/g)].map((match) => `${status} \`${match[1]}\``)
      : [],
  );
  if (problems.length) {
    lines.push(
      `**Errors** (\`application/problem+json\`, \`type\` is \`${PROBLEM_TYPE_BASE}<code>\`): ${problems.join(', ')}.`,
    );
  }
  const intro = operation.description ?? (operation.summary ? `${operation.summary}.` : '');
  operation.description = [intro, ...lines].filter(Boolean).join('\n\n');
}

/** Calls `visit` on every schema object inside `schema`, itself included. */
function walkSchemas(schema: Json, visit: (node: Record<string, Json>) => void): void {
  if (Array.isArray(schema)) {
    for (const entry of schema) walkSchemas(entry, visit);
    return;
  }
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Record<string, Json>;
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'examples' || key === 'example' || key === 'default' || key === 'const' || key === 'enum') continue;
    if (key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions') {
      for (const child of Object.values((value ?? {}) as Record<string, Json>)) walkSchemas(child, visit);
    } else if (value && typeof value === 'object') {
      walkSchemas(value, visit);
    }
  }
}

const hasType = (node: Record<string, Json>, type: string): boolean =>
  node.type === type || (Array.isArray(node.type) && node.type.includes(type));

function addIntegerFormat(node: Record<string, Json>): void {
  if (!hasType(node, 'integer') || node.format !== undefined) return;
  const fits32 = (value: Json) => typeof value === 'number' && value >= -INT32_MAX - 1 && value <= INT32_MAX;
  node.format = fits32(node.minimum) && fits32(node.maximum) ? 'int32' : 'int64';
}

function addIntegerFormats(schema: Json): void {
  walkSchemas(schema, addIntegerFormat);
}

function boundResponseSchema(schema: Json): void {
  walkSchemas(schema, (node) => {
    if (hasType(node, 'integer')) {
      if (node.minimum === undefined && node.exclusiveMinimum === undefined) node.minimum = 0;
      if (node.maximum === undefined && node.exclusiveMaximum === undefined) node.maximum = INT32_MAX;
      addIntegerFormat(node);
    }
    if (hasType(node, 'string') && node.maxLength === undefined && node.enum === undefined && node.const === undefined) {
      node.maxLength = LARGEST_BODY;
    }
    if (hasType(node, 'array') && node.maxItems === undefined) node.maxItems = LARGEST_BODY;
  });
}

/** Adds a named example; an `example` the route schema gave is kept beside it (OpenAPI allows one of the two). */
function addExample(media: MediaTypeObject, name: string, summary: string, value: Json): void {
  if (media.example !== undefined) {
    media.examples = { 'from-the-schema': { summary: 'Example from the route schema', value: media.example }, ...media.examples };
    delete media.example;
  }
  media.examples = { ...media.examples, [name]: { summary, value } };
}

/** Recorded request and response bodies as named examples, and parameter values from the first. */
function attachExamples(operation: OperationObject, exchanges: OperationExamples[string]): void {
  exchanges.forEach((exchange, index) => {
    const name = exchangeName(exchange.summary, index);
    const { request, response } = exchange;
    if (index === 0) {
      for (const parameter of operation.parameters ?? []) {
        const value =
          parameter.in === 'path'
            ? request.pathParams[parameter.name]
            : parameter.in === 'query'
              ? request.query[parameter.name]
              : parameter.in === 'header'
                ? request.headers[parameter.name.toLowerCase()]
                : undefined;
        // Swagger UI's try-it-out fills a parameter with its example: where the server has a
        // default (say `limit`), the default is the better value to show than a recorded one.
        const hasDefault = (parameter.schema as { default?: unknown } | undefined)?.default !== undefined;
        if (value !== undefined && !hasDefault) parameter.example = typedLike(parameter.schema, value);
      }
    }
    const requestMedia = request.contentType ? operation.requestBody?.content?.[request.contentType] : undefined;
    if (requestMedia && request.body !== undefined) {
      addExample(requestMedia, name, exchange.summary, request.body);
    }
    const responseMedia = response.contentType
      ? operation.responses?.[String(response.status)]?.content?.[response.contentType]
      : undefined;
    if (responseMedia && response.body !== undefined) {
      addExample(responseMedia, name, exchange.summary, response.body);
    }
  });
}

const exchangeName = (summary: string, index: number): string =>
  summary
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || `example-${index + 1}`;

/** Query values arrive as strings; an integer parameter's example is a number. */
function typedLike(schema: Json, value: string): Json {
  const node = (schema ?? {}) as Record<string, Json>;
  return hasType(node, 'integer') && /^-?\d+$/.test(value) ? Number(value) : value;
}

/**
 * Every problem response without a recorded example gets one built from the catalogue: the
 * first problem code its description names (descriptions list them as `` `code`: title ``).
 */
function attachProblemExamples(path: string, operation: OperationObject): void {
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    const media = response.content?.['application/problem+json'];
    if (!media || media.examples || media.example !== undefined) continue;
    const code = /`([a-z-]+)`/.exec(response.description ?? '')?.[1] as ProblemCode | undefined;
    if (!code || !(code in problemCatalogue) || String(problemCatalogue[code].status) !== status) continue;
    media.examples = {
      [code]: {
        summary: problemCatalogue[code].title,
        value: {
          type: `${PROBLEM_TYPE_BASE}${code}`,
          title: problemCatalogue[code].title,
          status: problemCatalogue[code].status,
          instance: path.replace(/\{[^}]+\}/g, '01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11'),
          requestId: '01936f6e-5d4c-7b3a-8f2e-1d0c9b8a7f6e',
        },
      },
    };
  }
}

// The HTTP headers the service sends and reads, declared on every operation from what the
// operation is (its method, status codes and parameters), so that routes written later get them
// without their authors doing anything. Each rule mirrors the code that sends the header:
// - X-Request-Id on every answer (app.ts, onRequest);
// - ETag on every successful answer with a body, and on a 304 (plugins/etags.ts: the route's
//   version, else a hash of the body); If-None-Match and its 304 on every GET;
// - Location on 201 and 202 (the routes name what they created), and maybe on a POST's 200;
// - Link on lists, that is operations with a `cursor` (routes/v1/pagination.ts);
// - Idempotent-Replayed on a POST's non-5xx answers, and Retry-After on its 409
//   (plugins/idempotency.ts); Retry-After on 429 (plugins/rate-limit.ts) and 503
//   (plugins/problem-errors.ts);
// - If-Match is a parameter where the route reads it (routes/v1/preconditions.ts), and only those
//   routes can answer 428 `precondition-required`.

import { problemCatalogue } from '../errors.js';
import { IF_NONE_MATCH_MAX_LENGTH } from './etags.js';
// The OpenAPI shapes are docs.ts's (a type-only import: nothing circular at run time).
import type { OperationObject, ParameterObject, ResponseObject } from './docs.js';

export interface HeaderObject {
  description: string;
  required?: boolean;
  schema: Record<string, unknown>;
}

/** Shared response headers, referenced from every response as `#/components/headers/<name>`. */
export const RESPONSE_HEADERS: Record<string, HeaderObject> = {
  'X-Request-Id': {
    description:
      'The request id: the `x-request-id` the client sent when it was 1 to 128 of `A-Za-z0-9._:-`, else one the service made. It is in every log line of the request and in a problem\'s `requestId`.',
    required: true,
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$', maxLength: 128 },
  },
  ETag: {
    description:
      'The version of what was answered: `"<version>"` for articles, quotes, mentions and entities (send it back in If-Match to change them), else a hash of the body. Send it in If-None-Match to get a 304 while it is current.',
    required: true,
    schema: { type: 'string', pattern: '^(W/)?"[^"]*"$', maxLength: 200 },
  },
  Location: {
    description: 'The path of what was created.',
    required: true,
    schema: { type: 'string', format: 'uri-reference', maxLength: 2000 },
  },
  Link: {
    description: 'RFC 8288 link to the next page, `<path?...&cursor=...>; rel="next"`; absent on the last page.',
    schema: { type: 'string', maxLength: 4000 },
  },
  'Idempotent-Replayed': {
    description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
};

const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });

const IF_NONE_MATCH: ParameterObject = {
  in: 'header',
  name: 'if-none-match',
  required: false,
  description: 'ETags from earlier reads (or `*`): the answer is 304 with no body while one of them is current.',
  schema: { type: 'string', minLength: 1, maxLength: IF_NONE_MATCH_MAX_LENGTH },
};

const NOT_MODIFIED: ResponseObject = { description: 'Not modified: the ETag sent in If-None-Match is still current; no body.' };

/** An operation that takes If-None-Match can refuse a malformed one (plugins/etags.ts). */
const BAD_REQUEST: ResponseObject = {
  description: `\`validation-failed\`: ${problemCatalogue['validation-failed'].title}`,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
};

/**
 * Adds the headers and parameters above to one operation of the finished document. `retryAfter`
 * is the Retry-After header object (required where it is referenced: 429 and 503).
 */
export function declareHeaders(method: string, operation: OperationObject, retryAfter: HeaderObject): void {
  const parameters = (operation.parameters ??= []);
  const responses = (operation.responses ??= {});
  const headerParameter = (name: string) => parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === name);
  const isList = parameters.some((p) => p.in === 'query' && p.name === 'cursor');
  const isPost = method === 'post';
  const takesIfMatch = headerParameter('if-match') !== undefined;

  if (method === 'get') {
    if (!headerParameter('if-none-match')) parameters.push({ ...IF_NONE_MATCH });
    responses['304'] ??= { ...NOT_MODIFIED };
    responses['400'] ??= structuredClone(BAD_REQUEST);
  }
  if (!takesIfMatch) delete responses['428'];

  for (const [status, response] of Object.entries(responses)) {
    const code = Number(status);
    const added: Record<string, unknown> = { 'X-Request-Id': ref('X-Request-Id') };
    const hasBody = response.content !== undefined && Object.keys(response.content).length > 0;
    if ((code >= 200 && code < 300 && hasBody) || code === 304) added.ETag = ref('ETag');
    if (code === 201 || code === 202) added.Location = ref('Location');
    // A POST that found what it would have created (createArticle's 200) names it too.
    else if (isPost && code === 200) added.Location = { ...RESPONSE_HEADERS.Location, required: false };
    if (isList && code === 200) added.Link = ref('Link');
    if (isPost && code < 500) added['Idempotent-Replayed'] = ref('Idempotent-Replayed');
    if (code === 503 || code === 429) added['Retry-After'] = ref('Retry-After');
    // A POST's 409 has it only when the first request with its Idempotency-Key still runs.
    else if (isPost && code === 409) added['Retry-After'] = { ...retryAfter, required: false };
    response.headers = { ...response.headers, ...added };
  }
}

// The error catalogue: every problem the API can answer, with its HTTP status and a stable
// problem type (RFC 9457). Clients switch on `type`; titles are for people.

export const PROBLEM_TYPE_BASE = 'urn:news-annotations:problem:';

export const problemCatalogue = {
  'validation-failed': { status: 400, title: 'The request is not valid' },
  'malformed-body': { status: 400, title: 'The request body could not be parsed' },
  'empty-body': { status: 400, title: 'The request body is empty' },
  'invalid-cursor': { status: 400, title: 'The pagination cursor is not valid' },
  'bad-request': { status: 400, title: 'Bad request' },
  unauthorized: { status: 401, title: 'A valid API key is required' },
  forbidden: { status: 403, title: 'The API key lacks the scope for this' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'not-acceptable': { status: 406, title: 'No acceptable representation' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  'external-id-conflict': { status: 409, title: 'The external id is already used by an article with other text' },
  'idempotency-key-in-use': { status: 409, title: 'A request with this Idempotency-Key is still running' },
  'precondition-failed': { status: 412, title: 'The resource changed since the ETag given in If-Match' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'unprocessable-content': { status: 422, title: 'The request cannot be processed' },
  'idempotency-key-reused': { status: 422, title: 'The Idempotency-Key was used with a different request' },
  'precondition-required': { status: 428, title: 'This change needs an If-Match header with the current ETag' },
  'headers-too-large': { status: 431, title: 'The request line or its headers are too large' },
  'too-many-requests': { status: 429, title: 'Too many requests' },
  'internal-error': { status: 500, title: 'Internal server error' },
  'service-unavailable': { status: 503, title: 'Service unavailable' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof problemCatalogue;

export function problemType(code: ProblemCode): string {
  return PROBLEM_TYPE_BASE + code;
}

/** An error that becomes a problem+json answer; `extensions` are added as top-level members. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? problemCatalogue[code].title);
    this.name = 'ApiError';
    this.status = problemCatalogue[code].status;
  }
}

export const notFound = (what: string, id: string): ApiError =>
  new ApiError('not-found', `No ${what} with id ${id}`);

import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../../openapi/openapi';
import type { Problem } from './types';

const KEY_STORAGE = 'news-annotations.apiKey';
export const UNAUTHORIZED_EVENT = 'desk:unauthorized';

/** The API key, kept for the browser session only (sessionStorage). */
export const apiKey = {
  get: (): string | null => sessionStorage.getItem(KEY_STORAGE),
  set: (key: string) => sessionStorage.setItem(KEY_STORAGE, key),
  clear: () => sessionStorage.removeItem(KEY_STORAGE),
};

/** Raised for every non-2xx answer: the problem+json body the service sent. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  get stale(): boolean {
    return this.status === 412;
  }

  get unauthorized(): boolean {
    return this.status === 401;
  }
}

const authorize: Middleware = {
  onRequest({ request }) {
    const key = apiKey.get();
    if (key) request.headers.set('authorization', `Bearer ${key}`);
    return request;
  },
  onResponse({ response }) {
    // A key revoked or mistyped: the desk asks for one again.
    if (response.status === 401) dispatchEvent(new Event(UNAUTHORIZED_EVENT));
    return response;
  },
};

/** The typed client of the public /v1 API, on the origin that served the desk. */
export const client = createClient<paths>({ baseUrl: location.origin });
client.use(authorize);

/** The data of an openapi-fetch answer, or an ApiProblem. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiProblem(response.status, (error ?? {}) as Problem);
  return data as T;
}

/** The If-Match header for a version read earlier. */
export const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

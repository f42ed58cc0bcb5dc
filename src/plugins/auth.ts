import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';
import type { ApiKeyScope } from '../schemas/api-keys.js';
import { allows, type ApiKeyService, type Principal } from '../services/api-key-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The API key's holder, set on every /v1 request. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** The scope a route needs; by default `read` for GET and HEAD, `write` for everything else. */
    scope?: ApiKeyScope;
  }
}

export const SECURITY_SCHEME = 'bearerAuth';

const neededScope = (request: FastifyRequest): ApiKeyScope =>
  request.routeOptions.config.scope ?? (request.method === 'GET' || request.method === 'HEAD' ? 'read' : 'write');

/** The actor name recorded on changes. */
export function actorOf(request: FastifyRequest): string {
  if (!request.principal) throw new Error('actorOf called on a request without a principal');
  return request.principal.name;
}

/**
 * Bearer API keys for every route registered in the calling scope (the /v1 plugin): 401 without a
 * valid key, 403 when the key lacks the route's scope. Keys are looked up on every request, so a
 * revoked key is refused at once.
 */
export const apiKeyAuth = fp(async (app: FastifyInstance, options: { apiKeys: ApiKeyService }): Promise<void> => {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    // The scheme is case-insensitive (RFC 9110 11.1): `bearer` works like `Bearer`.
    const token = /^bearer[ \t]+(\S+)[ \t]*$/i.exec(request.headers.authorization ?? '')?.[1];
    const principal = token ? await options.apiKeys.authenticate(token, request.ip) : null;
    if (!principal) {
      throw new ApiError(
        'unauthorized',
        token ? 'The API key is not valid or was revoked.' : 'Send Authorization: Bearer <key>.',
        {},
        { 'www-authenticate': 'Bearer realm="news-annotations"' },
      );
    }
    const scope = neededScope(request);
    if (!allows(principal, scope)) {
      throw new ApiError('forbidden', `This needs a key with the ${scope} scope.`);
    }
    request.principal = principal;
  });
}, { name: 'api-key-auth' });

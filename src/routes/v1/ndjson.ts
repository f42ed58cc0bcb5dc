import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../../errors.js';
import { mediaTypeOf } from '../../formats/index.js';

export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

/**
 * Takes NDJSON bodies as text up to `bodyLimit` in the calling plugin, and returns an onRequest
 * hook that refuses any other media type with a 415 (other parsers would otherwise reach the
 * handler with their own idea of the body).
 */
export function acceptNdjsonOnly(app: FastifyInstance, bodyLimit: number, what: string) {
  app.addContentTypeParser(NDJSON_MEDIA_TYPE, { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));
  return async (request: FastifyRequest): Promise<void> => {
    const type = mediaTypeOf(request.headers['content-type']);
    if (type !== NDJSON_MEDIA_TYPE && type !== 'application/json') {
      throw new ApiError('unsupported-media-type', `Send the ${what} as ${NDJSON_MEDIA_TYPE}, one JSON article per line (or as application/json {"articles": [...]}).`);
    }
  };
}

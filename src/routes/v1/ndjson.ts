import { Transform, type Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../../errors.js';
import { mediaTypeOf } from '../../formats/index.js';

export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

const tooLarge = (bodyLimit: number) =>
  new ApiError('payload-too-large', `The body is larger than ${bodyLimit} bytes: split it.`);

/** The body stream, failing with a 413 once more than `bodyLimit` bytes came through. */
function bounded(payload: Readable, bodyLimit: number): Readable {
  let bytes = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > bodyLimit ? tooLarge(bodyLimit) : null, bytes > bodyLimit ? undefined : chunk);
    },
  });
  payload.on('error', (error) => counted.destroy(error));
  return payload.pipe(counted);
}

/**
 * Takes NDJSON bodies up to `bodyLimit` in the calling plugin, and returns an onRequest hook that
 * refuses any other media type with a 415 (other parsers would otherwise reach the handler with
 * their own idea of the body). With `stream`, the handler gets the body as a byte stream to read
 * line by line (a large body is never held whole), bounded to `bodyLimit` as it is read; a
 * declared length over it is refused before any of it is read. Without, the body is a string.
 */
export function acceptNdjsonOnly(app: FastifyInstance, bodyLimit: number, what: string, options: { stream?: boolean } = {}) {
  if (options.stream) {
    app.addContentTypeParser(NDJSON_MEDIA_TYPE, (request, payload, done) => {
      if (Number(request.headers['content-length']) > bodyLimit) done(tooLarge(bodyLimit), undefined);
      else done(null, bounded(payload, bodyLimit));
    });
  } else {
    app.addContentTypeParser(NDJSON_MEDIA_TYPE, { parseAs: 'string', bodyLimit }, (_request, body, done) => done(null, body));
  }
  return async (request: FastifyRequest): Promise<void> => {
    const type = mediaTypeOf(request.headers['content-type']);
    if (type !== NDJSON_MEDIA_TYPE && type !== 'application/json') {
      throw new ApiError('unsupported-media-type', `Send the ${what} as ${NDJSON_MEDIA_TYPE}, one JSON article per line (or as application/json {"articles": [...]}).`);
    }
  };
}

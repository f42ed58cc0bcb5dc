import etag from '@fastify/etag';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';

/** Longest If-None-Match taken (the spec says so): a long list of tags is a client bug. */
export const IF_NONE_MATCH_MAX_LENGTH = 1000;

/**
 * ETags and conditional reads. @fastify/etag hashes every answer that has no ETag of its own
 * (routes set `"<version>"` where they have one); this plugin answers If-None-Match itself, because
 * RFC 9110 wants more than the library does:
 * - only successful GET and HEAD answers are compared (an error or a POST is never a 304, and an
 *   error carries no ETag: it is no representation of the resource);
 * - If-None-Match may list several tags or be `*`, and compares weakly;
 * - a 304 carries no body and therefore no Content-Type and no Content-Length (a Content-Length on
 *   a 304 must equal the 200's, which is not known here, so it is left out).
 */
export const etags = fp(
  async (app: FastifyInstance) => {
    await app.register(etag, { replyWith304: false });
    // The spec bounds If-None-Match like every other input; an empty one names no tag.
    // Callback hooks: they run on every request and wait for nothing (an async hook costs a promise
    // and a microtask turn each); a thrown error is handled as a rejected async hook's is.
    app.addHook('onRequest', (request, _reply, done) => {
      const header = request.headers['if-none-match'];
      if (header !== undefined && (request.method === 'GET' || request.method === 'HEAD')) {
        if (typeof header !== 'string' || header.trim() === '' || header.length > IF_NONE_MATCH_MAX_LENGTH) {
          throw new ApiError(
            'validation-failed',
            `headers /if-none-match: must be 1 to ${IF_NONE_MATCH_MAX_LENGTH} characters: "*" or a list of ETags`,
          );
        }
      }
      done();
    });
    app.addHook('onSend', (request, reply, payload, done) => {
      // Only a representation has a version: not an error, and not a 204's nothing.
      if (reply.statusCode < 200 || reply.statusCode >= 300 || reply.statusCode === 204) {
        reply.removeHeader('etag');
        done(null, payload);
        return;
      }
      if (!isNotModified(request, reply)) {
        done(null, payload);
        return;
      }
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      done(null, null);
    });
  },
  { name: 'etags' },
);

const opaqueTag = (tag: string): string => tag.trim().replace(/^W\//, '');

function isNotModified(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const header = request.headers['if-none-match'];
  const current = reply.getHeader('etag');
  if (typeof header !== 'string' || typeof current !== 'string' || reply.statusCode !== 200) return false;
  if (header.trim() === '*') return true;
  const tag = opaqueTag(current);
  return header.split(',').some((candidate) => opaqueTag(candidate) === tag);
}

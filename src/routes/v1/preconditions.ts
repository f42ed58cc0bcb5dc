import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { ApiError } from '../../errors.js';

// ETags are the resource's version number in quotes: strong, cheap, and what If-Match compares.

export const etagOf = (version: number): string => `"${version}"`;

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header('etag', etagOf(version));
}

/** The version a change expects, from If-Match: 428 without it, 412 when it cannot match. */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header.trim() === '') {
    throw new ApiError('precondition-required', 'Send If-Match with the ETag you read; it guards against lost updates.');
  }
  // If-Match compares strongly (RFC 9110 13.1.1): a weak ETag never matches.
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match?.[1]) throw new ApiError('precondition-failed', 'If-Match does not name a current ETag of this resource (a weak W/ tag never matches).');
  return Number(match[1]);
}

export const IfMatchHeaders = Type.Object(
  {
    'if-match': Type.Optional(
      Type.String({ maxLength: 100, description: 'The ETag from the last read; required (428 without it, 412 when stale).' }),
    ),
  },
  { additionalProperties: true },
);

import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Sets the RFC 8288 `Link: <...>; rel="next"` header for a page with a next cursor: the request's
 * path and query with `cursor` replaced (string work: URL parsing cost a visible share of a list).
 */
export function linkNextPage(request: FastifyRequest, reply: FastifyReply, nextCursor: string | null): void {
  if (nextCursor === null) return;
  const question = request.url.indexOf('?');
  const path = question === -1 ? request.url : request.url.slice(0, question);
  const params = question === -1 ? [] : request.url.slice(question + 1).split('&');
  const kept = params.filter((param) => param !== '' && param !== 'cursor' && !param.startsWith('cursor='));
  reply.header('link', `<${path}?${[...kept, `cursor=${encodeURIComponent(nextCursor)}`].join('&')}>; rel="next"`);
}

import type { FastifyReply, FastifyRequest } from 'fastify';

/** Sets the RFC 8288 `Link: <...>; rel="next"` header for a page with a next cursor. */
export function linkNextPage(request: FastifyRequest, reply: FastifyReply, nextCursor: string | null): void {
  if (nextCursor === null) return;
  const url = new URL(request.url, 'http://placeholder');
  url.searchParams.set('cursor', nextCursor);
  reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
}

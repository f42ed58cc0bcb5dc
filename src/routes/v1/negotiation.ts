import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../errors.js';

/**
 * The first of `offered` media types the request's Accept allows (q-values respected, wildcards
 * understood); the first offered when there is no Accept; a 406 when none is acceptable.
 */
export function negotiate<T extends string>(request: FastifyRequest, offered: readonly T[]): T {
  const header = request.headers.accept;
  if (!header) return offered[0] as T;
  const ranges = header
    .split(',')
    .map((part) => {
      const [range = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
      const q = params.find((param) => param.startsWith('q='));
      return { range, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.range && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { range } of ranges) {
    const match = offered.find((type) => {
      const bare = type.split(';')[0]!.trim().toLowerCase();
      if (range === '*/*' || range === bare) return true;
      return range.endsWith('/*') && bare.startsWith(range.slice(0, -1));
    });
    if (match) return match;
  }
  throw new ApiError('not-acceptable', `This resource is available as: ${offered.join(', ')}.`);
}

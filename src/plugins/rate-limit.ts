import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';

/**
 * Requests per minute per API key (`max`; 0 turns it off). Runs after authentication, keyed on the
 * key's id, and before the idempotency claim so a refused request claims nothing. Counters live in
 * the process: with several API replicas each allows `max` (see docs/scaling.md).
 */
export const perKeyRateLimit = fp(
  async (app: FastifyInstance, options: { max: number }) => {
    if (options.max <= 0) return;
    await app.register(rateLimit, {
      global: true,
      hook: 'preHandler',
      max: options.max,
      timeWindow: 60_000,
      keyGenerator: (request) => request.principal?.keyId ?? request.ip,
      errorResponseBuilder: (_request, context) =>
        new ApiError(
          'too-many-requests',
          `More than ${context.max} requests a minute with this API key; retry in ${context.after}.`,
          {},
          { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
        ),
    });
  },
  { name: 'per-key-rate-limit' },
);

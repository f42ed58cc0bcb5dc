import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { runReads } from '../db/read-routing.js';

/**
 * Sends GET requests' reads to the read replica, except for a client (API key) that changed
 * something within the last `windowMs`: it reads from the primary so it sees its own writes.
 * The memory of recent writers is per process (see docs/scaling.md).
 */
export const readYourWrites = fp(
  async (app: FastifyInstance, options: { windowMs: number }) => {
    const lastWriteAt = new Map<string, number>();
    app.addHook('onRequest', (request, _reply, done) => {
      const keyId = request.principal?.keyId;
      const wroteLately = keyId !== undefined && Date.now() - (lastWriteAt.get(keyId) ?? 0) < options.windowMs;
      runReads(request.method !== 'GET' || wroteLately, done);
    });
    app.addHook('onResponse', async (request, reply) => {
      const keyId = request.principal?.keyId;
      if (keyId && request.method !== 'GET' && reply.statusCode < 400) {
        lastWriteAt.set(keyId, Date.now());
        // Forget old writers so the map stays small.
        if (lastWriteAt.size > 10_000) {
          const cutoff = Date.now() - options.windowMs;
          for (const [key, at] of lastWriteAt) if (at < cutoff) lastWriteAt.delete(key);
        }
      }
    });
  },
  { name: 'read-your-writes' },
);

import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { uuidv7 } from 'uuidv7';
import { ApiError } from '../errors.js';
import type { IdempotencyRepository } from '../repositories/idempotency-repository.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The idempotency record this request claimed, completed when the answer is sent. */
    idempotencyRecordId: string | null;
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
// A claim older than this whose request never answered belonged to a process that died.
const ABANDONED_AFTER_MS = 60_000;
// Answer headers worth replaying.
const REPLAYED_HEADERS = ['content-type', 'location', 'etag', 'link'];
/** How long a first answer is replayed; older records are deleted (a sweep every 10 minutes). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const SWEEP_EVERY_MS = 10 * 60 * 1000;
// API keys are secrets shown once: a stored answer never holds one (a replay says it was shown).
const API_KEY = /"na_[A-Za-z0-9_-]{32,200}"/g;
const redactSecrets = (body: string): string => body.replace(API_KEY, '"[shown only in the first answer]"');

const requestHash = (method: string, url: string, body: unknown): string =>
  createHash('sha256')
    .update(`${method} ${url}\n`)
    .update(typeof body === 'string' ? body : JSON.stringify(body ?? null))
    .digest('hex');

/**
 * The Idempotency-Key header on POSTs (IETF draft): the first answer is stored and replayed to
 * retries with the same key; the same key with another request is a 422; a retry while the first
 * is still running is a 409. Keys are per API key. Must be registered after authentication.
 */
export const idempotency = fp(
  async (app: FastifyInstance, options: { records: IdempotencyRepository }) => {
    const { records } = options;
    app.decorateRequest('idempotencyRecordId', null);
    const sweep = () => void records.deleteOlderThan(new Date(Date.now() - IDEMPOTENCY_TTL_MS)).catch(() => {});
    let sweeper: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      sweep();
      sweeper = setInterval(sweep, SWEEP_EVERY_MS).unref();
    });
    app.addHook('onClose', async () => clearInterval(sweeper));

    app.addHook('preHandler', async (request, reply) => {
      const key = request.headers['idempotency-key'];
      if (request.method !== 'POST' || key === undefined || !request.principal) return;
      if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
        throw new ApiError('validation-failed', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
      }
      const apiKeyId = request.principal.keyId;
      const hash = requestHash(request.method, request.url, request.body);
      const id = uuidv7();
      if (await records.claim({ id, apiKeyId, key, method: request.method, path: request.url.slice(0, 2000), requestHash: hash })) {
        request.idempotencyRecordId = id;
        return;
      }
      let existing = await records.find(apiKeyId, key);
      if (existing && existing.createdAt.getTime() < Date.now() - IDEMPOTENCY_TTL_MS) {
        // Expired: forgotten, and this request is a first one again.
        await records.deleteOlderThan(new Date(Date.now() - IDEMPOTENCY_TTL_MS));
        if (await records.claim({ id, apiKeyId, key, method: request.method, path: request.url.slice(0, 2000), requestHash: hash })) {
          request.idempotencyRecordId = id;
          return;
        }
        existing = await records.find(apiKeyId, key);
      }
      if (!existing) throw new ApiError('idempotency-key-in-use', 'Retry this request.', {}, { 'retry-after': '1' });
      if (existing.requestHash !== hash) {
        throw new ApiError('idempotency-key-reused', 'This Idempotency-Key was first sent with another request.');
      }
      if (existing.status === null) {
        if (await records.reclaim(existing.id, new Date(Date.now() - ABANDONED_AFTER_MS), id)) {
          request.idempotencyRecordId = id;
          return;
        }
        throw new ApiError('idempotency-key-in-use', 'The first request with this key is still running.', {}, { 'retry-after': '1' });
      }
      const headers = (existing.headers ?? {}) as Record<string, string>;
      return reply
        .code(existing.status)
        .headers({ ...headers, 'idempotent-replayed': 'true' })
        .send(existing.body ?? undefined);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const id = request.idempotencyRecordId;
      if (!id) return payload;
      request.idempotencyRecordId = null;
      if (reply.statusCode >= 500) {
        await records.release(id);
        return payload;
      }
      const headers = Object.fromEntries(
        REPLAYED_HEADERS.flatMap((name) => {
          const value = reply.getHeader(name);
          return value === undefined ? [] : [[name, String(value)]];
        }),
      );
      await records.complete(id, reply.statusCode, headers, typeof payload === 'string' ? redactSecrets(payload) : null);
      return payload;
    });
  },
  { name: 'idempotency' },
);

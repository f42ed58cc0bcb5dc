import { createHash, type Hash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { uuidv7 } from 'uuidv7';
import { ApiError } from '../errors.js';
import type { IdempotencyRepository } from '../repositories/idempotency-repository.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The idempotency record this request claimed, completed when the answer is sent. */
    idempotencyRecordId: string | null;
    /** The hash of a streamed body, known once the handler has read it to its end. */
    idempotencyBodyDigest: StreamedBodyDigest | null;
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
 * requestHash of a body that arrives as a stream (NDJSON jobs, never held whole): the same bytes,
 * hashed as they pass to the handler; `value` is set once the body was read to its end.
 */
class StreamedBodyDigest {
  private readonly hash: Hash;
  value: string | null = null;

  constructor(method: string, url: string) {
    this.hash = createHash('sha256').update(`${method} ${url}\n`);
  }

  /** The body as the handler reads it, hashed on the way. */
  passThrough(body: Readable): Readable {
    const hashed = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.hash.update(chunk);
        done(null, chunk);
      },
      flush: (done) => {
        this.value = this.hash.digest('hex');
        done();
      },
    });
    body.on('error', (error) => hashed.destroy(error));
    return body.pipe(hashed);
  }

  /** Reads the body to its end for its hash alone (a retry that is answered from the record). */
  async of(body: Readable): Promise<string> {
    for await (const chunk of body) this.hash.update(chunk as Buffer);
    this.value = this.hash.digest('hex');
    return this.value;
  }
}

/**
 * The Idempotency-Key header on POSTs (IETF draft): the first answer is stored and replayed to
 * retries with the same key; the same key with another request is a 422; a retry while the first
 * is still running is a 409. Keys are per API key. Must be registered after authentication.
 */
export const idempotency = fp(
  async (app: FastifyInstance, options: { records: IdempotencyRepository }) => {
    const { records } = options;
    app.decorateRequest('idempotencyRecordId', null);
    app.decorateRequest('idempotencyBodyDigest', null);
    const sweep = () => void records.deleteOlderThan(new Date(Date.now() - IDEMPOTENCY_TTL_MS)).catch(() => {});
    let sweeper: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      sweep();
      sweeper = setInterval(sweep, SWEEP_EVERY_MS).unref();
    });
    app.addHook('onClose', async () => clearInterval(sweeper));

    // Callback hooks, not async ones: they run on every /v1 request, and all but a POST with an
    // Idempotency-Key have nothing to do; an async hook cost each a promise and a microtask turn.
    app.addHook('preHandler', (request, reply, done) => {
      const key = request.headers['idempotency-key'];
      if (request.method !== 'POST' || key === undefined || !request.principal) {
        done();
        return;
      }
      claimOrReplay(request, reply, key).then(() => done(), done);
    });

    /** The first request with this key claims it; a retry is answered from the record, or refused. */
    const claimOrReplay = async (request: FastifyRequest, reply: FastifyReply, key: string | string[]): Promise<unknown> => {
      if (!request.principal) return;
      if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
        throw new ApiError('validation-failed', 'Idempotency-Key must be 1 to 255 visible ASCII characters.');
      }
      const apiKeyId = request.principal.keyId;
      // A streamed body's hash is known only once it has been read: until the answer, the claim
      // holds a stand-in, and a retry is compared with the stored hash by reading its own body.
      const streamed = request.body instanceof Readable ? request.body : null;
      const digest = streamed ? new StreamedBodyDigest(request.method, request.url) : null;
      const hash = streamed ? null : requestHash(request.method, request.url, request.body);
      const id = uuidv7();
      const claimed = () => {
        request.idempotencyRecordId = id;
        if (streamed && digest) {
          request.idempotencyBodyDigest = digest;
          request.body = digest.passThrough(streamed);
        }
      };
      const claim = () =>
        records.claim({ id, apiKeyId, key, method: request.method, path: request.url.slice(0, 2000), requestHash: hash ?? `streamed ${id}` });
      const reused = () => new ApiError('idempotency-key-reused', 'This Idempotency-Key was first sent with another request.');
      if (await claim()) return claimed();
      let existing = await records.find(apiKeyId, key);
      if (existing && existing.createdAt.getTime() < Date.now() - IDEMPOTENCY_TTL_MS) {
        // Expired: forgotten, and this request is a first one again.
        await records.deleteOlderThan(new Date(Date.now() - IDEMPOTENCY_TTL_MS));
        if (await claim()) return claimed();
        existing = await records.find(apiKeyId, key);
      }
      if (!existing) throw new ApiError('idempotency-key-in-use', 'Retry this request.', {}, { 'retry-after': '1' });
      if (hash !== null && existing.requestHash !== hash) throw reused();
      if (existing.status === null) {
        if (await records.reclaim(existing.id, new Date(Date.now() - ABANDONED_AFTER_MS), id)) return claimed();
        throw new ApiError('idempotency-key-in-use', 'The first request with this key is still running.', {}, { 'retry-after': '1' });
      }
      if (streamed && digest && existing.requestHash !== (await digest.of(streamed))) throw reused();
      const headers = (existing.headers ?? {}) as Record<string, string>;
      return reply
        .code(existing.status)
        .headers({ ...headers, 'idempotent-replayed': 'true' })
        .send(existing.body ?? undefined);
    };

    app.addHook('onSend', (request, reply, payload, done) => {
      const id = request.idempotencyRecordId;
      if (!id) {
        done(null, payload);
        return;
      }
      request.idempotencyRecordId = null;
      record(request, reply, payload, id).then(() => done(null, payload), done);
    });

    /** Stores the first answer to replay it to retries, or forgets the claim. */
    const record = async (request: FastifyRequest, reply: FastifyReply, payload: unknown, id: string): Promise<void> => {
      const digest = request.idempotencyBodyDigest;
      // Failed on our side, or answered before its streamed body was read to the end (so its hash
      // is not known): forgotten, and a retry runs again.
      if (reply.statusCode >= 500 || (digest && digest.value === null)) {
        await records.release(id);
        return;
      }
      const headers = Object.fromEntries(
        REPLAYED_HEADERS.flatMap((name) => {
          const value = reply.getHeader(name);
          return value === undefined ? [] : [[name, String(value)]];
        }),
      );
      await records.complete(id, reply.statusCode, headers, typeof payload === 'string' ? redactSecrets(payload) : null, digest?.value ?? undefined);
    };
  },
  { name: 'idempotency' },
);

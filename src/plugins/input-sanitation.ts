import { Readable, Transform } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors.js';
import { findUnsafeText, unsafeTextReason, Utf8Checker } from '../lib/text-policy.js';

// The input text policy (src/lib/text-policy.ts) on every request: a body in another charset
// than UTF-8 is a 415; a body that is not valid UTF-8 is a 400 naming the byte; a string with NUL
// or an unpaired surrogate, in a JSON body, a text body, the query string or a path parameter, is
// a 400 naming the field. NDJSON bodies are checked as bytes here and line by line where their
// lines are read, so that one bad line fails alone.

const UTF8_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

const charsetOf = (contentType: string | undefined): string | undefined =>
  /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1]?.toLowerCase();

/** Throws a 400 naming the first string of the query, the path parameters or the body that breaks the policy. */
function checkRequestText(request: FastifyRequest): void {
  for (const [location, value] of [['querystring', request.query], ['params', request.params]] as const) {
    const found = findUnsafeText(value);
    if (found) throw new ApiError('validation-failed', `${location} ${found.pointer}: ${found.reason}`);
  }
  const body = request.body;
  // A body handed over as a stream (NDJSON jobs) is checked line by line where it is read.
  if (body instanceof Readable) return;
  if (typeof body === 'string') {
    if (/ndjson/i.test(request.headers['content-type'] ?? '')) return;
    const reason = unsafeTextReason(body);
    if (reason) throw new ApiError('validation-failed', `body: ${reason}`);
  } else if (typeof body === 'object' && body !== null) {
    const found = findUnsafeText(body);
    if (found) throw new ApiError('validation-failed', `body ${found.pointer}: ${found.reason}`);
  }
}

export const inputSanitation = fp(
  async (app: FastifyInstance) => {
    // Callback hooks: they run on every request and wait for nothing (an async hook costs a promise
    // and a microtask turn each); a thrown error is handled as a rejected async hook's is.
    app.addHook('onRequest', (request, _reply, done) => {
      const charset = charsetOf(request.headers['content-type']);
      if (charset !== undefined && !UTF8_CHARSETS.has(charset)) {
        throw new ApiError('unsupported-media-type', `charset=${charset} is not accepted: send the body as UTF-8.`);
      }
      done();
    });

    app.addHook('preParsing', (request, _reply, payload, done) => {
      // Reads (no body) skip the byte check: it costs them nothing.
      if (request.headers['content-length'] === undefined && request.headers['transfer-encoding'] === undefined) {
        done(null, payload);
        return;
      }
      const checker = new Utf8Checker();
      const fail = (offset: number) => new ApiError('malformed-body', `The body is not valid UTF-8 (at byte ${offset}).`);
      const checked = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          const bad = checker.push(chunk);
          done(bad === -1 ? null : fail(bad), bad === -1 ? chunk : undefined);
        },
        flush(done) {
          const bad = checker.end();
          done(bad === -1 ? null : fail(bad));
        },
      });
      payload.on('error', (error) => checked.destroy(error));
      done(null, payload.pipe(checked));
    });

    app.addHook('preValidation', (request, _reply, done) => {
      checkRequestText(request);
      done();
    });
  },
  { name: 'input-sanitation' },
);

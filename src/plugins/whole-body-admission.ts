import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../errors.js';

// Large bodies that are read and parsed whole (the JSON form of imports, batches: up to 16 MiB
// each, several times that once parsed) are admitted a few at a time per process, so that
// concurrent uploads cannot exhaust the heap. The rest wait briefly for a turn, then get a 503
// with Retry-After. Memory is the process's, so the bound is too: one count for every route using
// it. Small bodies (most batches) pass without a turn.

/** Whole-body parses at once: each may take ~50-100 MB of heap at its largest (256 MB in all). */
export const WHOLE_BODY_PARSES = 2;
/** How long a request waits for its turn before the 503. */
const WAIT_MS = 2_000;
/** Bodies up to this declared size need no turn (a body of unknown length needs one). */
const SMALL_BODY_BYTES = 1024 * 1024;

let running = 0;
const waiting: (() => void)[] = [];

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/** A turn, or false when none came within `waitMs`. A turn that is handed over keeps `running` as is. */
function acquire(waitMs: number): Promise<boolean> {
  if (running < WHOLE_BODY_PARSES) {
    running++;
    return Promise.resolve(true);
  }
  return new Promise((resolve) => {
    const turn = () => {
      clearTimeout(timer);
      resolve(true);
    };
    const timer = setTimeout(() => {
      waiting.splice(waiting.indexOf(turn), 1);
      resolve(false);
    }, waitMs);
    waiting.push(turn);
  });
}

/**
 * An onRequest hook (before the body is read) that admits the large bodies of the requests
 * `isWhole` picks by turns: a turn ends when the answer is sent or the connection closes.
 */
export function admitWholeBodies(isWhole: (request: FastifyRequest) => boolean, hint = '') {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const length = request.headers['content-length'];
    if (!isWhole(request) || (length !== undefined && Number(length) <= SMALL_BODY_BYTES)) return;
    if (!(await acquire(WAIT_MS))) {
      throw new ApiError(
        'service-unavailable',
        `Other large bodies are being read: at most ${WHOLE_BODY_PARSES} are parsed at once. Retry shortly.${hint ? ` ${hint}` : ''}`,
        {},
        { 'retry-after': '2' },
      );
    }
    let released = false;
    const done = () => {
      if (released) return;
      released = true;
      release();
    };
    reply.raw.once('close', done);
    reply.raw.once('finish', done);
    // A client that left while it waited: no close is coming.
    if (request.raw.socket?.destroyed) done();
  };
}

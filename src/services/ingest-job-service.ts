// Queued ingest jobs: an NDJSON import is stored as a job with one item per line. The lines are
// stored as they arrive, in bounded batches, under a job that is `receiving` (invisible to workers
// and clients); once the whole body is in, one transaction queues the job with its queue messages
// (chunks of items). A body that is refused or cut off leaves nothing. Workers ingest the items;
// each item leaves `pending` once, in the same transaction that stores its article, so a worker
// that dies between two steps never loses or double-counts an item: the chunk is retried by
// another worker and skips what is already settled.

import { uuidv7 } from 'uuidv7';
import { ApiError, problemCatalogue, problemType, type ProblemCode } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { ChunkMessage, IngestQueue } from '../queue/ingest-queue.js';
import type { IngestJobCounts, IngestJobRepository, NewIngestJobItem } from '../repositories/ingest-job-repository.js';
import type { Store } from '../repositories/store.js';
import type { IngestJob, IngestJobItemPage, IngestJobProblem } from '../schemas/ingest-jobs.js';
import { isDatabaseUnavailable } from '../plugins/database-errors.js';
import { isWriteConflict } from '../repositories/write-conflicts.js';
import { unsafeTextReason } from '../lib/text-policy.js';
import { lineProblem, ndjsonLines, parseArticleLine } from './ndjson-lines.js';
import type { IncomingLine } from './ndjson-stream.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { IngestService } from './ingest-service.js';

/** Most articles one job may hold. */
export const INGEST_JOB_MAX_ITEMS = 10_000;
/** Largest job body in bytes. */
export const INGEST_JOB_BODY_LIMIT = 64 * 1024 * 1024;
/** Items per queue message: a worker takes one chunk at a time. */
export const INGEST_JOB_CHUNK_SIZE = 50;
/** Failed items listed in the job resource; the rest are in its items list. */
export const INGEST_JOB_ERRORS_SHOWN = 100;
/** Longest line of a job in bytes: an article (50,000 characters of body) is far shorter. */
export const INGEST_JOB_LINE_LIMIT = 1024 * 1024;
// Lines stored per statement while a body is read: what an upload holds at most, besides its line.
const RECEIVE_BATCH_ITEMS = 100;
const RECEIVE_BATCH_CHARS = 256 * 1024;
// A receiving job this old belonged to a process that died while reading it (an upload that is
// still running is never this old: see UPLOAD_TIME_LIMIT_MS).
const ABANDONED_UPLOAD_MS = 60 * 60 * 1000;
/** Longest an upload may take to arrive. */
export const UPLOAD_TIME_LIMIT_MS = 15 * 60 * 1000;

export interface WorkerLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}


function problem(code: ProblemCode, detail?: string, extensions: Record<string, unknown> = {}): IngestJobProblem {
  const { status, title } = problemCatalogue[code];
  return { type: problemType(code), title, status, ...(detail === undefined ? {} : { detail }), ...extensions };
}

/** Thrown inside an article's transaction when another worker settled the item first: rolls it back. */
class AlreadySettled extends Error {}

export interface IngestJobServiceOptions {
  /**
   * Without a queue (the embedded database), ingest jobs in this process, one item at a time in
   * the background, instead of refusing them with 503. Call `resumeInProcess()` at start (jobs
   * a previous run left unfinished) and `stopInProcess()` before closing the database.
   */
  inProcess?: boolean;
  log?: WorkerLogger;
}

export class IngestJobService {
  private readonly local = { running: null as Promise<void> | null, again: false, stopping: false };

  constructor(
    private readonly store: Store,
    private readonly ingest: IngestService,
    /** Null on the embedded database: no pg-boss; see `options.inProcess`. */
    private readonly queue: IngestQueue | null,
    private readonly options: IngestJobServiceOptions = {},
  ) {}

  private get jobs(): IngestJobRepository {
    return this.store.repositories.ingestJobs;
  }

  /**
   * Stores the job's lines as they arrive (an NDJSON string is taken too), then queues the job
   * with its queue messages in one transaction; answers the job. Each line is checked by the
   * text policy on arrival: one that breaks it fails alone, at once. A body with no article, more
   * than INGEST_JOB_MAX_ITEMS, or that stops with an error leaves no job behind.
   */
  async create(lines: string | Iterable<IncomingLine> | AsyncIterable<IncomingLine>, createdBy: string): Promise<IngestJob> {
    const queue = this.queue;
    const inProcess = !queue && this.options.inProcess === true;
    if (!queue && !inProcess) {
      throw new ApiError(
        'service-unavailable',
        'The ingest queue needs Postgres (DATABASE_URL); on the embedded database use POST /v1/articles:batch.',
      );
    }
    // pg-boss creates its schema on first use; that must not happen inside our transaction.
    await queue?.start();
    const jobs = this.jobs;
    await jobs.deleteAbandonedUploads(new Date(Date.now() - ABANDONED_UPLOAD_MS));
    const id = uuidv7();
    await jobs.createReceiving({ id, createdBy });
    let total = 0;
    try {
      let batch: NewIngestJobItem[] = [];
      let batchChars = 0;
      // Checked before every write, so a slow upload never writes to a job the sweep took.
      const deadline = Date.now() + UPLOAD_TIME_LIMIT_MS;
      const save = async (items: NewIngestJobItem[]) => {
        if (Date.now() > deadline) {
          throw new ApiError('bad-request', `The body took longer than ${UPLOAD_TIME_LIMIT_MS / 60_000} minutes to arrive: send smaller jobs.`);
        }
        await jobs.addItems(id, items);
      };
      for await (const incoming of typeof lines === 'string' ? ndjsonLines(lines) : lines) {
        if (total === INGEST_JOB_MAX_ITEMS) {
          throw new ApiError('payload-too-large', `The job holds more than ${INGEST_JOB_MAX_ITEMS} articles; at most ${INGEST_JOB_MAX_ITEMS} go in one job. Split it.`);
        }
        const item = itemOf(total++, incoming);
        batch.push(item);
        batchChars += item.payload.length;
        if (batch.length >= RECEIVE_BATCH_ITEMS || batchChars >= RECEIVE_BATCH_CHARS) {
          await save(batch);
          batch = [];
          batchChars = 0;
        }
      }
      await save(batch);
      if (total === 0) throw new ApiError('empty-body', 'The job holds no articles: send one JSON article per line.');
      const messages: ChunkMessage[] = [];
      for (let from = 0; from < total; from += INGEST_JOB_CHUNK_SIZE) {
        messages.push({ jobId: id, from, to: Math.min(from + INGEST_JOB_CHUNK_SIZE, total) });
      }
      await this.store.transaction(async (repos) => {
        if (!(await repos.ingestJobs.finishReceiving(id, total))) {
          throw new ApiError('bad-request', 'The job was dropped while its body arrived: send it again.');
        }
        await queue?.enqueue(messages, repos.ingestJobs.queueSql());
      });
    } catch (error) {
      // Nothing of a refused body stays; should the database be gone, the sweep above takes it later.
      await jobs.deleteReceiving(id).catch(() => {});
      throw error;
    }
    if (inProcess) this.resumeInProcess();
    return this.get(id);
  }

  /**
   * In-process mode: ingests the pending items of every unfinished job in the background, oldest
   * job first; returns at once. Several calls while it runs make it look again when done.
   */
  resumeInProcess(): void {
    const local = this.local;
    if (this.queue || !this.options.inProcess || local.stopping) return;
    if (local.running) {
      local.again = true;
      return;
    }
    local.running = (async () => {
      do {
        local.again = false;
        for (const job of await this.jobs.unfinishedJobs(100)) {
          for (let from = 0; from < job.total && !local.stopping; from += INGEST_JOB_CHUNK_SIZE) {
            const chunk = { jobId: job.id, from, to: Math.min(from + INGEST_JOB_CHUNK_SIZE, job.total) };
            await this.processChunk(chunk, { shouldStop: () => local.stopping, ...(this.options.log ? { log: this.options.log } : {}) });
          }
          if (local.stopping) return;
        }
      } while (local.again && !local.stopping);
    })()
      .catch((error: unknown) => this.options.log?.error({ err: error }, 'in-process ingest jobs stopped; they resume at the next start'))
      .finally(() => {
        local.running = null;
      });
  }

  /** In-process mode: stops after the item in hand (the rest waits for the next start). */
  async stopInProcess(): Promise<void> {
    this.local.stopping = true;
    await this.local.running;
  }

  /** The job with its counts and its first failed items. */
  async get(id: string): Promise<IngestJob> {
    const jobs = this.jobs;
    const row = await jobs.findById(id);
    if (!row || row.state === 'receiving') throw new ApiError('not-found', `No ingest job with id ${id}`);
    const counts: IngestJobCounts =
      row.state === 'done'
        ? { pending: 0, created: row.created, existing: row.existing, failed: row.failed }
        : await jobs.counts(id);
    const failed = counts.failed === 0 ? [] : await jobs.failedItems(id, INGEST_JOB_ERRORS_SHOWN);
    return {
      id: row.id,
      state: row.state,
      counts: { total: row.total, ...counts },
      createdBy: row.createdBy,
      createdAt: row.createdAt.toISOString(),
      startedAt: row.startedAt?.toISOString() ?? null,
      finishedAt: row.finishedAt?.toISOString() ?? null,
      errors: failed.map((item) => ({
        index: item.index,
        line: item.line,
        problem: item.problem as unknown as IngestJobProblem,
      })),
      errorsTruncated: counts.failed > failed.length,
    };
  }

  /** A page of the job's items in line order, optionally of one status. */
  async items(
    id: string,
    query: { limit: number; cursor?: string | undefined; status?: 'pending' | 'created' | 'existing' | 'failed' | undefined },
  ): Promise<IngestJobItemPage> {
    const after = query.cursor === undefined ? -1 : decodeIndexCursor(query.cursor);
    const rows = await this.jobs.items(id, query.limit + 1, after, query.status);
    if (!rows) throw new ApiError('not-found', `No ingest job with id ${id}`);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => ({
        index: row.index,
        line: row.line,
        status: row.status,
        articleId: row.articleId,
        problem: (row.problem as unknown as IngestJobProblem | null) ?? null,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ index: last.index }) : null,
    };
  }

  /** Items waiting to be ingested, over all jobs (the queue-depth gauge). */
  queueDepth(): Promise<number> {
    return this.jobs.countPendingItems();
  }

  /**
   * Ingests the still pending items of one chunk, in order. `shouldStop` is asked before each
   * item: when it says stop, the rest of the chunk is queued again for any worker and this returns.
   * Errors that are not about the article (the database went away) are thrown: the queue retries
   * the chunk, which skips what was settled.
   */
  async processChunk(
    message: ChunkMessage,
    options: { shouldStop?: () => boolean; log?: WorkerLogger } = {},
  ): Promise<{ settled: number; handedBack: boolean }> {
    const jobs = this.jobs;
    const pending = await jobs.pendingItems(message.jobId, message.from, message.to);
    let settled = 0;
    if (pending.length > 0) await jobs.markRunning(message.jobId);
    for (const item of pending) {
      if (options.shouldStop?.()) {
        await this.queue?.enqueue([{ jobId: message.jobId, from: item.index, to: message.to }]);
        return { settled, handedBack: true };
      }
      if (await this.processItem(message.jobId, item, options.log)) settled++;
    }
    if (await jobs.finishIfComplete(message.jobId)) {
      options.log?.info({ jobId: message.jobId }, 'ingest job done');
    }
    return { settled, handedBack: false };
  }

  /**
   * Gives up on a chunk the queue retried too often: its pending items fail with an internal
   * error, so the job still ends.
   */
  async abandonChunk(message: ChunkMessage): Promise<void> {
    const jobs = this.jobs;
    for (const item of await jobs.pendingItems(message.jobId, message.from, message.to)) {
      await jobs.settle(message.jobId, item.index, {
        status: 'failed',
        problem: problem('internal-error', 'The article could not be ingested after repeated attempts.') as Prisma.InputJsonValue,
      });
    }
    await jobs.finishIfComplete(message.jobId);
  }

  /** Settles one item; false when another worker had settled it already. */
  private async processItem(
    jobId: string,
    item: { index: number; line: number; payload: string },
    log?: WorkerLogger,
  ): Promise<boolean> {
    const jobs = this.jobs;
    const fail = (itemProblem: IngestJobProblem) =>
      jobs.settle(jobId, item.index, { status: 'failed', problem: itemProblem as Prisma.InputJsonValue });
    const parsed = parseArticleLine(item.payload);
    if ('problem' in parsed) return fail(parsed.problem);
    try {
      const result = await this.ingest.ingest({ format: 'json', article: parsed.article }, async (repos, articleId) => {
        const mine = await repos.ingestJobs.settle(jobId, item.index, { status: 'created', articleId });
        if (!mine) throw new AlreadySettled();
      });
      if (result.created) return true;
      return await jobs.settle(jobId, item.index, { status: 'existing', articleId: result.article.id });
    } catch (error) {
      if (error instanceof AlreadySettled) return false;
      if (error instanceof ApiError) return fail(problem(error.code, error.detail, error.extensions));
      // The database going away is nobody's line's fault: the chunk is retried and skips what is settled.
      if (isDatabaseUnavailable(error) || isWriteConflict(error)) {
        log?.error({ err: error, jobId, index: item.index }, 'ingest job item failed; the chunk will be retried');
        throw error;
      }
      // Anything else fails this line alone: retrying the chunk would fail it again and sink its neighbours.
      log?.error({ err: error, jobId, index: item.index }, 'ingest job item failed');
      return fail(problem('internal-error', 'This line could not be ingested; the others were not affected.'));
    }
  }
}

/** A line as the job stores it: pending with its text, or failed at once when the text policy refuses it. */
function itemOf(index: number, incoming: IncomingLine): NewIngestJobItem {
  if ('problem' in incoming) return { index, line: incoming.line, payload: '', problem: incoming.problem as Prisma.InputJsonValue };
  // Postgres cannot store a NUL, and the worker would refuse the line anyway: it fails here, alone.
  const unsafe = unsafeTextReason(incoming.text);
  if (unsafe) {
    const problem = lineProblem('validation-failed', `line ${incoming.line}: ${unsafe}`, { errors: [{ location: 'body', pointer: '/', message: unsafe }] });
    return { index, line: incoming.line, payload: '', problem: problem as Prisma.InputJsonValue };
  }
  return { index, line: incoming.line, payload: incoming.text };
}

function decodeIndexCursor(cursor: string): number {
  const { index } = decodeCursor(cursor, { index: 'int' });
  if (index < 0) throw new ApiError('invalid-cursor', 'The cursor was not made by this list; start again without it.');
  return index;
}

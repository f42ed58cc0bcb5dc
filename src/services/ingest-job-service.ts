// Queued ingest jobs: an NDJSON import is stored as a job with one item per line, in one
// transaction together with its queue messages (chunks of items). Workers ingest the items; each
// item leaves `pending` once, in the same transaction that stores its article, so a worker that
// dies between two steps never loses or double-counts an item: the chunk is retried by another
// worker and skips what is already settled.

import { uuidv7 } from 'uuidv7';
import { ApiError, problemCatalogue, problemType, type ProblemCode } from '../errors.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { ChunkMessage, IngestQueue } from '../queue/ingest-queue.js';
import type { IngestJobCounts, IngestJobRepository } from '../repositories/ingest-job-repository.js';
import type { Store } from '../repositories/store.js';
import type { IngestJob, IngestJobItemPage, IngestJobProblem } from '../schemas/ingest-jobs.js';
import { isDatabaseUnavailable } from '../plugins/database-errors.js';
import { isWriteConflict } from '../repositories/write-conflicts.js';
import { ndjsonLines, parseArticleLine } from './ndjson-lines.js';
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

  /** Stores the job, its items and its queue messages in one transaction; answers the job. */
  async create(body: string, createdBy: string): Promise<IngestJob> {
    const queue = this.queue;
    const inProcess = !queue && this.options.inProcess === true;
    if (!queue && !inProcess) {
      throw new ApiError(
        'service-unavailable',
        'The ingest queue needs Postgres (DATABASE_URL); on the embedded database use POST /v1/articles:batch.',
      );
    }
    const lines = ndjsonLines(body);
    if (lines.length === 0) throw new ApiError('empty-body', 'The job holds no articles: send one JSON article per line.');
    if (lines.length > INGEST_JOB_MAX_ITEMS) {
      throw new ApiError(
        'payload-too-large',
        `The job holds ${lines.length} articles; at most ${INGEST_JOB_MAX_ITEMS} go in one job. Split it.`,
      );
    }
    // pg-boss creates its schema on first use; that must not happen inside our transaction.
    await queue?.start();
    const id = uuidv7();
    const messages: ChunkMessage[] = [];
    for (let from = 0; from < lines.length; from += INGEST_JOB_CHUNK_SIZE) {
      messages.push({ jobId: id, from, to: Math.min(from + INGEST_JOB_CHUNK_SIZE, lines.length) });
    }
    await this.store.transaction(async (repos) => {
      const jobs = repos.ingestJobs;
      await jobs.create(
        { id, total: lines.length, createdBy },
        lines.map(({ line, text }, index) => ({ index, line, payload: text })),
      );
      await queue?.enqueue(messages, jobs.queueSql());
    });
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
    if (!row) throw new ApiError('not-found', `No ingest job with id ${id}`);
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
    const jobs = this.jobs;
    if (!(await jobs.findById(id))) throw new ApiError('not-found', `No ingest job with id ${id}`);
    const after = query.cursor === undefined ? -1 : decodeIndexCursor(query.cursor);
    const rows = await jobs.items(id, query.limit + 1, after, query.status);
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

function decodeIndexCursor(cursor: string): number {
  const { index } = decodeCursor(cursor, { index: 'int' });
  if (index < 0) throw new ApiError('invalid-cursor', 'The cursor was not made by this list; start again without it.');
  return index;
}

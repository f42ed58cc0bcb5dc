// Batch ingest: NDJSON, one JSON article per line, each ingested on its own (one transaction per
// article) so one bad line never sinks the batch. Results come back in line order.

import { ApiError, type ProblemCode } from '../errors.js';
import { isDatabaseUnavailable } from '../plugins/database-errors.js';
import type { IngestService } from './ingest-service.js';
import { lineProblem, parseArticleLine } from './ndjson-lines.js';

/** Most articles one batch may hold; bigger imports go in several batches. */
export const BATCH_MAX_ITEMS = 1000;
/** Largest batch body in bytes. */
export const BATCH_BODY_LIMIT = 16 * 1024 * 1024;
/** Articles of one batch ingested at the same time. */
const BATCH_CONCURRENCY = 4;

export interface BatchProblem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { location: string; pointer: string; message: string }[];
  existingId?: string;
}

export interface BatchItemResult {
  /** 0-based position of the article among the batch's non-blank lines. */
  index: number;
  /** 1-based line number in the request body. */
  line: number;
  status: 'created' | 'existing' | 'failed';
  id?: string;
  problem?: BatchProblem;
}

export interface BatchResult {
  counts: { created: number; existing: number; failed: number };
  items: BatchItemResult[];
}

const problem = (code: ProblemCode, detail?: string, extensions: Partial<BatchProblem> = {}): BatchProblem =>
  lineProblem(code, detail, extensions) as BatchProblem;

/** Thrown when the database goes away during a batch: the batch as a whole is a 503. */
class DatabaseWentAway extends Error {}

export interface BatchLogger {
  error(object: object, message: string): void;
}

export class BatchService {
  constructor(private readonly ingest: IngestService) {}

  /**
   * Ingests every line (of an NDJSON body, ndjsonLines, or of the JSON form, linesOfArticles);
   * throws only for the batch as a whole (empty, too many lines).
   */
  async run(lines: readonly { line: number; text: string }[], log?: BatchLogger): Promise<BatchResult> {
    if (lines.length === 0) throw new ApiError('empty-body', 'The batch holds no articles: send one JSON article per line.');
    if (lines.length > BATCH_MAX_ITEMS) {
      throw new ApiError(
        'payload-too-large',
        `The batch holds ${lines.length} articles; at most ${BATCH_MAX_ITEMS} go in one batch. Split it.`,
      );
    }
    const items = new Array<BatchItemResult>(lines.length);
    // Lines run concurrently, except that lines naming the same article (same source and external
    // id, or the same text) run in file order: the first one stores it, as if sent one by one.
    const lastWithKey = new Map<string, Promise<unknown>>();
    let next = 0;
    let outage = false;
    const worker = async () => {
      while (next < lines.length && !outage) {
        const index = next++;
        const { line, text } = lines[index]!;
        try {
          items[index] = { index, line, ...(await this.item(text, lastWithKey, log)) };
        } catch (error) {
          if (!(error instanceof DatabaseWentAway)) throw error;
          outage = true;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, lines.length) }, worker));
    // Not the lines' fault: the whole batch is to be sent again (the lines stored so far answer
    // `existing` then), not answered 200 with a wall of internal errors.
    if (outage) {
      throw new ApiError('service-unavailable', 'The database became unreachable during the batch; send it again shortly.', {}, { 'retry-after': '5' });
    }
    const counts = { created: 0, existing: 0, failed: 0 };
    for (const item of items) {
      if (item.status === 'created') counts.created++;
      else if (item.status === 'existing') counts.existing++;
      else counts.failed++;
    }
    return { counts, items };
  }

  private async item(
    text: string,
    lastWithKey: Map<string, Promise<unknown>>,
    log?: BatchLogger,
  ): Promise<Omit<BatchItemResult, 'index' | 'line'>> {
    const parsed = parseArticleLine(text);
    if ('problem' in parsed) return { status: 'failed', problem: parsed.problem as BatchProblem };
    const value = parsed.article;
    const keys = [`text\u0000${value.headline}\u0000${value.body}`];
    if (value.source !== undefined && value.externalId !== undefined) keys.push(`id\u0000${value.source}\u0000${value.externalId}`);
    const earlier = keys.flatMap((key) => lastWithKey.get(key) ?? []);
    const ingested = Promise.allSettled(earlier).then(() => this.ingest.ingest({ format: 'json', article: value }));
    for (const key of keys) lastWithKey.set(key, ingested.catch(() => undefined));
    try {
      const { article, created } = await ingested;
      return { status: created ? 'created' : 'existing', id: article.id };
    } catch (error) {
      if (error instanceof ApiError) {
        return { status: 'failed', problem: problem(error.code, error.detail, error.extensions as Partial<BatchProblem>) };
      }
      if (isDatabaseUnavailable(error)) throw new DatabaseWentAway();
      // Internals stay in the log, as for a single post.
      log?.error({ err: error }, 'batch item failed');
      return { status: 'failed', problem: problem('internal-error', 'Something went wrong on our side.') };
    }
  }
}

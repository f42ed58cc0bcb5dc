import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ApiError } from '../errors.js';
import type { AnnotateOptions } from '../pipeline/annotate.js';
import type { ArticleAnnotation } from '../pipeline/types.js';
import { letThreadLimitsHold, siblingModule, threadExecArgv } from '../lib/threads.js';
import { metrics } from '../lib/metrics.js';
import type { AnnotateTask, AnnotateTaskResult } from './annotate-worker.js';

// Annotation is the CPU-heavy part of an ingest (a few ms per wire story, more for long texts).
// On the event loop it would hold up every read while a burst of ingests runs, and cap ingest at
// one core; on worker threads it runs beside the request handling and Postgres. The gazetteers
// then live in the worker threads only. One pool per process, created on first use; idle threads
// do not keep the process alive.

let pool: Piscina | undefined;

// One fewer than the cores, at most 2: each thread holds its own tagger model and gazetteers
// (30-35 MB RSS more at peak per thread: 236, 265, 306 MB under a 10-writer burst with 1, 2, 3),
// and one thread already annotates ~160 articles/s at ~6 ms each. ANNOTATOR_THREADS overrides.
let threads = Math.max(1, Math.min(2, availableParallelism() - 1));

/**
 * Sets how many threads annotate (ANNOTATOR_THREADS; takes effect when the pool starts) and how
 * long one article may run on its thread (tests shorten it).
 */
export function configureAnnotator(options: { threads?: number | undefined; budgetMs?: number | undefined }): void {
  if (options.threads !== undefined) threads = options.threads;
  if (options.budgetMs !== undefined) budgetMs = options.budgetMs;
}

function annotatorPool(): Piscina {
  if (!pool) {
    letThreadLimitsHold();
    pool = new Piscina({
      filename: siblingModule(import.meta.url, 'annotate-worker'),
      minThreads: 1,
      maxThreads: threads,
      execArgv: threadExecArgv(),
      // The young generation is sized to an article's working set: at 8 MB an article's live
      // objects were copied and promoted mid-article (a scavenge every ~3 articles, 4.5 ms each,
      // and a full collection every 0.6 s during an ingest burst); 16 MB took 1-2 ms of CPU off
      // each ingested article for 10-20 MB more peak RSS (docs/benchmarks.md); 24 measured no
      // better. The old generation holds the tagger's model and gazetteers (about 25 MB used,
      // 35 MB after the largest texts): past 128 MB an article is refused, not the process ended.
      resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
    });
  }
  return pool;
}

/**
 * How long one article may run on its thread. The limits on the text keep real articles far below
 * it; past it the thread is ended (a fresh one takes its place) and the article is refused, so no
 * input can hold a thread, and the clients waiting for it, for long. The wait for a free thread
 * does not count: under a burst (a 2,000-line ingest job beside other load) articles queued
 * behind others were refused as too long to annotate, which blamed the article for the load.
 */
export const ANNOTATE_BUDGET_MS = 10_000;
let budgetMs = ANNOTATE_BUDGET_MS;

/** Annotates on a worker thread; records the pipeline time. A 422 when the article is past the limits. */
export async function annotateOffThread(text: string, options: AnnotateOptions): Promise<ArticleAnnotation> {
  // The thread says when it starts on the article; the budget runs from then.
  const { port1: startedHere, port2: started } = new MessageChannel();
  const controller = new AbortController();
  let budget: NodeJS.Timeout | undefined;
  startedHere.once('message', () => {
    budget = setTimeout(() => controller.abort(), budgetMs);
  });
  const task: AnnotateTask = { text, options, started };
  let result: AnnotateTaskResult;
  try {
    result = (await annotatorPool().run(task, { signal: controller.signal, transferList: [started] })) as AnnotateTaskResult;
  } catch (error) {
    const { name, code } = error as { name?: string; code?: string };
    if (name === 'AbortError') {
      throw new ApiError('unprocessable-content', `The article could not be annotated within ${budgetMs / 1000} s; split it.`);
    }
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new ApiError('unprocessable-content', 'Annotating the article needed more memory than one article may use; split it.');
    }
    throw error;
  } finally {
    clearTimeout(budget);
    startedHere.close();
  }
  if ('tooMany' in result) {
    const { what, count, limit } = result.tooMany;
    throw new ApiError('unprocessable-content', `The article has ${count} ${what}; at most ${limit} are stored per article. Split it.`);
  }
  metrics.observePipelineMs(result.pipelineMs);
  return result.annotation;
}

import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { AnnotateOptions } from '../pipeline/annotate.js';
import type { ArticleAnnotation } from '../pipeline/types.js';
import { siblingModule, threadExecArgv } from '../lib/threads.js';
import { metrics } from '../lib/metrics.js';
import type { AnnotateTask, AnnotateTaskResult } from './annotate-worker.js';

// Annotation is the CPU-heavy part of an ingest (a few ms per wire story, more for long texts).
// On the event loop it would hold up every read while a burst of ingests runs, and cap ingest at
// one core; on worker threads it runs beside the request handling and Postgres. The gazetteers
// then live in the worker threads only. One pool per process, created on first use; idle threads
// do not keep the process alive.

let pool: Piscina | undefined;
let threads = Math.max(1, availableParallelism() - 1);

/** Sets how many threads annotate (ANNOTATOR_THREADS); takes effect when the pool starts. */
export function configureAnnotator(options: { threads?: number | undefined }): void {
  if (options.threads !== undefined) threads = options.threads;
}

function annotatorPool(): Piscina {
  if (!pool) {
    pool = new Piscina({
      filename: siblingModule(import.meta.url, 'annotate-worker'),
      minThreads: 1,
      maxThreads: threads,
      execArgv: threadExecArgv(),
      // Annotation garbage dies young, so a small young generation costs little and keeps each
      // thread's memory down (the service's RSS target is 300 MB, docs/benchmarks.md).
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
  }
  return pool;
}

/** Annotates on a worker thread; records the pipeline time. */
export async function annotateOffThread(text: string, options: AnnotateOptions): Promise<ArticleAnnotation> {
  const task: AnnotateTask = { text, options };
  const { annotation, pipelineMs } = (await annotatorPool().run(task)) as AnnotateTaskResult;
  metrics.observePipelineMs(pipelineMs);
  return annotation;
}

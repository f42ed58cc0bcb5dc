// The body of an annotator thread (src/services/annotator.ts): the pipeline, loaded once per thread.
import type { MessagePort } from 'node:worker_threads';
import { annotate, type AnnotateOptions } from '../pipeline/annotate.js';
import type { ArticleAnnotation } from '../pipeline/types.js';

export interface AnnotateTask {
  text: string;
  options: AnnotateOptions;
  /** Told when the thread starts on the article: the time budget runs from then (annotator.ts). */
  started?: MessagePort;
}

/** Most annotations one article may get; an article past them is refused (a 422), not stored. */
export const ANNOTATION_LIMITS = { paragraphs: 1_000, quotes: 1_000, mentions: 10_000 } as const;

export type AnnotateTaskResult =
  | {
      annotation: ArticleAnnotation;
      /** Time in the pipeline itself, without the wait for a free thread. */
      pipelineMs: number;
    }
  | { tooMany: { what: keyof typeof ANNOTATION_LIMITS; count: number; limit: number } };

export default function annotateTask({ text, options, started }: AnnotateTask): AnnotateTaskResult {
  started?.postMessage(0);
  started?.close();
  const start = performance.now();
  const annotation = annotate(text, options);
  // Checked here, so that an oversized annotation never crosses to the event loop's heap.
  for (const what of ['paragraphs', 'quotes', 'mentions'] as const) {
    const count = annotation[what].length;
    if (count > ANNOTATION_LIMITS[what]) return { tooMany: { what, count, limit: ANNOTATION_LIMITS[what] } };
  }
  return { annotation, pipelineMs: performance.now() - start };
}

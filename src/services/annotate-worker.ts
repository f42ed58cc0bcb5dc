// The body of an annotator thread (src/services/annotator.ts): the pipeline, loaded once per thread.
import { annotate, type AnnotateOptions } from '../pipeline/annotate.js';
import type { ArticleAnnotation } from '../pipeline/types.js';

export interface AnnotateTask {
  text: string;
  options: AnnotateOptions;
}

export interface AnnotateTaskResult {
  annotation: ArticleAnnotation;
  /** Time in the pipeline itself, without the wait for a free thread. */
  pipelineMs: number;
}

export default function annotateTask({ text, options }: AnnotateTask): AnnotateTaskResult {
  const start = performance.now();
  const annotation = annotate(text, options);
  return { annotation, pipelineMs: performance.now() - start };
}

// The body of a format-reader thread (src/services/format-reader.ts): HTML and ninjs bodies are
// parsed and their article extracted here, never on the event loop. A problem with the body comes
// back as data (an ApiError does not survive the trip between threads).
import { ApiError, type ProblemCode } from '../errors.js';
import { HTML_MEDIA_TYPE, ingestInputFor } from '../formats/index.js';
import type { IngestInput } from './ingest-service.js';

export interface FormatTask {
  contentType: string | undefined;
  body: unknown;
  /** Load the DOM code and read nothing (a new thread, before its first page). */
  warm?: boolean;
}

export type FormatTaskResult =
  | { input: IngestInput | null }
  | { problem: { code: ProblemCode; detail: string | undefined; extensions: Record<string, unknown> } };

const WARM_PAGE = `<!doctype html><html lang="en"><head><title>Warm</title></head><body><nav><a href="/">Home</a></nav><article><h1>The DOM code is loaded</h1>${'<p>A paragraph of a page, long enough for the reader to take it as the article\'s text, said a thread.</p>'.repeat(6)}</article></body></html>`;

export default function readFormat({ contentType, body, warm }: FormatTask): FormatTaskResult {
  if (warm) {
    // The whole HTML path once (DOM parsing and Readability): a thread's first page would otherwise
    // pay for compiling that code, against its time budget, on a busy machine.
    ingestInputFor(HTML_MEDIA_TYPE, WARM_PAGE);
    return { input: null };
  }
  try {
    return { input: ingestInputFor(contentType, body) };
  } catch (error) {
    if (error instanceof ApiError) return { problem: { code: error.code, detail: error.detail, extensions: error.extensions } };
    // Markup too deep for the DOM code's recursion, say: the page cannot be read.
    if (error instanceof RangeError) return { problem: { code: 'unprocessable-content', detail: `The page could not be read: ${error.message}`, extensions: {} } };
    throw error;
  }
}

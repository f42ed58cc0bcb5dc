import { Piscina } from 'piscina';
import { ApiError } from '../errors.js';
import { HTML_MEDIA_TYPE, mediaTypeOf, NINJS_MEDIA_TYPE } from '../formats/index.js';
import { checkHtmlShape } from '../formats/html-shape.js';
import { letThreadLimitsHold, siblingModule, threadExecArgv } from '../lib/threads.js';
import type { FormatTask, FormatTaskResult } from './format-worker.js';
import type { IngestInput } from './ingest-service.js';

// HTML and ninjs bodies are untrusted markup: parsing them and finding the article (linkedom,
// Readability) costs far more than the page's size suggests. It runs on one thread of its own
// with a time and memory budget: the event loop keeps answering every other request, a page that
// takes longer than the budget has its thread terminated (the next page gets a fresh one), and
// SIGTERM works as usual. The thread goes away when idle, so a service that never gets HTML does
// not pay for it.

/** How long reading one page may take, from the moment it is handed over. */
export const FORMAT_BUDGET_MS = 1_200;
/** Pages waiting for the thread; more are a 503 (the service is busy, retry). */
const MAX_WAITING = 8;

let pool: Piscina | undefined;

function formatPool(): Piscina {
  if (pool) return pool;
  letThreadLimitsHold();
  const filename = siblingModule(import.meta.url, 'format-worker');
  // Run from TypeScript sources (development, tests), the thread also holds the loader's
  // transpiled modules and source maps: measured out of memory in its warm-up at 48 MB from a
  // fresh clone. The compiled service, which production runs, keeps the page's budget.
  const fromSource = filename.endsWith('.ts');
  pool = new Piscina({
    filename,
    minThreads: 0,
    maxThreads: 1,
    maxQueue: MAX_WAITING,
    idleTimeout: 10_000,
    execArgv: threadExecArgv(),
    // A page whose DOM outgrows this ends its thread (ERR_WORKER_OUT_OF_MEMORY), not the process.
    // The DOM code takes ~20 MB; a 1.6 MB news page of 8,400 elements (navigation, a 1.2 MB
    // inline script, 160 paragraphs) reads in 32 MB of old generation on Node 20 and 24.
    resourceLimits: { maxOldGenerationSizeMb: fromSource ? 128 : 48, maxYoungGenerationSizeMb: 4 },
  });
  return pool;
}

const needsThread = (contentType: string | undefined): boolean => {
  const type = mediaTypeOf(contentType);
  return type === HTML_MEDIA_TYPE || type === NINJS_MEDIA_TYPE;
};

/**
 * The ingest input of an HTML or ninjs body, read on the format thread; null for other media
 * types (wire text and JSON need no extraction). A page that cannot be read within the budget is
 * a 422 that says so.
 */
export async function readFormatOffThread(contentType: string | undefined, body: unknown): Promise<IngestInput | null> {
  if (!needsThread(contentType)) return null;
  // A linear scan of the markup: pages nested or sized past any news page are refused at once.
  if (mediaTypeOf(contentType) === HTML_MEDIA_TYPE && typeof body === 'string') checkHtmlShape(body);
  const task: FormatTask = { contentType, body };
  const formats = formatPool();
  // Starting a thread and loading the DOM code is the service's cost, not the page's: a thread
  // is warmed first when none is running, and only the page itself is held to the budget.
  if (formats.threads.length === 0) {
    await formats.run({ contentType: undefined, body: null, warm: true } satisfies FormatTask).catch((error: unknown) => {
      // Not the page's fault, and nothing was read: the client may send it again.
      throw new ApiError('service-unavailable', `The page reader could not start (${(error as Error).message}); retry shortly.`, {}, { 'retry-after': '2' });
    });
  }
  let result: FormatTaskResult;
  try {
    result = (await formats.run(task, { signal: AbortSignal.timeout(FORMAT_BUDGET_MS) })) as FormatTaskResult;
  } catch (error) {
    const { name, code, message } = error as { name?: string; code?: string; message?: string };
    if (name === 'AbortError' || name === 'TimeoutError') {
      throw new ApiError('unprocessable-content', `Reading the ${mediaTypeOf(contentType)} body took longer than ${FORMAT_BUDGET_MS} ms; send the article text as text/plain or JSON.`);
    }
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
      throw new ApiError('unprocessable-content', `Reading the ${mediaTypeOf(contentType)} body needed more memory than a page may use; send the article text as text/plain or JSON.`);
    }
    if (/queue is full/i.test(message ?? '')) {
      throw new ApiError('service-unavailable', 'Too many pages are being read right now; retry shortly.', {}, { 'retry-after': '2' });
    }
    throw error;
  }
  if ('problem' in result) throw new ApiError(result.problem.code, result.problem.detail, result.problem.extensions);
  return result.input;
}

/** Ends the format thread (at shutdown). */
export async function closeFormatReader(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.destroy();
}

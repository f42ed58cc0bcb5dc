// NDJSON bodies read as they arrive: one line at a time, never the whole body, so a large upload
// holds at most one line (and what the caller batches) in memory. A line too long to be an article
// fails alone, its bytes skipped unkept. (The body's size is bounded where it is received.)

import { lineProblem, type LineProblem } from './ndjson-lines.js';

/** A non-blank line of the body (1-based `line`), or the problem that failed it on arrival. */
export type IncomingLine = { line: number; text: string } | { line: number; problem: LineProblem };

const NEWLINE = 0x0a;

/**
 * The non-blank lines of an NDJSON byte stream, `\r\n` or `\n` separated. The bytes are UTF-8
 * (checked upstream): a newline byte never falls inside a character, so lines are cut on bytes.
 */
export async function* readNdjsonLines(body: AsyncIterable<Buffer | string>, maxLineBytes: number): AsyncGenerator<IncomingLine> {
  // The start of the current line, when it began in an earlier chunk.
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  let line = 0;
  const take = (piece: Buffer): void => {
    if (piece.length === 0 || tooLong) return;
    if (partBytes + piece.length > maxLineBytes) {
      tooLong = true;
      parts = [];
      partBytes = 0;
      return;
    }
    // A copy: a short piece must not keep its whole chunk alive.
    parts.push(Buffer.from(piece));
    partBytes += piece.length;
  };
  /** The line that ends with `tail`, or null when it is blank. */
  const finish = (tail: Buffer): IncomingLine | null => {
    line++;
    let bytes: Buffer | null = tail;
    if (parts.length > 0 || tooLong || tail.length > maxLineBytes) {
      take(tail);
      bytes = tooLong ? null : Buffer.concat(parts, partBytes);
    }
    parts = [];
    partBytes = 0;
    tooLong = false;
    if (bytes === null) {
      return { line, problem: lineProblem('payload-too-large', `The line is longer than ${maxLineBytes} bytes; an article is far shorter.`) };
    }
    const text = bytes.toString('utf8').replace(/\r$/, '');
    return text.trim() === '' ? null : { line, text };
  };
  for await (const chunk of body) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let from = 0;
    for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, from)) {
      const done = finish(bytes.subarray(from, at));
      if (done) yield done;
      from = at + 1;
    }
    take(bytes.subarray(from));
  }
  if (partBytes > 0 || tooLong) {
    const done = finish(Buffer.alloc(0));
    if (done) yield done;
  }
}

/** The JSON form's articles as lines, each serialized only when its turn comes. */
export function* linesOfArticles(articles: readonly unknown[]): Generator<{ line: number; text: string }> {
  for (let index = 0; index < articles.length; index++) yield { line: index + 1, text: JSON.stringify(articles[index]) };
}

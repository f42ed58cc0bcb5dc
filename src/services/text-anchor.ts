import { ApiError } from '../errors.js';
import type { CodePointText } from '../lib/code-points.js';

/** How much context is kept on each side of a span to find it again after a revision. */
export const CONTEXT_LENGTH = 32;

export interface Anchor {
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
}

/**
 * Checks a client's span against the article text (in bounds, non-empty, not only blanks) and
 * returns it with its text and context; a bad span is a 422 naming the field.
 */
export function anchorSpan(text: CodePointText, start: number, end: number, field = 'span'): Anchor {
  if (end > text.length) {
    throw new ApiError('unprocessable-content', `${field} ends at ${end}, after the end of the text (${text.length} code points).`);
  }
  if (end <= start) throw new ApiError('unprocessable-content', `${field} is empty: end must be greater than start.`);
  const spanned = text.slice(start, end);
  if (spanned.trim() === '') throw new ApiError('unprocessable-content', `${field} covers only blanks.`);
  return { start, end, text: spanned, ...contextOf(text, start, end) };
}

export function contextOf(text: CodePointText, start: number, end: number): { prefix: string; suffix: string } {
  return {
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, Math.min(text.length, end + CONTEXT_LENGTH)),
  };
}

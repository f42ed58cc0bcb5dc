import DiffMatchPatch from 'diff-match-patch';
import { CodePointText } from '../lib/code-points.js';

// Where an old span is in a revised text: by the edit script between the two texts (for
// machine annotations), and by exact text plus prefix/suffix context (the W3C
// TextQuoteSelector idea, for editors' annotations). Offsets are code points.

export interface SpanMapper {
  /** The old span's place in the new text; null when its text was deleted. */
  map(start: number, end: number): { start: number; end: number } | null;
}

export function spanMapper(oldText: CodePointText, newText: CodePointText): SpanMapper {
  const dmp = new DiffMatchPatch();
  // Bounded: the diff runs on the event loop, and other requests wait while it does.
  dmp.Diff_Timeout = 0.2;
  const diffs = dmp.diff_main(oldText.text, newText.text);
  dmp.diff_cleanupSemantic(diffs);
  return {
    map(start, end) {
      const newStart = newText.fromUtf16(dmp.diff_xIndex(diffs, oldText.toUtf16(start)));
      // Map the last character rather than the end so an edit right after the span stays outside.
      const newEnd = newText.fromUtf16(dmp.diff_xIndex(diffs, oldText.toUtf16(end - 1))) + 1;
      return newEnd > newStart ? { start: newStart, end: Math.min(newEnd, newText.length) } : null;
    },
  };
}

const commonSuffixLength = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
};
const commonPrefixLength = (a: string, b: string): number => {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
};

/**
 * Finds `exact` in the new text where its surroundings best match `prefix` and `suffix`, nearest
 * to `hint` on ties. Null when the exact text is gone.
 */
export function findByQuote(
  newText: CodePointText,
  quote: { exact: string; prefix: string; suffix: string },
  hint: number,
): { start: number; end: number } | null {
  if (quote.exact === '') return null;
  const haystack = newText.text;
  const hintUtf16 = newText.toUtf16(Math.min(hint, newText.length));
  let best: { index: number; score: number; distance: number } | null = null;
  // Bounded: a pathological text cannot make this loop long.
  for (let index = haystack.indexOf(quote.exact), seen = 0; index !== -1 && seen < 10_000; seen++) {
    const before = haystack.slice(Math.max(0, index - quote.prefix.length), index);
    const after = haystack.slice(index + quote.exact.length, index + quote.exact.length + quote.suffix.length);
    const score = commonSuffixLength(before, quote.prefix) + commonPrefixLength(after, quote.suffix);
    const distance = Math.abs(index - hintUtf16);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { index, score, distance };
    index = haystack.indexOf(quote.exact, index + 1);
  }
  if (!best) return null;
  const start = newText.fromUtf16(best.index);
  return { start, end: newText.fromUtf16(best.index + quote.exact.length) };
}

/** True when the two strings differ by at most `fraction` of the longer one's length. */
export function nearlyEqual(a: string, b: string, fraction = 0.2): boolean {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0.2;
  return dmp.diff_levenshtein(dmp.diff_main(a, b)) <= fraction * Math.max(a.length, b.length);
}

export const overlapFraction = (a: { start: number; end: number }, b: { start: number; end: number }): number =>
  Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)) / Math.max(1, Math.min(a.end - a.start, b.end - b.start));

/**
 * The spans a quote holds besides its content, as columns of its row: the cue, the unnamed
 * source and the unnamed relay. Everything that moves a quote (revisions, reverts) re-anchors
 * each of them through this list, so a span added here is kept fresh everywhere.
 */
export const QUOTE_SUB_SPANS = [
  { name: 'cue', start: 'cueStart', end: 'cueEnd', text: 'cueText' },
  { name: 'source', start: 'sourceStart', end: 'sourceEnd', text: 'sourceText' },
  { name: 'via', start: 'viaStart', end: 'viaEnd', text: 'viaText' },
] as const;

/** How far from its quote a cue or source may be found again (code points). */
const SUB_SPAN_REACH = 400;

type Row = Record<string, unknown>;

/**
 * A sub-span (cue, source) of a quote in the current text: kept where its text still is, else
 * its mapped place when the text there is the same, else the occurrence of its text nearest to
 * `near` (the quote's new start) within reach; null when its text is gone from there.
 */
export function reanchorSubSpan(
  span: { start: number; end: number; text: string },
  newText: CodePointText,
  near: number,
  mapper?: SpanMapper,
): { start: number; end: number } | null {
  if (span.end <= newText.length && newText.slice(span.start, span.end) === span.text && !mapper) return { start: span.start, end: span.end };
  const mapped = mapper?.map(span.start, span.end);
  if (mapped && newText.slice(mapped.start, mapped.end) === span.text) return mapped;
  const found = findByQuote(newText, { exact: span.text, prefix: '', suffix: '' }, mapped?.start ?? near);
  if (!found || Math.abs(found.start - near) > SUB_SPAN_REACH) return null;
  return found;
}

/**
 * The sub-span columns of a quote row re-anchored in the new text, as an update: each span that
 * was found again gets its new place, each one that was lost is cleared.
 */
export function reanchorSubSpans(row: Row, newText: CodePointText, near: number, mapper?: SpanMapper): Row {
  const update: Row = {};
  for (const columns of QUOTE_SUB_SPANS) {
    const start = row[columns.start];
    const end = row[columns.end];
    const text = row[columns.text];
    if (typeof start !== 'number' || typeof end !== 'number' || typeof text !== 'string') continue;
    const found = reanchorSubSpan({ start, end, text }, newText, near, mapper);
    if (found && found.start === start && found.end === end) continue;
    Object.assign(update, found ? { [columns.start]: found.start, [columns.end]: found.end } : { [columns.start]: null, [columns.end]: null });
    // An unnamed source keeps its words when its span is lost; a cue is nothing without its span.
    if (!found && columns.name === 'cue') update[columns.text] = null;
  }
  return update;
}

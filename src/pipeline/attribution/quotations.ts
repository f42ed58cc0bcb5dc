// Stage 1: spans in quotation marks. Double marks (straight or curly) pair within a paragraph, and a
// quotation left open at a paragraph's end goes on in the next paragraph when that one opens with
// a mark (the newsroom convention for long quotes). Single marks are quotation marks too: as the
// article's own marks when it has no double ones in its body (UK style), otherwise only for the
// span they enclose outside double quotes, which later stages keep when someone is found saying it.

import type { Context } from './context.js';
import type { Quotation } from './model.js';

const DOUBLE = '"\u201c\u201d\u201e\u201f\u00ab\u00bb';
/** Single-quoted spans longer than this are more likely mismatched apostrophes than a quotation. */
const MAX_SINGLE_TOKENS = 80;

export function findQuotations(c: Context): Quotation[] {
  const { tokens, blockTokens, headlineBlocks } = c;
  const isDouble = (i: number): boolean => tokens[i]!.kind === 'quote' && DOUBLE.indexOf(tokens[i]!.text) >= 0;
  // an apostrophe glued to words on both sides ("Ltd.'s") is no quotation mark
  const glued = (i: number): boolean => tokens[i - 1]?.end === tokens[i]!.start && tokens[i + 1]?.start === tokens[i]!.end && tokens[i + 1]!.kind === 'word';
  const isSingle = (i: number): boolean => tokens[i]!.kind === 'quote' && DOUBLE.indexOf(tokens[i]!.text) < 0 && !glued(i);
  // UK style: the body pairs single marks for its quotations and has no double ones
  let bodyDoubles = 0;
  let bodySinglePairs = 0;
  for (let b = 0; b < blockTokens.length; b++) {
    if (headlineBlocks.has(b)) continue;
    let open = false;
    for (let i = blockTokens[b]!.first; i < blockTokens[b]!.last; i++) {
      if (isDouble(i)) bodyDoubles++;
      else if (isSingle(i)) {
        if (tokens[i]!.quoteRole === 'open') open = true;
        else if (open) {
          bodySinglePairs++;
          open = false;
        }
      }
    }
  }
  const singleStyle = bodyDoubles === 0 && bodySinglePairs > 0;
  const quotations: Quotation[] = [];
  const inPrimary = new Uint8Array(tokens.length);
  const push = (open: number, close: number, last: number, block: number, single: boolean, continued: boolean): void => {
    const first = continued ? open : open + 1;
    if (first >= last) return;
    quotations.push({ open, close, first, last, start: tokens[first]!.start, end: tokens[last - 1]!.end, block, single, continued, title: false, titleCase: false });
    inPrimary.fill(1, open, close >= 0 ? close + 1 : last);
  };
  let leftOpen = false;
  for (let b = 0; b < blockTokens.length; b++) {
    const { first, last } = blockTokens[b]!;
    const primary = singleStyle ? isSingle : isDouble;
    const carried = leftOpen;
    leftOpen = false;
    let open = -1;
    let seen = false;
    for (let i = first; i < last; i++) {
      if (!primary(i)) continue;
      const t = tokens[i]!;
      const firstMark = !seen;
      seen = true;
      if (firstMark && carried && t.quoteRole === 'close' && i > first) {
        // the quotation left open in the previous paragraph ends here without a new opening mark
        push(first, i, i, b, singleStyle, true);
        continue;
      }
      if (t.quoteRole === 'open') {
        // an opening mark while one is open: the earlier quotation ran on; it ends here
        if (open >= 0 && i - open > 1) push(open, i, i, b, singleStyle, false);
        open = i;
      } else if (open >= 0) {
        if (!singleStyle || i - open <= MAX_SINGLE_TOKENS) push(open, i, i, b, singleStyle, false);
        open = -1;
      }
    }
    if (open >= 0 && open + 1 < last) {
      push(open, -1, last, b, singleStyle, false);
      leftOpen = true;
    }
    if (singleStyle) continue;
    // single marks outside the double quotations of this block
    let sOpen = -1;
    const extra: Quotation[] = [];
    for (let i = first; i < last; i++) {
      if (!isSingle(i)) continue;
      const t = tokens[i]!;
      if (t.quoteRole === 'open' && sOpen < 0) {
        if (!inPrimary[i]) sOpen = i;
      } else if (t.quoteRole === 'close' && sOpen >= 0) {
        if (i - sOpen > 1 && i - sOpen <= MAX_SINGLE_TOKENS && !inPrimary[i]) {
          extra.push({ open: sOpen, close: i, first: sOpen + 1, last: i, start: tokens[sOpen + 1]!.start, end: tokens[i - 1]!.end, block: b, single: true, continued: false, title: false, titleCase: false });
        }
        sOpen = -1;
      }
    }
    quotations.push(...extra);
  }
  quotations.sort((a, b) => a.start - b.start);
  quotations.forEach((q, k) => {
    const to = q.close >= 0 ? q.close : q.last - 1;
    for (let i = q.open; i <= to; i++) if (c.quoteOf[i] === -1) c.quoteOf[i] = k;
  });
  return quotations;
}

// Stage: which content each quotation belongs to. A quotation is part of the innermost content
// that holds it ("X said A, the agency said" gives A's quotation to X, not to the agency).

import type { Context } from './context.js';
import type { Cue, Quotation } from './model.js';

/** For each quotation, the index of the cue whose content holds it most closely, or -1. */
export function ownQuotations(c: Context, quotations: Quotation[], cues: Cue[]): Int32Array {
  const owner = new Int32Array(quotations.length).fill(-1);
  if (!cues.length || !quotations.length) return owner;
  // paint each token with the smallest content over it: larger contents first, smaller on top
  const order = cues.map((_, k) => k).sort((a, b) => size(cues[b]!) - size(cues[a]!));
  const painted = new Int32Array(c.tokens.length).fill(-1);
  for (const k of order) painted.fill(k, cues[k]!.content.first, cues[k]!.content.last);
  quotations.forEach((q, i) => {
    if (q.title) return;
    const k = painted[q.first]!;
    if (k >= 0 && cues[k]!.content.last >= q.last) owner[i] = k;
  });
  return owner;
}

function size(cue: Cue): number {
  return cue.content.last - cue.content.first;
}

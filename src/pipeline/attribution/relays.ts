// Stage: relayed speech. When one source's content holds another source's cue ("Kim said ..., the
// agency said"; "KCNA said the leader invited ..."), the inner attribution is relayed by the outer
// source (`via`). An outer attribution after its content that holds nothing but the relayed clause
// (and adverbials such as "During the talks,") adds no words of its own: it is dropped, its source
// kept as `via`.

import { POS } from '../pos.js';
import { isVerb, tagIs, type Context } from './context.js';
import type { Attribution } from './model.js';
import { sameSource } from './sources.js';

/** Inner attributions looked at per outer one (contents nest only a few deep). */
const MAX_INNER = 16;

export function settleRelays(c: Context, atts: Attribution[]): Attribution[] {
  const byCue = atts.map((_, k) => k).filter((k) => atts[k]!.cue).sort((a, b) => atts[a]!.cue!.first - atts[b]!.cue!.first);
  const cueFirst = byCue.map((k) => atts[k]!.cue!.first);
  const dropped = new Uint8Array(atts.length);
  atts.forEach((outer, k) => {
    if (!outer.cue || !outer.source) return;
    const inner: Attribution[] = [];
    for (let x = lowerBound(cueFirst, outer.first); x < byCue.length && cueFirst[x]! < outer.last && inner.length < MAX_INNER; x++) {
      const a = atts[byCue[x]!]!;
      if (a !== outer && a.last <= outer.last + 1 && !sameSource(c, a.source, outer.source)) inner.push(a);
    }
    if (!inner.length) return;
    for (const a of inner) if (!a.via && a.source) a.via = outer.source;
    // a relay names its source after the relayed words ("..., the agency said"); "X noted the
    // findings show ..." is X's own report of a finding, and both stay
    const after = outer.cue.first >= outer.last - 1;
    if (after && !outer.quotations.length && !hasOwnClause(c, outer, inner)) dropped[k] = 1;
  });
  return atts.filter((_, k) => !dropped[k]);
}

/** The outer content has a verb outside the inner attributions' clauses. */
function hasOwnClause(c: Context, outer: Attribution, inner: Attribution[]): boolean {
  for (let i = outer.first; i < outer.last; i++) {
    if (c.quoteOf[i] !== -1 || (i >= outer.cue!.first && i < outer.cue!.last)) continue;
    if (inner.some((a) => i >= clauseFirst(a) && i < a.last)) continue;
    if (isVerb(c, i) || tagIs(c, i, POS.AUX)) return true;
  }
  return false;
}

function clauseFirst(a: Attribution): number {
  return Math.min(a.first, a.clause);
}

function lowerBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (xs[m]! < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}

// Stage: attributions from cues. The kind follows the quotation marks: a content that is one
// quotation and nothing else is direct (its span is the quoted words), a content that holds
// quotations among other words is mixed, one without is indirect. A complementiser "that" is not
// part of the content.

import { POS } from '../pos.js';
import { isVerb, tagIs, type Context } from './context.js';
import { opensClause } from './complements.js';
import type { Attribution, Cue, Quotation } from './model.js';
import { matchDateline } from '../header.js';

export function buildAttributions(c: Context, quotations: Quotation[], cues: Cue[], owner: Int32Array): Attribution[] {
  const owned: number[][] = cues.map(() => []);
  owner.forEach((k, i) => {
    if (k >= 0) owned[k]!.push(i);
  });
  const out: Attribution[] = [];
  cues.forEach((cue, k) => {
    const own = owned[k]!;
    let { first, last } = cue.content;
    // a wire story's dateline ("WASHINGTON (AP) —") opens its paragraph, and no content
    if (first === c.blockTokens[c.tokens[first]!.block]!.first) {
      const end = datelineEnd(c, c.tokens[first]!.block);
      while (first + 1 < last && c.tokens[first]!.start < end) first++;
    }
    // the complementiser opens no words of the report; "that" as its subject ("said that was wrong")
    // stays, but a gerund after it is the clause's subject ("warned that vaping rates had doubled")
    const afterThat = c.tokens[first + 1];
    const gerundSubject = !!afterThat && afterThat.lower.endsWith('ing') && opensClause(c, first + 1, last);
    const thatSubject = tagIs(c, first + 1, POS.AUX) || (isVerb(c, first + 1) && !gerundSubject);
    if (c.tokens[first]!.lower === 'that' && first + 1 < last && c.quoteOf[first] === -1 && !thatSubject) first++;
    // "said that, despite the rain, ...": the comma after it opens nothing
    while (first + 1 < last && c.tokens[first]!.text === ',' && c.quoteOf[first] === -1) first++;
    let outside = 0;
    // words outside its own quotations decide between direct and mixed
    for (let i = own.length ? first : last; i < last; i++) {
      const t = c.tokens[i]!;
      if (t.kind !== 'word' && t.kind !== 'num') continue;
      const q = c.quoteOf[i]!;
      if (q === -1 || owner[q] !== k) outside++;
    }
    const block = c.tokens[first]!.block;
    const base = { source: cue.source, via: cue.via, cue: cue.cue, clause: cue.clause, rule: cue.rule, confidence: round(cue.confidence), quotations: own, block, headline: c.headlineBlocks.has(block) };
    if (own.length === 1 && outside === 0) {
      const q = quotations[own[0]!]!;
      out.push({ ...base, first: q.first, last: q.last, start: q.start, end: q.end, kind: 'direct' });
      return;
    }
    const kind = cue.verbatim ? 'direct' : own.length ? 'mixed' : 'indirect';
    out.push({ ...base, first, last, start: c.tokens[first]!.start, end: c.tokens[last - 1]!.end, kind });
  });
  return out;
}

function round(x: number): number {
  return Math.round(Math.max(0.05, Math.min(0.99, x)) * 100) / 100;
}

/** Where the dateline that opens block b ends (UTF-16), or -1 when it opens with none. */
function datelineEnd(c: Context, b: number): number {
  const { first, last } = c.blockTokens[b]!;
  if (first >= last) return -1;
  const start = c.tokens[first]!.start;
  const end = c.tokens[last - 1]!.end;
  return matchDateline({ start, end, text: c.text.slice(start, Math.min(end, start + 160)) })?.end ?? -1;
}

// Stage: cues headed by an adjective after "be": a stance towards a clause ("the unions are
// concerned the law will change", "she was confident that the vote would pass"). Belief and
// feeling count as attribution. Any predicate adjective takes a "that" clause as its content; a
// clause without "that" only after an adjective of stance (data/speech.ts). "It is clear that"
// has no source ("it" names nothing).

import { STANCE_ADJECTIVES } from '../data/speech.js';
import { POS } from '../pos.js';
import { complementAfter } from './complements.js';
import { tagIs, type Context } from './context.js';
import type { Cue } from './model.js';
import { subjectBefore } from './subjects.js';

const DEGREE = new Set(['so', 'too', 'such']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", "'re", 'am', 'remain', 'remains', 'remained', 'seemed', 'seems', 'appeared', 'felt']);

export function findAdjectiveCues(c: Context): Cue[] {
  const cues: Cue[] = [];
  for (let a = 1; a < c.tokens.length; a++) {
    if (c.quoteOf[a] !== -1 || !tagIs(c, a, POS.ADJ, POS.VERB)) continue;
    const next = c.tokens[a + 1]?.lower;
    const stance = STANCE_ADJECTIVES.has(c.tokens[a]!.lower);
    if (next !== 'that' && !stance) continue;
    let b = a - 1;
    let degree = false;
    while (b > 0 && tagIs(c, b, POS.ADV)) degree ||= DEGREE.has(c.tokens[b--]!.lower);
    // "so strong that the pier collapsed": a degree, and its clause a result
    if (degree) continue;
    if (!BE.has(c.tokens[b]!.lower)) continue;
    const subject = subjectBefore(c, b);
    if (!subject) continue;
    const after = complementAfter(c, c.quotations, a + 1, { listed: stance, speechAct: false, listener: false, ofObject: false });
    if (!after || (after.kind !== 'that' && after.kind !== 'clause')) continue;
    const named = subject.source.mention >= 0;
    cues.push({
      cue: { first: a, last: a + 1 },
      clause: Math.min(subject.first, b),
      source: subject.source,
      via: null,
      content: after.content,
      rule: named ? 'adjective-cue' : 'adjective-cue-unnamed',
      confidence: named ? 0.6 : 0.45,
    });
  }
  return cues;
}

// Stage: the speaker of a quotation set deeper into a clause than a cue frame reaches: "invited X to
// visit Y \"at a convenient time\"", "promised to \"fix every road\"". The governing verb is the
// nearest finite verb before the quotation in its clause. A quotation no content holds takes that
// verb's subject (any verb but the copula-like ones). Inside another source's content it does so
// only when the verb is a speech act of a different source ("KCNA said the leader invited ...");
// otherwise the quoted words stay with the content's source ("the North needed \"guarantees\"" is
// the reporter's source quoting, not the North speaking).

import { SPEECH_ACT_LEMMAS, SPEECH_LEMMAS } from '../data/speech.js';
import { POS } from '../pos.js';
import { isVerb, sentenceOf, tagIs, type Context } from './context.js';
import type { Cue, Quotation } from './model.js';
import { sameSource } from './sources.js';
import { participleSubject, subjectBefore } from './subjects.js';

/** How far before a quotation its governing verb may stand. */
const MAX_REACH = 25;

export function embeddedSpeakers(c: Context, quotations: Quotation[], cues: Cue[], owner: Int32Array): void {
  quotations.forEach((q, i) => {
    // headline quotations quote the body; the headline stage looks there first
    if (q.title || q.continued || c.headlineBlocks.has(q.block)) return;
    const o = owner[i]!;
    const holder = o >= 0 ? cues[o]! : null;
    const lo = Math.max(sentenceOf(c, q.open).first, holder ? holder.content.first : 0);
    const g = governingVerb(c, q, lo);
    if (g < 0 || (holder && holder.cue.first <= g && g < holder.cue.last)) return;
    const lemma = c.lemma(g);
    // only a verb of speech makes a quotation further on its subject's words ("awarded a prize
    // for \"courage\"" quotes whoever praised the courage, not the jury); a verb of thought or
    // finding neither ("has shown \"real courage\"" quotes whoever saw the courage)
    if (!SPEECH_ACT_LEMMAS.has(lemma) && !SPEECH_LEMMAS.has(lemma)) return;
    const participle = c.tokens[g]!.lower.endsWith('ing') && !tagIs(c, g - 1, POS.AUX);
    const subject = participle ? participleSubject(c, g) : subjectBefore(c, g);
    if (!subject) return;
    if (holder && sameSource(c, subject.source, holder.source)) return;
    const named = subject.source.mention >= 0;
    cues.push({
      cue: { first: g, last: g + 1 },
      clause: Math.min(subject.first, g),
      source: subject.source,
      via: holder ? holder.source : null,
      content: { first: q.open, last: q.close >= 0 ? q.close + 1 : q.last },
      rule: named ? 'quotation-in-clause' : 'quotation-in-clause-unnamed',
      confidence: named ? 0.6 : 0.4,
    });
    owner[i] = cues.length - 1;
  });
}

/**
 * The nearest finite verb before the quotation in its clause, skipping infinitives and
 * participles; a conjunction, a comma, a semicolon or another quotation ends the clause.
 */
function governingVerb(c: Context, q: Quotation, lo: number): number {
  for (let k = q.open - 1; k >= lo && q.open - k <= MAX_REACH; k--) {
    const t = c.tokens[k]!;
    if (c.quoteOf[k] !== -1 || t.text === ',' || t.text === ';' || t.text === ':' || tagIs(c, k, POS.CCONJ, POS.SCONJ)) return -1;
    if (!isVerb(c, k)) continue;
    if (c.tokens[k - 1]?.lower === 'to') continue;
    if (t.lower.endsWith('ing') && !tagIs(c, k - 1, POS.AUX) && c.tokens[k - 1]?.text !== ',') continue;
    return k;
  }
  return -1;
}

// Stage: cues headed by a noun that names a message made from a reporting verb ("allegations that
// ...", "her claim that ...", "accusations of ...", "came to the conclusion that ..."). The source is
// the noun's possessor, its "by" phrase, or the subject of the light verb that takes it ("X issued
// a warning that ..."); without any of these the source is unknown, and the cue is kept with a
// lower confidence.

import { REPORTING_LEMMAS, SUPPORT_LEMMAS } from '../data/speech.js';
import { POS } from '../pos.js';
import { opensClause } from './complements.js';
import { isVerb, mentionEndingAt, sentenceOf, tagIs, type Context } from './context.js';
import { nominalOfReporting } from './lemmas.js';
import type { Cue, Source } from './model.js';
import { POSSESSIVE_DETERMINERS, nounPhraseStartingAt, sourceOfNounPhrase } from './noun-phrases.js';
import { subjectBefore } from './subjects.js';

/** Nominals that take their content with "of": "allegations of fraud", "warnings of a crash". */
const OF_CONTENT_VERBS = new Set(['allege', 'accuse', 'claim', 'warn', 'report', 'suspect']);
/** Reporting verbs whose bare noun names something else: "six states that ...", "a suspect that". */
const OTHER_SENSE_NOUNS = new Set(['state', 'show', 'suspect', 'stress', 'post', 'wonder', 'find', 'feel', 'continue']);

export function findNounCues(c: Context): Cue[] {
  const cues: Cue[] = [];
  for (const s of c.sentences) {
    for (let n = s.first; n < s.last; n++) {
      if (c.quoteOf[n] !== -1 || !tagIs(c, n, POS.NOUN)) continue;
      const follow = c.tokens[n + 1]?.lower;
      if (follow !== 'that' && follow !== 'of') continue;
      const lemma = c.lemma(n);
      const verb = nominalOfReporting(lemma) ?? (REPORTING_LEMMAS.has(lemma) && !OTHER_SENSE_NOUNS.has(lemma) ? lemma : null);
      if (!verb) continue;
      const next = c.tokens[n + 1];
      let content: { first: number; last: number } | null = null;
      if (next?.lower === 'that' && opensClause(c, n + 2, s.last)) content = { first: n + 1, last: clauseEnd(c, s.first, n, s.last) };
      else if (next?.lower === 'of' && OF_CONTENT_VERBS.has(verb)) content = ofContent(c, n + 2, s.last);
      if (!content) continue;
      const source = nounSource(c, n, s.first);
      const named = !!source && source.mention >= 0;
      cues.push({
        cue: { first: n, last: n + 1 },
        clause: n,
        source,
        via: null,
        content,
        rule: source ? (named ? 'noun-cue' : 'noun-cue-unnamed') : 'noun-cue-no-source',
        confidence: source ? (named ? 0.6 : 0.45) : 0.3,
      });
    }
  }
  return cues;
}

/**
 * Where the clause after "claim that" ends: the sentence's end, or, when the noun is in subject
 * position (no verb before it), before the main verb ("Her claim that X lied was rejected").
 */
function clauseEnd(c: Context, first: number, n: number, end: number): number {
  // a finite verb before the noun takes it as object; an opening participle ("Responding to
  // allegations that ...") is no such verb
  for (let i = first; i < n; i++) if (tagIs(c, i, POS.AUX) || (isVerb(c, i) && !c.tokens[i]!.lower.endsWith('ing'))) return end;
  let groups = 0;
  for (let i = n + 2; i < end; i++) {
    // "Responding to allegations that A, X told ...": the main clause after a comma ends it
    if (c.tokens[i]!.text === ',' && c.quoteOf[i] === -1 && opensClause(c, i + 1, end)) return i;
    const verbal = isVerb(c, i) || tagIs(c, i, POS.AUX);
    // a verb group starts after a non-verb, or with an auxiliary after a main verb ("was rigged was")
    if (verbal && (!(isVerb(c, i - 1) || tagIs(c, i - 1, POS.AUX, POS.ADV, POS.PART)) || (tagIs(c, i, POS.AUX) && isVerb(c, i - 1)))) {
      groups++;
      if (groups === 2) return i;
    }
  }
  return end;
}

/** "of fraud", "of hiding the money": a noun phrase or a participle clause up to the next comma. */
function ofContent(c: Context, k: number, end: number): { first: number; last: number } | null {
  if (k >= end) return null;
  if (c.tokens[k]!.lower.endsWith('ing') && isVerb(c, k)) {
    let j = k;
    while (j < end && c.tokens[j]!.text !== ',' && c.tokens[j]!.text !== ';') j++;
    return { first: k, last: j };
  }
  const np = nounPhraseStartingAt(c, k, end);
  return np ? { first: k, last: np.last } : null;
}

/** The possessor ("her claim"), the "by" phrase ("claims by X that"), or the light verb's subject. */
function nounSource(c: Context, n: number, lo: number): Source | null {
  // walk back over the noun's modifiers to its determiner or possessor
  let k = n - 1;
  while (k >= lo && tagIs(c, k, POS.ADJ, POS.NOUN, POS.NUM) && c.quoteOf[k] === -1) k--;
  if (k >= lo && POSSESSIVE_DETERMINERS.has(c.tokens[k]!.lower)) {
    const m = mentionEndingAt(c, k);
    return m >= 0 ? { mention: m, first: k, last: k + 1 } : { mention: -1, first: k, last: k + 1 };
  }
  if (k >= lo && c.tokens[k]!.kind === 'poss') {
    const m = mentionEndingAt(c, k - 1);
    if (m >= 0) return { mention: m, first: c.ents.mentions[m]!.first, last: k };
  }
  if (c.tokens[n + 1]?.lower === 'by') {
    const np = nounPhraseStartingAt(c, n + 2, sentenceOf(c, n).last);
    if (np) return sourceOfNounPhrase(c, np);
  }
  // "X issued a warning that": the subject of a light verb right before the noun phrase
  if (k >= lo && tagIs(c, k, POS.DET)) k--;
  if (k >= lo && c.tokens[k]!.lower === 'to' && c.tokens[k - 1]?.lower === 'came') k -= 1;
  if (k >= lo && isVerb(c, k) && SUPPORT_LEMMAS.has(c.lemma(k))) return subjectBefore(c, k)?.source ?? null;
  return null;
}

// Stage: where each content ends. A content after its cue runs to the sentence's end, unless a later
// cue in the sentence closes it: a cue after its own content ('..., the agency said') or a sibling
// clause with a cue of its own (', and X said ...'). A cue inside another's content that is not a
// sibling is nested ("X said she believed ..."), and both keep their contents. Contents are widened
// to whole quotations, and duplicate cues (the same words found by two stages) are dropped.

import { POS } from '../pos.js';
import { opensClause } from './complements.js';
import { isVerb, tagIs, type Context } from './context.js';
import type { Cue, Quotation } from './model.js';
import { sameSource } from './sources.js';
import { REPORTING_LEMMAS, SPEECH_ACT_LEMMAS, SPEECH_LEMMAS } from '../data/speech.js';
import { nominalOfReporting } from './lemmas.js';

/** Cues per sentence beyond which the rest are dropped (keeps a pathological sentence linear). */
const MAX_CUES_PER_SENTENCE = 24;
const TRAILING = new Set([',', ';', ':', '--', '\u2014', '\u2013', '-']);

export function settleContents(c: Context, quotations: Quotation[], cues: Cue[]): Cue[] {
  cues.sort((a, b) => a.cue.first - b.cue.first || a.content.first - b.content.first);
  const kept: Cue[] = [];
  let i = 0;
  while (i < cues.length) {
    const sentence = c.tokens[cues[i]!.cue.first]!.sentence;
    let j = i;
    while (j < cues.length && c.tokens[cues[j]!.cue.first]!.sentence === sentence) j++;
    const group = dedupe(cues.slice(i, Math.min(j, i + 2 * MAX_CUES_PER_SENTENCE))).slice(0, MAX_CUES_PER_SENTENCE);
    for (const a of group) {
      // a label's content is the rest of its line or paragraph, whatever clauses it holds
      if (a.content.first >= a.cue.last && !isLabel(a)) {
        closeForward(c, a, group);
        closeAtContrast(c, a);
        closeAtSharedVerb(c, a);
        closeAtSummary(c, a);
      }
    }
    for (const a of group) {
      snapToQuotations(c, quotations, a);
      trim(c, a);
      if (a.content.last > a.content.first && hasWords(c, a.content.first, a.content.last)) kept.push(a);
    }
    i = j;
  }
  return kept;
}

function isLabel(a: Cue): boolean {
  return a.rule.startsWith('headline-colon') || a.rule.startsWith('transcript-label');
}

/** Two stages may find the same cue for the same content; the more certain one stays. */
function dedupe(group: Cue[]): Cue[] {
  const out: Cue[] = [];
  for (const cue of group) {
    // the same cue words, or the same content ("came to the conclusion that": verb and noun)
    const same = out.findIndex((o) => (o.cue.first < cue.cue.last && cue.cue.first < o.cue.last && sameSide(o, cue)) || (o.content.first === cue.content.first && o.content.last === cue.content.last));
    if (same < 0) out.push(cue);
    else if (cue.confidence > out[same]!.confidence) out[same] = cue;
  }
  return out;
}

function sameSide(a: Cue, b: Cue): boolean {
  const side = (x: Cue): number => (x.content.first >= x.cue.last ? 1 : x.content.last <= x.cue.first ? -1 : 0);
  return side(a) === side(b);
}

function closeForward(c: Context, a: Cue, group: Cue[]): void {
  for (const b of group) {
    if (b === a) continue;
    const start = b.clause;
    if (start <= a.content.first || start >= a.content.last) continue;
    const preposed = b.content.last <= b.cue.first;
    if (preposed && b.content.first <= a.cue.first) {
      // "X said A, the agency said": A ends where the relaying clause begins
      a.content.last = start;
      return;
    }
    // "X said A, adding that B": a participle of the same subject after a comma ends A
    if (b.rule.startsWith('participle-main-subject') && c.tokens[start - 1]?.text === ',' && c.quoteOf[start - 1] === -1) {
      a.content.last = start - 1;
      return;
    }
    // ", and Y said B" / "; Y said B" / ", with Y saying B": a sibling clause ends A
    let k = start - 1;
    while (k > a.content.first && tagIs(c, k, POS.ADV)) k--;
    const t = c.tokens[k]!;
    const withClause = t.lower === 'with' && c.tokens[k - 1]?.text === ',';
    if (t.text === ';' || withClause || (tagIs(c, k, POS.CCONJ) && (c.tokens[k - 1]?.text === ',' || b.source !== null))) {
      a.content.last = c.tokens[k - 1]?.text === ',' ? k - 1 : k;
      return;
    }
  }
}

/**
 * "X says the economy is strong, but critics disagree": a clause after ", but", ", while",
 * ", whereas" or ";" sets the reporter's counterpoint against the content, and ends it (", while
 * standing ..." opens no clause and stays).
 */
function closeAtContrast(c: Context, a: Cue): void {
  for (let k = a.content.first + 1; k + 1 < a.content.last; k++) {
    if (c.quoteOf[k] !== -1) continue;
    const t = c.tokens[k]!;
    const contrast = t.text === ';' || ((t.lower === 'but' || t.lower === 'while' || t.lower === 'whereas') && c.tokens[k - 1]!.text === ',');
    // ", though the group denies it": a concession ends the content when someone else speaks in it
    // (", though it would take time" may be the source's own)
    const concession = (t.lower === 'though' || t.lower === 'although') && c.tokens[k - 1]!.text === ',' && hasSpeechVerb(c, k + 2, a.content.last);
    if ((contrast || concession) && opensClause(c, k + 1, a.content.last)) {
      a.content.last = t.text === ';' ? k : k - 1;
      return;
    }
  }
}

/** A verb of speech in the clause that starts at `first` (its first dozen words, up to a comma). */
function hasSpeechVerb(c: Context, first: number, last: number): boolean {
  for (let k = first; k < last && k < first + 12 && c.tokens[k]!.text !== ','; k++) {
    if (c.quoteOf[k] === -1 && isVerb(c, k) && (SPEECH_LEMMAS.has(c.lemma(k)) || SPEECH_ACT_LEMMAS.has(c.lemma(k)))) return true;
  }
  return false;
}

/**
 * "X told a crowd that tariffs had hurt farmers, and vowed to fight them": a verb without a subject
 * after ", and" or ", but" goes on the cue's clause, not the content's, and ends the content; so
 * does a clause after a quotation whose subject is the source named again ('"...," and he promised').
 */
function closeAtSharedVerb(c: Context, a: Cue): void {
  for (let k = a.content.first + 2; k + 1 < a.content.last; k++) {
    if (c.quoteOf[k] !== -1 || !tagIs(c, k, POS.CCONJ)) continue;
    const p = c.tokens[k - 1]!;
    // the comma, or a quotation that ends with it ('had "gutted the heartland," and vowed')
    const comma = p.text === ',' && c.quoteOf[k - 1] === -1;
    const quotationComma = p.kind === 'quote' && p.quoteRole === 'close' && c.tokens[k - 2]!.text === ',';
    if (!comma && !quotationComma) {
      if (isParallelSpeechVerb(c, a, k + 1)) {
        a.content.last = k;
        return;
      }
      continue;
    }
    let v = k + 1;
    // '"...," and he promised ...': after the quoted words, the source named again as subject
    // narrates (without the quotation "said A, and she voted ..." may still report her words)
    const m = c.ents.mentionAt[v]!;
    if (quotationComma && m !== -1 && a.source && sameSource(c, { mention: m, first: v, last: c.ents.mentions[m]!.last }, a.source) && a.source.mention >= 0) v = c.ents.mentions[m]!.last;
    while (v < a.content.last && tagIs(c, v, POS.ADV, POS.AUX)) v++;
    if (v < a.content.last && isVerb(c, v) && !c.tokens[v]!.lower.endsWith('ing') && (v > k + 1 || !tagIs(c, v - 1, POS.AUX))) {
      a.content.last = comma ? k - 1 : k;
      return;
    }
  }
}

/**
 * "wrote that the ruling was unfair and vowed to appeal", "acknowledged that X but blamed Y": with
 * no comma, a verb of speech after "and" or "but" in the cue's own tense is the source's next act
 * (a verb in another tense or form, "said prices rose and would rise", stays in the content).
 */
function isParallelSpeechVerb(c: Context, a: Cue, v: number): boolean {
  while (v < a.content.last && tagIs(c, v, POS.ADV)) v++;
  if (v >= a.content.last || c.quoteOf[v] !== -1 || !isVerb(c, v)) return false;
  const lemma = c.lemma(v);
  if (!REPORTING_LEMMAS.has(lemma) && !SPEECH_ACT_LEMMAS.has(lemma)) return false;
  const form = verbForm(c.tokens[v]!.lower, lemma);
  return form !== 'other' && form === verbForm(c.tokens[a.cue.last - 1]!.lower, c.lemma(a.cue.last - 1));
}

function verbForm(lower: string, lemma: string): 'past' | 'present' | 'other' {
  if (lower === lemma || lower.endsWith('ing')) return 'other';
  if (lower === `${lemma}s` || lower === `${lemma}es`) return 'present';
  return 'past';
}

/**
 * "said the cut would take effect in January, a claim disputed by analysts": a noun phrase set off
 * after the content that names it as a claim, an assertion or a prediction is the reporter's
 * comment on the words, not part of them.
 */
function closeAtSummary(c: Context, a: Cue): void {
  for (let k = a.content.first + 2; k + 2 < a.content.last; k++) {
    if (c.tokens[k]!.text !== ',' || c.quoteOf[k] !== -1) continue;
    const det = c.tokens[k + 1]!.lower;
    if (det !== 'a' && det !== 'an') continue;
    let n = k + 2;
    while (n < a.content.last - 1 && n < k + 5 && tagIs(c, n, POS.ADJ, POS.ADV)) n++;
    if (c.quoteOf[n] !== -1 || !tagIs(c, n, POS.NOUN)) continue;
    const lemma = c.lemma(n);
    if (REPORTING_LEMMAS.has(lemma) || nominalOfReporting(lemma) !== null) {
      a.content.last = k;
      return;
    }
  }
}

/** A content that starts or ends inside a quotation takes the whole quotation. */
function snapToQuotations(c: Context, quotations: Quotation[], a: Cue): void {
  const f = c.quoteOf[a.content.first]!;
  if (f !== -1 && quotations[f]!.open < a.content.first && quotations[f]!.block === c.tokens[a.content.first]!.block) a.content.first = quotations[f]!.open;
  const l = c.quoteOf[a.content.last - 1]!;
  if (l !== -1) {
    const q = quotations[l]!;
    const end = q.close >= 0 ? q.close + 1 : q.last;
    if (end > a.content.last && end <= c.blockTokens[q.block]!.last) a.content.last = end;
  }
}

/** Punctuation at the content's end that only separates it from what follows. */
function trim(c: Context, a: Cue): void {
  while (a.content.last > a.content.first && TRAILING.has(c.tokens[a.content.last - 1]!.text) && c.quoteOf[a.content.last - 1] === -1) a.content.last--;
}

function hasWords(c: Context, first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    const k = c.tokens[i]!.kind;
    if (k === 'word' || k === 'num') return true;
  }
  return false;
}

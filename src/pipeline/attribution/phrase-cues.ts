// Stage: cues that are phrases around a source rather than a verb with a subject: "according to
// X", "in the words of X", "as X put it" / "as X said". The phrase opens its clause (content after
// it), closes it (content before it), or stands inside it (content around it).

import { REPORTING_LEMMAS } from '../data/speech.js';
import { POS } from '../pos.js';
import { isParticipleBeforePreposition, isVerb, sentenceOf, tagIs, type Context } from './context.js';
import type { Cue, Quotation } from './model.js';
import { nounPhraseStartingAt, sourceOfNounPhrase, type NounPhrase } from './noun-phrases.js';
import { isOneQuotation } from './preposed.js';

export function findPhraseCues(c: Context, quotations: Quotation[]): Cue[] {
  const cues: Cue[] = [];
  const { tokens } = c;
  for (let i = 0; i < tokens.length; i++) {
    if (c.quoteOf[i] !== -1 || tokens[i]!.kind !== 'word') continue;
    const l = tokens[i]!.lower;
    const end = sentenceOf(c, i).last;
    if (l === 'according' && tokens[i + 1]?.lower === 'to') {
      const np = withModifiers(c, nounPhraseStartingAt(c, i + 2, end, true), end);
      if (np) add(c, quotations, cues, i, i + 2, np, withApposition(c, np.last, end), 'according-to', 0.9);
    } else if (l === 'in' && tokens[i + 1]?.lower === 'the' && tokens[i + 2]?.lower === 'words' && tokens[i + 3]?.lower === 'of') {
      const np = withModifiers(c, nounPhraseStartingAt(c, i + 4, end, true), end);
      if (np) add(c, quotations, cues, i, i + 4, np, withApposition(c, np.last, end), 'in-the-words-of', 0.85);
    } else if (l === 'as' && !tagIs(c, i - 1, POS.ADV, POS.ADJ)) {
      // "as X put it", "as the minister said": a subject, then a reporting verb that ends the phrase
      const np = nounPhraseStartingAt(c, i + 1, end);
      if (!np) continue;
      const v = np.last;
      if (!isVerb(c, v)) continue;
      const lemma = c.lemma(v);
      if (!REPORTING_LEMMAS.has(lemma) && lemma !== 'put') continue;
      let last = v + 1;
      if (tokens[last]?.lower === 'it') last++;
      const nx = tokens[last];
      if (nx && nx.sentence === tokens[i]!.sentence && nx.text !== ',' && nx.kind !== 'punct') continue;
      add(c, quotations, cues, i, last, np, last, 'as-source-put-it', 0.8, np.last);
    }
  }
  return cues;
}

/** Prepositional phrases the source's phrase may have, with a participle before them. */
const MAX_MODIFIERS = 3;

/**
 * "according to a person familiar with the matter", "according to documents obtained by the
 * Herald": the source's phrase goes on over its prepositional modifiers (and a participle that
 * takes one); the core stays the phrase before them.
 */
function withModifiers(c: Context, np: NounPhrase | null, end: number): NounPhrase | null {
  if (!np) return null;
  let k = np.last;
  for (let hop = 0; hop < MAX_MODIFIERS && k < end && c.quoteOf[k] === -1; hop++) {
    let p = k;
    if (isParticipleBeforePreposition(c, p)) p++;
    if (!tagIs(c, p, POS.ADP) || c.tokens[p]!.lower === 'that') break;
    const pp = nounPhraseStartingAt(c, p + 1, end, true);
    if (!pp) break;
    k = pp.last;
  }
  return k === np.last ? np : { first: np.first, last: k, coreLast: np.coreLast };
}

/** "according to the coach, Jane Doe, ...": the phrase goes on over an apposition. */
function withApposition(c: Context, k: number, end: number): number {
  if (c.tokens[k]?.text !== ',') return k;
  const m = c.ents.mentionAt[k + 1] ?? -1;
  if (m >= 0 && c.ents.mentions[m]!.type === 'PERSON' && c.tokens[c.ents.mentions[m]!.last]?.text === ',' && c.ents.mentions[m]!.last < end) return c.ents.mentions[m]!.last;
  // "according to Jane Doe, the city's budget director, ...": a description set off after it
  // (opening with a determiner or a possessor, unlike the content's subject, it has no verb before its comma)
  if (tagIs(c, k + 1, POS.DET) || c.tokens[k + 2]?.kind === 'poss') {
    const np = nounPhraseStartingAt(c, k + 1, end);
    if (np && np.last < end && c.tokens[np.last]?.text === ',' && c.quoteOf[np.last] === -1) return np.last;
  }
  // "according to Jane Doe, who chairs the panel, ...": a relative clause set off after it
  if (c.tokens[k + 1]?.lower === 'who' || c.tokens[k + 1]?.lower === 'which') {
    for (let j = k + 2; j < end && j <= k + 16 && c.quoteOf[j] === -1; j++) if (c.tokens[j]!.text === ',') return j + 1 < end ? j : k;
  }
  return k;
}

function hasVerb(c: Context, from: number, to: number): boolean {
  for (let j = from; j < to && j < from + 12; j++) if (isVerb(c, j) || tagIs(c, j, POS.AUX)) return true;
  return false;
}

function add(c: Context, quotations: Quotation[], cues: Cue[], first: number, cueLast: number, np: NounPhrase, phraseEnd: number, rule: string, confidence: number, sourceLast = np.last): void {
  const s = sentenceOf(c, first);
  const source = sourceOfNounPhrase(c, { ...np, last: sourceLast, coreLast: Math.min(np.coreLast, sourceLast) });
  if (!source) return;
  const prev = first > s.first ? c.tokens[first - 1]! : null;
  const clauseInitial = !prev || prev.lower === 'that' || tagIs(c, first - 1, POS.CCONJ, POS.SCONJ);
  if (clauseInitial && c.tokens[phraseEnd]?.text !== ',') {
    // "according to a posting made a day ago, ...": a modifier of the source before the comma
    for (let j = phraseEnd; j < s.last && j < phraseEnd + 12 && c.quoteOf[j] === -1; j++) {
      if (c.tokens[j]!.text === ',') {
        phraseEnd = j;
        break;
      }
    }
  }
  const after = c.tokens[phraseEnd];
  const goesOn = after?.text === ',' && phraseEnd + 1 < s.last;
  let content: { first: number; last: number } | null = null;
  if (prev && (prev.text === ',' || (prev.kind === 'quote' && prev.quoteRole === 'close'))) {
    // '"...," according to X' / 'Prices will rise, according to X.' / 'Prices, according to X, will rise.'
    const last = prev.text === ',' ? first - 1 : first;
    if (last <= s.first) return;
    const inserted = goesOn && !isOneQuotation(c, quotations, s.first, last) && hasVerb(c, phraseEnd + 1, s.last);
    content = { first: s.first, last: inserted ? s.last : last };
  } else if (clauseInitial && phraseEnd < s.last) {
    // "According to X, prices will rise" (also after "that" or a conjunction, or without the comma)
    content = { first: goesOn ? phraseEnd + 1 : phraseEnd, last: s.last };
  } else if (prev) {
    // "Prices will rise according to X."
    content = { first: s.first, last: first };
  }
  if (!content) return;
  const named = source.mention >= 0;
  cues.push({ cue: { first, last: cueLast }, clause: first, source, via: null, content, rule: named ? rule : `${rule}-unnamed`, confidence: named ? confidence : confidence - 0.2 });
}

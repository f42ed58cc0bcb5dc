// What every attribution stage reads: tokens and sentences, the entity stage's mentions, parts of
// speech and lemmas, and which quotation covers each token.

import { CALENDAR_WORDS } from '../data/common.js';
import { STANCE_ADJECTIVES, TIME_NOUNS } from '../data/speech.js';
import { FORM, POS, tagTokens } from '../pos.js';
import { lemmaOf, mayBeReportingForm } from './lemmas.js';
import type { Quotation } from './model.js';
import { findQuotations } from './quotations.js';
import type { Sentence, Token } from '../tokens.js';
import type { EntityType, MentionKind } from '../types.js';

/** The parts of the entity stage's result that attribution uses. */
export interface EntityMentions {
  entities: { type: EntityType }[];
  mentions: { start: number; end: number; first: number; last: number; entity: number; kind: MentionKind; type: EntityType }[];
  /** For each token, the mention that starts there, or -1. */
  mentionAt: Int32Array;
  /** For each token, the outermost mention covering it, or -1. */
  mentionCover: Int32Array;
}

export interface AttributionInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Per block: first and last+1 token index. */
  blockTokens: { first: number; last: number }[];
  headlineBlocks: Set<number>;
  ents: EntityMentions;
}

export interface Context extends AttributionInput {
  /** A POS code (pos.ts) for each token; words in blanked sentences and inside quotations have none. */
  tag: Uint8Array;
  /** The lemma of token i as far as the lemma sets of data/speech.ts go (lemmas.ts). */
  lemma(i: number): string;
  /** For each token, the quotation whose marks enclose it (marks included), or -1. */
  quoteOf: Int32Array;
  /** The spans in quotation marks, in text order (quotations.ts). */
  quotations: Quotation[];
}

/** Words that may open a cue or its content without being a reporting verb's form. */
const CUE_WORDS = new Set(['that', 'according', 'words', 'put', 'whether']);
/** Nouns that take their content with "of" ("allegations of", "accusations of", "warnings of"). */
const OF_NOUN_START = /^(?:alleg|accus|suspic|warning)/;

/** OF_NOUN_START, with no regular expression for the words whose first letter rules it out (most). */
function ofNounStart(l: string): boolean {
  const c = l.charCodeAt(0);
  return (c === 97 || c === 115 || c === 119) && OF_NOUN_START.test(l);
}

export function buildContext(input: AttributionInput): Context {
  // `lemma` is made here, in the literal, and never replaced: a closure stored over an earlier
  // one kept each document's whole context reachable from V8's long-lived metadata until the next
  // full collection, so every young-generation collection copied and promoted megabytes of dead
  // documents (about a sixth of the pipeline's time went to the collector)
  const c: Context = {
    ...input,
    tag: new Uint8Array(0),
    lemma: (i) => lemmaOf(c.tokens[i]?.lower ?? '', c.tag[i] === POS.NOUN || c.tag[i] === POS.PROPN),
    quoteOf: new Int32Array(input.tokens.length).fill(-1),
    quotations: [],
  };
  // the quotations first: the words inside them need no tags
  c.quotations = findQuotations(c);
  c.tag = tagTokens(input.text, input.tokens, taggingForms(c)).tag;
  return c;
}

/**
 * Whether a sentence can hold a cue: a quotation mark, a colon, "that", "according", a form of a
 * reporting verb. Decided by spelling alone, so that the tagger (the pipeline's costliest step)
 * reads only the sentences attribution can use; the rest is blanked in its copy of the text.
 */
function mayHoldCue(c: Context, first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    const t = c.tokens[i]!;
    if (t.kind === 'quote' || t.text === ':') return true;
    if (t.kind !== 'word') continue;
    const l = t.lower;
    if (CUE_WORDS.has(l) || mayBeReportingForm(l) || ofNounStart(l) || STANCE_ADJECTIVES.has(l)) return true;
  }
  return false;
}

/**
 * How the tagger sees each token (pos.ts FORM). Capitals that say nothing about a word's part of
 * speech are lowered: a sentence's first word and every word of a Title Case or ALL-CAPS line,
 * unless the entity stage found a name there. "Officials said" and "Minister Says Plan Fails" are
 * then tagged like running text. Words no stage reads a tag of are skipped: the insides of
 * quotations (no cue is looked for there) and sentences that cannot hold a cue.
 */
function taggingForms(c: Context): Uint8Array {
  const { tokens, sentences, blockTokens, ents } = c;
  const form = new Uint8Array(tokens.length);
  const holds = sentences.map((s) => mayHoldCue(c, s.first, s.last));
  sentences.forEach((s, i) => {
    if (holds[i]) return;
    // "The report faulted the agency. It said ...": the subject of the sentence before an "It"
    // that may report is the pronoun's source (pronoun-sources.ts), and needs its tags
    const next = sentences[i + 1];
    if (next && holds[i + 1] && tokens[next.first]?.lower === 'it' && tokens[next.first]!.block === tokens[s.first]?.block) return;
    // a paragraph that a quotation opens may take its speaker from the subject of the sentence
    // that ended the paragraph before (fallbacks.ts)
    if (next && tokens[next.first]?.kind === 'quote' && next.block === s.block + 1 && next.first === blockTokens[next.block]?.first) return;
    form.fill(FORM.SKIP, s.first, s.last);
  });
  for (const q of c.quotations) if (q.close > q.first) form.fill(FORM.SKIP, q.first, q.close);
  const lower = new Uint8Array(tokens.length);
  for (const s of sentences) {
    let i = s.first;
    while (i < s.last && tokens[i]!.kind !== 'word') i++;
    if (i < s.last) lower[i] = 1;
  }
  for (const b of blockTokens) {
    let words = 0;
    let capped = 0;
    for (let i = b.first; i < b.last; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'word') continue;
      words++;
      if (t.cap) capped++;
    }
    // a line where most words are capitalised is a headline, a summary or a shouted line
    if (words >= 3 && capped >= 0.7 * words) for (let i = b.first; i < b.last; i++) lower[i] = 1;
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (form[i] === FORM.SKIP || !lower[i] || !t.cap) continue;
    const m = ents.mentionCover[i]!;
    if (m >= 0 && ents.mentions[m]!.kind === 'name') continue;
    form[i] = FORM.LOWER;
  }
  return form;
}

export function isWord(c: Context, i: number): boolean {
  const t = c.tokens[i];
  return !!t && t.kind === 'word';
}

export function lowerAt(c: Context, i: number): string {
  return c.tokens[i]?.lower ?? '';
}

/** The tag of token i is one of the codes given (up to six: named parameters, not a rest array, which would be allocated on each of its many calls). */
export function tagIs(c: Context, i: number, a: number, b = -1, d = -1, e = -1, f = -1, g = -1): boolean {
  if (i < 0 || i >= c.tokens.length) return false;
  const tag = c.tag[i]!;
  return tag === a || tag === b || tag === d || tag === e || tag === f || tag === g;
}

/** A verb the tagger found, or a reporting lemma it took for a noun right after a subject. */
export function isVerb(c: Context, i: number): boolean {
  return tagIs(c, i, POS.VERB);
}

/** Spelt like a regular past participle ("released", "seen", "shown"). */
export function hasParticipleEnding(lower: string): boolean {
  return /(?:ed|en|wn)$/.test(lower);
}

/**
 * A participle that takes a prepositional phrase after a noun phrase ("a statement posted on its
 * website", "documents obtained by the Ledger"): it modifies the noun, and the phrase goes on.
 */
export function isParticipleBeforePreposition(c: Context, k: number): boolean {
  return c.quoteOf[k] === -1 && isVerb(c, k) && hasParticipleEnding(c.tokens[k]!.lower) && tagIs(c, k + 1, POS.ADP);
}

/** The word names a time ("Friday", "morning", "last week", "2019"): never a source. */
export function isTimeWord(c: Context, i: number): boolean {
  const t = c.tokens[i];
  if (!t) return false;
  if (t.kind === 'num') return true;
  const l = t.lower.endsWith('.') ? t.lower.slice(0, -1) : t.lower;
  return TIME_NOUNS.has(l) || CALENDAR_WORDS.has(l);
}

export function sentenceOf(c: Context, i: number): Sentence {
  return c.sentences[c.tokens[i]!.sentence]!;
}

/** The mention that ends exactly at token k (the outermost first), or -1. */
export function mentionEndingAt(c: Context, k: number): number {
  const { mentions, mentionCover } = c.ents;
  const mi = mentionCover[k] ?? -1;
  if (mi < 0) return -1;
  if (mentions[mi]!.last - 1 === k) return mi;
  for (let x = mi; x < mentions.length && mentions[x]!.first <= k; x++) if (mentions[x]!.last - 1 === k) return x;
  return -1;
}

/** The mention that starts exactly at token k, or -1. */
export function mentionStartingAt(c: Context, k: number): number {
  return c.ents.mentionAt[k] ?? -1;
}

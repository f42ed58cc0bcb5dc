// What every attribution stage reads: tokens and sentences, the entity stage's mentions, parts of
// speech and lemmas, and which quotation covers each token.

import { CALENDAR_WORDS } from '../data/common.js';
import { TIME_NOUNS } from '../data/speech.js';
import { POS, tagTokens } from '../pos.js';
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
  tag: Uint8Array;
  lemma(i: number): string;
  /** For each token, the quotation whose marks enclose it (marks included), or -1. */
  quoteOf: Int32Array;
}

export function buildContext(input: AttributionInput): Context {
  const { tag, lemma } = tagTokens(taggingCopy(input), input.tokens);
  return { ...input, tag, lemma, quoteOf: new Int32Array(input.tokens.length).fill(-1) };
}

/**
 * A same-length copy of the text for the tagger, with capitals that say nothing about a word's
 * part of speech lowered: a sentence's first word and every word of a Title Case or ALL-CAPS line,
 * unless the entity stage found a name there. "Officials said" and "Minister Says Plan Fails" are
 * then tagged like running text.
 */
function taggingCopy(input: AttributionInput): string {
  const { text, tokens, sentences, blockTokens, ents } = input;
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
  const parts: string[] = [];
  let pos = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!lower[i] || !t.cap) continue;
    const m = ents.mentionCover[i]!;
    if (m >= 0 && ents.mentions[m]!.kind === 'name') continue;
    const l = t.text.toLowerCase();
    if (l.length !== t.end - t.start) continue;
    parts.push(text.slice(pos, t.start), l);
    pos = t.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}

export function isWord(c: Context, i: number): boolean {
  const t = c.tokens[i];
  return !!t && t.kind === 'word';
}

export function lowerAt(c: Context, i: number): string {
  return c.tokens[i]?.lower ?? '';
}

export function tagIs(c: Context, i: number, ...codes: number[]): boolean {
  return i >= 0 && i < c.tokens.length && codes.includes(c.tag[i]!);
}

/** A verb the tagger found, or a reporting lemma it took for a noun right after a subject. */
export function isVerb(c: Context, i: number): boolean {
  return tagIs(c, i, POS.VERB);
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

// Stage 0: where capitals say nothing. In a headline, in a Title Case line (a summary or a
// headline where every word is capitalised) and in an ALL-CAPS line, a capital is no evidence of a
// name; such sentences are "caseless" and the later stages judge their words by what the rest of
// the article and the word lists say. ALL-CAPS words of such lines, and ALL-CAPS runs that look
// like a person's name elsewhere ("said MARIA LOPEZ"), are seen in Title Case (a view of the
// tokens; the tokens themselves are shared with the other stages and never changed), so that
// "MARIA LOPEZ" is a person's name, not two abbreviations.

import { COMMON_WORDS, NON_ENTITY_ACRONYMS } from '../data/common.js';
import { isEnglishWord, isGivenName, isNameLike, lookupPlace, PROPER_WORDS } from '../gazetteer.js';
import type { Sentence, Token } from '../tokens.js';
import { isLowerBrand } from './kind-cues.js';

export interface CaseView {
  /** The tokens as the entity stages see them (ALL-CAPS words of names in Title Case). */
  tokens: Token[];
  /**
   * Per sentence: 0 ordinary; 1 a headline in sentence case (its capitals mostly names, but a
   * headline also capitalises common words); 2 Title Case or ALL-CAPS (capitals say nothing).
   */
  caseless: Uint8Array;
  /** The words the article writes in lower case (read once here, and by document-evidence.ts). */
  lowerWords: LowerCaseWords;
}

export interface LowerCaseWords {
  /** Words written in lower case somewhere, lower-case brands ("eBay") aside. */
  plain: Set<string>;
  /** Lower-case brands, as their lower-case forms ("ebay"): mostly none. */
  brands: Set<string>;
}

/** Words of a sentence counted for its case: a line of fewer words is judged as it stands. */
const MIN_WORDS = 4;
/** Share of words that must be capitalised (Title Case) or all capitals (ALL-CAPS). */
const CASELESS_SHARE = 0.8;
/** Capitalised ordinary words needed (at least this many, and this share of the capitalised ones). */
const MIN_ORDINARY = 2;
const ORDINARY_SHARE = 0.3;
/** Short words English Title Case leaves in lower case. */
const TITLE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'so', 'yet', 'as', 'at', 'by', 'in', 'of', 'off', 'on', 'per', 'to', 'up', 'via', 'with', 'from', 'into', 'over', 'vs']);

export function buildCaseView(tokens: Token[], sentences: Sentence[], headlineBlocks: Set<number>): CaseView {
  const caseless = new Uint8Array(sentences.length);
  // abbreviations written in capitals in ordinary text: they stay abbreviations in ALL-CAPS lines
  const acronyms = new Set<string>();
  // words the article writes in lower case: capitalised, they are capitalised by the line's style
  const lowerWords: LowerCaseWords = { plain: new Set<string>(), brands: new Set<string>() };
  for (const t of tokens) if (t.kind === 'word' && !t.cap) (isLowerBrand(t) ? lowerWords.brands : lowerWords.plain).add(t.lower);
  const kinds: ('title' | 'caps' | null)[] = sentences.map((s) => sentenceCase(tokens, s, lowerWords, headlineBlocks.has(s.block)));
  sentences.forEach((s, si) => {
    if (kinds[si] !== null) return;
    for (let k = s.first; k < s.last; k++) if (tokens[k]!.allCaps) acronyms.add(tokens[k]!.lower);
  });
  let view: Token[] | null = null;
  const recase = (k: number): void => {
    const t = tokens[k]!;
    if (!view) view = tokens.slice();
    view[k] = { ...t, text: titleCase(t.text), allCaps: false };
  };
  sentences.forEach((s, si) => {
    if (kinds[si] !== null) caseless[si] = 2;
    else if (headlineBlocks.has(s.block)) caseless[si] = 1;
    if (kinds[si] === 'caps') {
      for (let k = s.first; k < s.last; k++) {
        const t = tokens[k]!;
        if (t.allCaps && !acronyms.has(t.lower) && !NON_ENTITY_ACRONYMS.has(t.lower) && (t.text.length > 3 || isEnglishWord(t.lower) || isGivenName(t.lower) || lookupPlace(t.lower))) recase(k);
      }
      return;
    }
    // "said MARIA LOPEZ": capitals for a person's name in ordinary text
    for (let k = s.first; k < s.last; k++) {
      if (!tokens[k]!.allCaps || !isGivenName(tokens[k]!.lower)) continue;
      let e = k + 1;
      while (e < s.last && e - k < 4 && tokens[e]!.allCaps && (isNameLike(tokens[e]!.lower) || isGivenName(tokens[e]!.lower)) && !NON_ENTITY_ACRONYMS.has(tokens[e]!.lower)) e++;
      if (e - k >= 2) for (let x = k; x < e; x++) recase(x);
      k = e - 1;
    }
  });
  return { tokens: view ?? tokens, caseless, lowerWords };
}

/** The first UTF-16 unit is a letter (ASCII without a regular expression). */
function startsWithLetter(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /\p{L}/u.test(w[0]!);
}

function titleCase(w: string): string {
  return w.replace(/\p{L}+/gu, (p) => p[0]! + p.slice(1).toLowerCase());
}

/** 'title' when nearly every word is capitalised, 'caps' when nearly every word is in capitals. */
/**
 * `headline`: the sentence is in the article's headline, which is mostly written in Title Case:
 * there a capitalised English word (no proper name, given name or place) counts as ordinary even
 * when the short article never writes it in lower case ("Judge Tosses Suit"). So does a word of
 * four letters or more in capitals that is an English word, in any line ("HOUSE PASSES MEASURE").
 */
function sentenceCase(tokens: Token[], s: Sentence, lowerWords: LowerCaseWords, headline: boolean): 'title' | 'caps' | null {
  const { plain, brands } = lowerWords;
  let words = 0;
  let caps = 0;
  let upper = 0;
  // capitalised ordinary words ("Says", "New", "Plan") that the article also writes in lower case:
  // a list of names or a photo credit is capitalised too, but has few
  let ordinary = 0;
  for (let k = s.first; k < s.last; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || !startsWithLetter(t.text)) continue;
    if (TITLE_SMALL_WORDS.has(t.lower) && !t.cap) continue;
    words++;
    if (t.cap) caps++;
    if (t.allCaps || (t.cap && t.text.length === 1)) upper++;
    if (t.cap && k > s.first && (COMMON_WORDS.has(t.lower) || plain.has(t.lower) || (brands.size > 0 && brands.has(t.lower)) || ((headline || (t.allCaps && t.text.length >= 4)) && isEnglishWord(t.lower) && !lookupPlace(t.text))) && !PROPER_WORDS.has(t.lower) && !isGivenName(t.lower)) ordinary++;
  }
  if (words < MIN_WORDS || ordinary < Math.max(MIN_ORDINARY, caps * ORDINARY_SHARE)) return null;
  if (upper >= words * CASELESS_SHARE) return 'caps';
  if (caps >= words * CASELESS_SHARE) return 'title';
  return null;
}

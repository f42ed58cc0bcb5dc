// Tokens and sentences, hand-written for speed. Works on the matching copy of the text (same
// length as the original), so token offsets are offsets into the original text (UTF-16).

import { OTHER_ABBREVIATIONS, TITLE_ABBREVIATIONS, US_STATE_ABBREVIATIONS } from './data/abbreviations.js';
import { INVERTABLE_SPEECH_VERBS } from './data/speech.js';

export type TokenKind = 'word' | 'num' | 'punct' | 'quote' | 'poss';

export interface Token {
  start: number;
  end: number;
  text: string;
  lower: string;
  kind: TokenKind;
  /** First character is an upper-case letter. */
  cap: boolean;
  /** Two or more letters, all upper case. */
  allCaps: boolean;
  /** For quote tokens: whether the mark opens or closes a quotation (undefined on every other token). */
  quoteRole: 'open' | 'close' | undefined;
  /** Index of the paragraph (block) holding the token. */
  block: number;
  /** Index of the sentence holding the token. */
  sentence: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** First and last+1 token index. */
  first: number;
  last: number;
  block: number;
}

const IS_WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;
const IS_UPPER = /\p{Lu}/u;
const IS_LOWER = /\p{Ll}/u;
const DOUBLE_QUOTES = '"\u201c\u201d\u201e\u201f\u00ab\u00bb';
const SINGLE_QUOTES = "'\u2018\u2019\u201a\u201b\u2039\u203a";

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d || c === 0xa0 || c === 0x0b || c === 0x0c || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x3000;
}

/** For each character of the Basic Multilingual Plane: 0 not yet asked, 1 a letter, mark or digit, 2 not. */
const BMP_WORD_CHAR = new Uint8Array(0x10000);

/**
 * How many UTF-16 units the letter, mark or digit at i takes (a surrogate pair takes 2), or 0 when
 * there is none. Written out instead of a Unicode regular expression over the text: tokenizing is
 * most of the pipeline's per-character work, and ASCII needs no look-up at all.
 */
function wordCharAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdfff) {
    const d = text.charCodeAt(i + 1);
    if (c >= 0xdc00 || !(d >= 0xdc00 && d <= 0xdfff)) return 0; // a lone surrogate
    return IS_WORD_CHAR.test(text.slice(i, i + 2)) ? 2 : 0;
  }
  let known = BMP_WORD_CHAR[c]!;
  if (known === 0) BMP_WORD_CHAR[c] = known = IS_WORD_CHAR.test(text[i]!) ? 1 : 2;
  return known === 1 ? 1 : 0;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * A comma that separates thousands ("40,000", "1,250,000"): a digit before it and exactly three
 * after. It belongs to the number, and no clause or list ends there.
 */
function thousandsGroupAt(text: string, j: number): boolean {
  return isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1)) && isDigit(text.charCodeAt(j + 2)) && isDigit(text.charCodeAt(j + 3)) && !isDigit(text.charCodeAt(j + 4));
}

/** End of the word at i (which holds a word character): letters, marks and digits, joined by single - ' . & */
function wordEnd(text: string, i: number): number {
  let j = i;
  for (;;) {
    for (let n = wordCharAt(text, j); n > 0; n = wordCharAt(text, j)) j += n;
    const c = text.charCodeAt(j);
    if ((c === 0x2d || c === 0x27 || c === 0x2e || c === 0x26) && wordCharAt(text, j + 1) > 0) j++;
    else if (c === 0x2c && thousandsGroupAt(text, j)) j++;
    else return j;
  }
}

/** Two or more capitals and no lower-case letter ("NATO", "U.S."), for a word that starts with a capital. */
function isAllCaps(text: string): boolean {
  let upper = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) return !IS_LOWER.test(text) && /\p{Lu}.*\p{Lu}/su.test(text);
    if (c >= 97 && c <= 122) return false;
    if (c >= 65 && c <= 90) upper++;
  }
  return upper >= 2;
}

function makeWord(text: string, start: number, end: number, block: number): Token {
  const c0 = text.charCodeAt(0);
  const isNum = c0 >= 48 && c0 <= 57;
  const cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : IS_UPPER.test(text[0]!);
  const allCaps = cap && text.length >= 2 && isAllCaps(text);
  return { start, end, text, lower: lowerCase(text), kind: isNum ? 'num' : 'word', cap, allCaps, quoteRole: undefined, block, sentence: -1 };
}

/** text.toLowerCase(), without the call (and a new string) for ASCII text that has no capital: most words. */
function lowerCase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return text.toLowerCase();
  }
  return text;
}

/**
 * Where a clitic's apostrophe starts in a word, or -1: the last "'" among its last three
 * characters, not the first ("Russia's", "doesn't", "we'll"). Written out because lastIndexOf
 * is a call into the runtime, and this runs for every word.
 */
function cliticApostrophe(w: string): number {
  for (let k = w.length - 1; k >= 1 && k >= w.length - 3; k--) if (w.charCodeAt(k) === 0x27) return k;
  return -1;
}

/**
 * A capitalised state abbreviation right after "City, " ("Springfield, Ill."): its period is part
 * of it. Only there, since several are also words ("ill", "mass", "wash") that end sentences.
 */
function stateAfterCity(norm: string, i: number, w: string, lower: string): boolean {
  if (!US_STATE_ABBREVIATIONS.has(lower)) return false;
  const c0 = w.charCodeAt(0);
  if (!(c0 >= 65 && c0 <= 90)) return false;
  let k = i - 1;
  while (k >= 0 && norm.charCodeAt(k) === 0x20) k--;
  if (norm.charCodeAt(k) !== 0x2c) return false;
  k--;
  while (k >= 0 && norm.charCodeAt(k) === 0x20) k--;
  const before = norm.charCodeAt(k);
  // the word before the comma: we only look at its last letter (a lower-case one ends "Springfield")
  return (before >= 97 && before <= 122) || (before >= 65 && before <= 90) || before >= 128;
}

/**
 * A word that opens a legislator's party tag: the party's initial, a hyphen and a capital ("R-Ohio",
 * "D-Calif.", "D-N.Y.", the "D-San" of "D-San Diego").
 */
export function opensPartyTag(text: string): boolean {
  return /^[DRI]-\p{Lu}/u.test(text);
}

/** A legislator's party and state, "R-Ind." or "D-Calif.": its period belongs to the state's abbreviation. */
function isPartyTag(lower: string): boolean {
  const c0 = lower.charCodeAt(0);
  return lower.length > 3 && (c0 === 114 || c0 === 100 || c0 === 105) && lower.charCodeAt(1) === 0x2d && US_STATE_ABBREVIATIONS.has(lower.slice(2));
}

/** Tokenizes `norm` (the matching copy) between `from` and `to`, tagging tokens with `block`. */
export function tokenize(norm: string, from: number, to: number, block: number, out: Token[]): void {
  let i = from;
  while (i < to) {
    const c = norm.charCodeAt(i);
    if (isWs(c)) {
      i++;
      continue;
    }
    const ch = norm[i]!;
    if (wordCharAt(norm, i) > 0) {
      let end = wordEnd(norm, i);
      if (end > to) end = to;
      let w = norm.slice(i, end);
      // possessive / clitic: split "Russia's" -> "Russia" "'s"; "doesn't" -> "doesn" "'t"
      const apo = cliticApostrophe(w);
      if (apo > 0 && /^(?:s|t|d|ll|re|ve|m)$/i.test(w.slice(apo + 1))) {
        out.push(makeWord(w.slice(0, apo), i, i + apo, block));
        const t = w.slice(apo);
        out.push({ start: i + apo, end, text: t, lower: t.toLowerCase(), kind: 'poss', cap: false, allCaps: false, quoteRole: undefined, block, sentence: -1 });
        i = end;
        continue;
      }
      // absorb a period after abbreviations: "U.S.", "Mr.", "L." (initial)
      if (end < to && norm.charCodeAt(end) === 0x2e && norm.charCodeAt(end + 1) !== 0x2e) {
        const lower = w.toLowerCase();
        const dotted = w.indexOf('.') > 0 && /\.[\p{L}]$/u.test(w);
        const initial = w.length === 1 && IS_UPPER.test(w);
        if (dotted || initial || TITLE_ABBREVIATIONS.has(lower) || OTHER_ABBREVIATIONS.has(lower) || stateAfterCity(norm, i, w, lower) || isPartyTag(lower)) {
          w += '.';
          end++;
        }
      }
      out.push(makeWord(w, i, end, block));
      i = end;
      continue;
    }
    // punctuation
    if (ch === '.' && norm[i + 1] === '.') {
      let j = i;
      while (j < to && norm[j] === '.') j++;
      out.push({ start: i, end: j, text: '...', lower: '...', kind: 'punct', cap: false, allCaps: false, quoteRole: undefined, block, sentence: -1 });
      i = j;
      continue;
    }
    if (ch === '-' && norm[i + 1] === '-') {
      let j = i;
      while (j < to && norm[j] === '-') j++;
      out.push({ start: i, end: j, text: '--', lower: '--', kind: 'punct', cap: false, allCaps: false, quoteRole: undefined, block, sentence: -1 });
      i = j;
      continue;
    }
    const len = c >= 0xd800 && c <= 0xdbff && i + 1 < to ? 2 : 1;
    const t = norm.slice(i, i + len);
    const isQuote = DOUBLE_QUOTES.indexOf(t) >= 0 || (SINGLE_QUOTES.indexOf(t) >= 0 && len === 1);
    // a lone "s"/"t" after a word where the apostrophe was lost altogether is handled by the entity stage
    out.push({ start: i, end: i + len, text: t, lower: t, kind: isQuote ? 'quote' : 'punct', cap: false, allCaps: false, quoteRole: undefined, block, sentence: -1 });
    i += len;
  }
}

const OPEN_BRACKETS = '([{';
const SENT_END = new Set(['.', '!', '?', '...', '\u2026']);

/** Common words that start sentences after an abbreviation such as "U.S." */
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'this', 'that', 'these', 'those', 'but', 'and', 'in',
  'on', 'at', 'his', 'her', 'their', 'its', 'our', 'there', 'if', 'when', 'while', 'after', 'before', 'as', 'for', 'however',
]);

/** Splits the tokens of one block into sentences and marks each token's sentence. */
export function splitSentences(tokens: Token[], first: number, last: number, block: number, sentences: Sentence[]): void {
  let s = first;
  let i = first;
  while (i < last) {
    const t = tokens[i]!;
    let boundary = false;
    if (t.kind === 'punct' && SENT_END.has(t.text)) {
      boundary = true;
    } else if (t.kind === 'word' && t.text.endsWith('.') && !TITLE_ABBREVIATIONS.has(t.lower.slice(0, -1))) {
      // "U.S." or "Inc." at the end of a sentence: only when a common sentence starter follows
      const nx = nextWord(tokens, i + 1, last);
      boundary = nx !== null && nx.cap && SENTENCE_STARTERS.has(nx.lower);
    }
    if (boundary) {
      // absorb closing quotes and brackets and further end marks
      let j = i + 1;
      while (j < last) {
        const u = tokens[j]!;
        if ((u.kind === 'punct' && (SENT_END.has(u.text) || u.text === ')' || u.text === ']')) || (u.kind === 'quote' && u.quoteRole === 'close')) j++;
        else break;
      }
      // the next token must look like the start of a sentence
      const nx = j < last ? tokens[j]! : null;
      let ok = nx === null;
      if (nx) {
        if (nx.cap || nx.kind === 'num' || OPEN_BRACKETS.indexOf(nx.text) >= 0 || (nx.kind === 'quote' && nx.quoteRole === 'open')) ok = true;
        if (t.text === '...' && !nx.cap) ok = false;
        // '"Shut it down!" Trump wrote.': a quotation ending in ! or ? and its cue are one sentence
        if (ok && j > i + 1 && tokens[j - 1]!.kind === 'quote' && t.text !== '.' && cueFollows(tokens, j, last)) ok = false;
      }
      if (ok) {
        pushSentence(tokens, s, j, block, sentences);
        s = j;
      }
      i = j;
      continue;
    }
    i++;
  }
  if (s < last) pushSentence(tokens, s, last, block, sentences);
}

/** Up to three capitalised words then a speech verb: "Trump wrote", "Ana Ruiz asked". */
function cueFollows(tokens: Token[], j: number, last: number): boolean {
  let k = j;
  while (k < last && k < j + 3 && tokens[k]!.kind === 'word' && tokens[k]!.cap) k++;
  return k > j && k < last && tokens[k]!.kind === 'word' && INVERTABLE_SPEECH_VERBS.has(tokens[k]!.lower);
}

function nextWord(tokens: Token[], i: number, last: number): Token | null {
  for (; i < last; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word' || t.kind === 'num') return t;
    if (t.kind === 'punct') return null;
  }
  return null;
}

function pushSentence(tokens: Token[], a: number, b: number, block: number, sentences: Sentence[]): void {
  const idx = sentences.length;
  for (let k = a; k < b; k++) tokens[k]!.sentence = idx;
  sentences.push({ start: tokens[a]!.start, end: tokens[b - 1]!.end, first: a, last: b, block });
}

/**
 * Decides for every quote token of one block whether it opens or closes a quotation, from the
 * characters around it, then by alternation for straight marks.
 */
export function assignQuoteRoles(norm: string, tokens: Token[], first: number, last: number): void {
  let open = false;
  for (let i = first; i < last; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'quote') continue;
    const ch = t.text;
    const before = t.start > 0 ? norm[t.start - 1]! : ' ';
    const after = t.end < norm.length ? norm[t.end]! : ' ';
    const spaceBefore = /[\s([{\u2014\u2013\-]/u.test(before) || t.start === 0;
    const spaceAfter = /[\s)\]}.,;:!?\u2014\u2013\-]/u.test(after) || t.end >= norm.length;
    if (ch === '\u201c' || ch === '\u00ab' || ch === '\u201e' || ch === '\u2018') {
      t.quoteRole = 'open';
    } else if (ch === '\u201d' || ch === '\u00bb') {
      t.quoteRole = 'close';
    } else if (ch === '\u2019') {
      t.quoteRole = spaceBefore && !spaceAfter ? 'open' : 'close';
    } else if (spaceBefore && !spaceAfter) {
      t.quoteRole = 'open';
    } else if (!spaceBefore && spaceAfter) {
      t.quoteRole = 'close';
    } else {
      t.quoteRole = open ? 'close' : 'open';
    }
    if (DOUBLE_QUOTES.indexOf(ch) >= 0) open = t.quoteRole === 'open';
  }
}

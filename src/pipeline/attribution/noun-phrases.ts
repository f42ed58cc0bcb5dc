// Noun phrases around a cue, and the source they name. A source is an entity mention where the
// entity stage found one (names, "the agency", "he"), otherwise the words themselves ("analysts",
// "state media in the capital"). Bounded scans only: every call looks at a few dozen tokens.

import { DOCUMENT_NOUNS, MESSAGE_NOUNS, REPORTING_LEMMAS } from '../data/speech.js';
import { POS } from '../pos.js';
import { isTimeWord, mentionEndingAt, tagIs, type Context } from './context.js';
import { nominalOfReporting } from './lemmas.js';
import type { Source } from './model.js';

/** Longest noun phrase taken as a source, in tokens (long titles and appositions included). */
const MAX_NP_TOKENS = 30;
/** Determiners that own a noun ("their continued absence"): never a clause's subject. */
export const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
/** Pronouns that can be the subject of a cue. */
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'one']);
/** Prepositions that attach a modifier to a noun ("state media in the capital", "the head of the agency"). */
const NOUN_MODIFIER_PREPOSITIONS = new Set(['of', 'in', 'at', 'for', 'from', 'on', 'with', 'within', 'inside', 'near', 'across', 'by']);
/** People named by whom they serve, with "to": "aides to X", "an adviser to X". */
const NOUNS_WITH_TO = new Set(['aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors', 'spokesman', 'spokeswoman', 'spokesperson', 'counsel', 'ambassador', 'ambassadors', 'envoy', 'envoys', 'assistant', 'assistants', 'deputy', 'deputies', 'successor', 'lawyer', 'lawyers', 'consultant', 'consultants']);

export interface NounPhrase {
  /** Whole phrase [first, last), modifiers included. */
  first: number;
  last: number;
  /** The phrase before its first prepositional modifier ("state media" of "state media in X"). */
  coreLast: number;
}

/**
 * A possessive ending: the tokenizer's "'s", an apostrophe and "s" it split after an
 * abbreviation ("Ltd.'s", "U.S.'s"), or a plural's apostrophe ("the teachers' union").
 */
export function isPossessive(c: Context, i: number): boolean {
  const t = c.tokens[i]!;
  if (t.kind === 'poss') return t.lower === "'s" || t.lower === "'";
  const prev = c.tokens[i - 1];
  const next = c.tokens[i + 1];
  if (t.kind === 'quote' && (t.text === "'" || t.text === '\u2019')) {
    if (!prev || prev.end !== t.start || !next) return false;
    if (next.lower === 's' && next.start === t.end) return true;
    // a plural's possessive, "the teachers' union": after an "s", before a word, in no quotation
    return c.quoteOf[i] === -1 && prev.kind === 'word' && prev.lower.endsWith('s') && next.kind === 'word' && next.start > t.end;
  }
  return t.lower === 's' && !!prev && prev.kind === 'quote' && prev.end === t.start && isPossessive(c, i - 1);
}

/** "2,000": a comma between digits is part of the number. */
function isNumberComma(c: Context, i: number): boolean {
  const t = c.tokens[i]!;
  const prev = c.tokens[i - 1];
  const next = c.tokens[i + 1];
  return t.text === ',' && !!prev && !!next && prev.kind === 'num' && next.kind === 'num' && prev.end === t.start && next.start === t.end;
}

function isNounPhraseToken(c: Context, i: number): boolean {
  const t = c.tokens[i]!;
  if (t.kind === 'num' || isPossessive(c, i) || isNumberComma(c, i)) return true;
  // "87%", "$200": a sign that belongs to its number
  if ((t.text === '%' && c.tokens[i - 1]?.kind === 'num') || ((t.text === '$' || t.text === '€' || t.text === '£') && c.tokens[i + 1]?.kind === 'num')) return true;
  if (t.kind !== 'word') return false;
  if (c.ents.mentionCover[i] !== -1) return true;
  if (tagIs(c, i, POS.NOUN, POS.PROPN, POS.ADJ, POS.NUM, POS.DET)) return true;
  if (tagIs(c, i, POS.PART) && t.lower === "'s") return true;
  if (tagIs(c, i, POS.PRON) && POSSESSIVE_DETERMINERS.has(t.lower)) return true;
  if (tagIs(c, i, POS.PRON) && tagIs(c, i - 1, POS.DET)) return true;
  // a participle between a determiner or possessive and a noun ("the elected council", "the report's lead author")
  return tagIs(c, i, POS.VERB) && tagIs(c, i + 1, POS.NOUN, POS.PROPN) && (tagIs(c, i - 1, POS.DET, POS.ADJ) || isPossessive(c, i - 1));
}

/** Where a phrase ending at k starts, reading left; stops after a determiner or possessive word. */
function chunkStart(c: Context, k: number, lo: number): number {
  let a = k;
  while (a >= lo && k - a < MAX_NP_TOKENS) {
    const m = c.ents.mentionCover[a]!;
    if (m !== -1 && a < k && c.ents.mentions[m]!.kind === 'pronoun') break;
    if (m !== -1) {
      a = Math.min(a, c.ents.mentions[m]!.first) - 1;
      // "Tulsa, Okla.": a place and the state or country after its comma are one phrase
      const before = a >= lo + 1 && c.tokens[a]!.text === ',' ? c.ents.mentionCover[a - 1]! : -1;
      if (before !== -1 && c.ents.mentions[m]!.type === 'LOC' && c.ents.mentions[before]!.type === 'LOC') a--;
      continue;
    }
    if (!isNounPhraseToken(c, a) || (c.quoteOf[a] !== -1 && !isPossessive(c, a))) break;
    const t = c.tokens[a]!;
    a--;
    if (tagIs(c, a + 1, POS.DET) || POSSESSIVE_DETERMINERS.has(t.lower)) break;
  }
  return Math.max(a + 1, lo);
}

/**
 * The noun phrase that ends at token k, with its prepositional modifiers ("Posts on the forum for
 * critics from Friday" ends at "Friday"), or null when k ends none.
 */
export function nounPhraseEndingAt(c: Context, k: number, lo: number): NounPhrase | null {
  if (k < lo || c.quoteOf[k] !== -1) return null;
  const t = c.tokens[k]!;
  // a pronoun after a determiner is a name or a noun ("the i", a newspaper)
  if (tagIs(c, k, POS.PRON) && SUBJECT_PRONOUNS.has(t.lower) && !tagIs(c, k - 1, POS.DET)) return { first: k, last: k + 1, coreLast: k + 1 };
  if (!isNounPhraseToken(c, k) || tagIs(c, k, POS.DET)) return null;
  let first = chunkStart(c, k, lo);
  let coreLast = k + 1;
  // "X of Y", "X in Y": the phrase goes on to the left over prepositional modifiers
  for (let hops = 0; hops < 4; hops++) {
    const p = first - 1;
    if (p - 1 < lo || c.ents.mentionCover[p] !== -1) break;
    const prep = c.tokens[p]!.lower;
    if (!NOUN_MODIFIER_PREPOSITIONS.has(prep) && !(prep === 'to' && NOUNS_WITH_TO.has(c.tokens[p - 1]!.lower))) break;
    if (!isNounPhraseToken(c, p - 1) || tagIs(c, p - 1, POS.DET)) break;
    const a = chunkStart(c, p - 1, lo);
    if (k - a >= MAX_NP_TOKENS) break;
    coreLast = p;
    first = a;
  }
  if (first > k) return null;
  return { first, last: k + 1, coreLast };
}

/**
 * The noun phrase that starts at token k ("said the agency's spokesman, ..."). After a preposition
 * (`objectOfPreposition`) the first word is a noun whatever its tag: the tagger reads "to people"
 * as an infinitive.
 */
export function nounPhraseStartingAt(c: Context, k: number, hi: number, objectOfPreposition = false): NounPhrase | null {
  if (k >= hi || c.quoteOf[k] !== -1) return null;
  let i = k;
  while (i < hi && i - k < MAX_NP_TOKENS) {
    const m = c.ents.mentionAt[i]!;
    if (m !== -1) {
      // a pronoun after the phrase's first words starts a clause ("on Monday she would ...")
      if (i > k && c.ents.mentions[m]!.kind === 'pronoun') break;
      i = c.ents.mentions[m]!.last;
      continue;
    }
    if (i === k && objectOfPreposition && c.tokens[i]!.kind === 'word' && tagIs(c, i, POS.VERB) && !c.tokens[i]!.lower.endsWith('ing')) {
      i++;
      continue;
    }
    if (!isNounPhraseToken(c, i) || (c.quoteOf[i] !== -1 && !isPossessive(c, i))) break;
    // a determiner after the phrase's first words starts the next phrase ("according to X the plan ...")
    if (i > k && (tagIs(c, i, POS.DET) || POSSESSIVE_DETERMINERS.has(c.tokens[i]!.lower))) break;
    i++;
  }
  if (i === k) return null;
  return { first: k, last: i, coreLast: i };
}

/**
 * The source a noun phrase names, or null when it names none (a time, a number, "it" of "it
 * seems"). A name at the phrase's end is its head ("the agency's director Jane Doe"); a message
 * with a possessor is the possessor's ("the ministry's statement" -> the ministry).
 */
export function sourceOfNounPhrase(c: Context, np: NounPhrase): Source | null {
  const { mentions } = c.ents;
  const coreEnd = np.coreLast - 1;
  const head = c.tokens[coreEnd]!;
  if (isTimeWord(c, coreEnd) || head.kind === 'num') return null;
  if (tagIs(c, coreEnd, POS.PRON) && (head.lower === 'it' || head.lower === 'one')) {
    // "one of them", "one of the officials": a member of a group already named
    if (head.lower === 'one' && c.tokens[coreEnd + 1]?.lower === 'of' && np.last > coreEnd + 2) return { mention: -1, first: np.first, last: np.last };
    const m = mentionEndingAt(c, coreEnd);
    return m >= 0 ? { mention: m, first: coreEnd, last: coreEnd + 1 } : null;
  }
  // a name that ends the phrase, after a title or a description, is its head ("the director of
  // the agency Jane Doe"); a name right after a preposition is a modifier ("the head of X")
  const end = mentionEndingAt(c, np.last - 1);
  if (end >= 0 && np.last > np.coreLast && mentions[end]!.type === 'PERSON') {
    const mf = mentions[end]!.first;
    if (mf > np.first && !tagIs(c, mf - 1, POS.ADP)) return { mention: end, first: mf, last: mentions[end]!.last };
  }
  // a possessor and a message noun: "the ministry's statement", "her letter"
  const poss = possessor(c, np.first, coreEnd);
  if (poss && isMessageNoun(c, coreEnd)) return poss;
  // a message "from" or "by" someone is theirs: "a statement from the ministry"
  const by = c.tokens[np.coreLast]?.lower;
  if ((by === 'from' || by === 'by') && (isMessageNoun(c, coreEnd) || DOCUMENT_NOUNS.has(c.lemma(coreEnd)))) {
    const m = c.ents.mentionAt[np.coreLast + 1] !== -1 ? c.ents.mentionAt[np.coreLast + 1]! : mentionEndingAt(c, np.last - 1);
    if (m >= 0 && mentions[m]!.last <= np.last) return { mention: m, first: mentions[m]!.first, last: mentions[m]!.last };
  }
  // a document is its own source, possessor and all ("the ministry's annual report")
  if (DOCUMENT_NOUNS.has(c.lemma(coreEnd)) || DOCUMENT_NOUNS.has(head.lower)) return { mention: -1, first: np.first, last: np.last - np.first <= 12 ? np.last : np.coreLast };
  // the phrase's last mention, when it ends the core ("North Korean leader Kim Jong Un")
  const m = mentionEndingAt(c, coreEnd);
  if (m >= 0) {
    const mf = mentions[m]!.first;
    // a mention inside "the head of X" is X, not the head: only a mention that is the whole core or its end
    if (mf <= np.first || !tagIs(c, mf - 1, POS.ADP)) return { mention: m, first: mentions[m]!.first, last: mentions[m]!.last };
  }
  const last = np.last - np.first <= 12 ? np.last : np.coreLast;
  return { mention: -1, first: np.first, last };
}

/** "X's" or "his" at the start of a phrase: the possessor as a source. */
function possessor(c: Context, first: number, coreEnd: number): Source | null {
  const t = c.tokens[first]!;
  if (POSSESSIVE_DETERMINERS.has(t.lower)) {
    const m = mentionEndingAt(c, first);
    return m >= 0 ? { mention: m, first, last: first + 1 } : null;
  }
  for (let p = first + 1; p < coreEnd; p++) {
    if (!isPossessive(c, p) || c.tokens[p]!.lower === 's') continue;
    const m = mentionEndingAt(c, p - 1);
    if (m >= 0) return { mention: m, first: c.ents.mentions[m]!.first, last: p };
    return { mention: -1, first, last: p };
  }
  return null;
}

/** A noun for what someone said or wrote: "statement", "tweet", a noun made from a reporting verb ("allegation", "note"). */
export function isMessageNoun(c: Context, i: number): boolean {
  if (!tagIs(c, i, POS.NOUN, POS.PROPN)) return false;
  const l = c.lemma(i);
  return MESSAGE_NOUNS.has(c.tokens[i]!.lower) || MESSAGE_NOUNS.has(l) || nominalOfReporting(l) !== null || REPORTING_LEMMAS.has(l);
}

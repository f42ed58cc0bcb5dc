// What a cue governs after it: a quotation (after a colon, a comma, "as", or directly), a "that"
// clause, a question clause, a clause without "that" ("said the plan would fail"), or the rest of
// the sentence after a colon. Between the cue and its content may stand adverbs, time words, the
// listener ("told reporters"), and a couple of prepositional phrases ("said in a statement that").

import { POS } from '../pos.js';
import { hasParticipleEnding, isParticipleBeforePreposition, isTimeWord, isVerb, sentenceOf, tagIs, type Context } from './context.js';
import type { Quotation, TokenRange } from './model.js';
import { nounPhraseStartingAt } from './noun-phrases.js';
import type { Token } from '../tokens.js';

export type ComplementKind = 'quotation' | 'that' | 'question' | 'clause' | 'colon' | 'of';

export interface Complement {
  kind: ComplementKind;
  /** Content tokens; a quotation's range includes its marks. */
  content: TokenRange;
  /** The content comes after an object of the cue (the listener or the thing described). */
  afterObject: boolean;
}

export interface ComplementOptions {
  /** The cue's lemma is a reporting verb: clauses without "that" and question clauses count. */
  listed: boolean;
  /** The lemma names a speech act ("called", "praised"): a quotation may stand right after it or its object. */
  speechAct: boolean;
  /** The subject is a message or document ("the letter reads \"...\""): any verb takes a quotation. */
  messageSubject?: boolean;
  /** The lemma takes its listener as object ("told reporters he would ..."). */
  listener: boolean;
  /** The lemma takes "X of Y" ("accused X of ..."). */
  ofObject: boolean;
  /** The lemma reports a thought or a finding ("believe", "show"), not words. */
  perceives?: boolean;
  /**
   * A document reports a finding: its object may be a clause with an -ing verb ("polls show the
   * race tightening"; "police found the man lying in the road" is what they saw).
   */
  finding?: boolean;
}

const SUBORDINATORS = new Set(['although', 'though', 'because', 'while', 'unless', 'once', 'since', 'after', 'before', 'despite']);
/** Prepositions that attach to a noun inside a subject ("the head of the agency", "feedback for X"). */
const NOUN_MODIFIER_PREPOSITIONS = new Set(['of', 'in', 'at', 'for', 'from', 'on', 'with', 'within', 'near', 'across', 'about', 'over', 'to', 'between', 'among', 'against', 'under', 'by', 'since', 'until', 'during']);
const DEGREE_WORDS = new Set(['so', 'such', 'enough', 'too']);
const ADVERBIAL_QUESTION_WORDS = new Set(['when', 'where', 'if']);
const QUESTION_WORDS = new Set(['whether', 'if', 'why', 'how', 'what', 'who', 'where', 'when']);
const OBJECT_PRONOUNS = new Set(['me', 'him', 'her', 'us', 'them', 'you', 'it']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'there', 'this', 'that', 'these', 'those']);
/** Prepositions that may stand between a cue and its content ("said in a statement that"). */
const CUE_PREPOSITIONS = new Set(['in', 'on', 'at', 'to', 'during', 'after', 'before', 'from', 'via', 'through', 'with', 'for', 'about', 'of', 'by', 'over', 'outside', 'aboard', 'inside']);

/** The quotation whose opening mark is token i, when it reports words (not a title). */
export function quotationOpeningAt(c: Context, quotations: Quotation[], i: number): Quotation | null {
  const k = c.quoteOf[i];
  if (k === undefined || k < 0) return null;
  const q = quotations[k]!;
  return q.open === i && !q.continued && !q.title ? q : null;
}

function quotationRange(q: Quotation): TokenRange {
  return { first: q.open, last: q.close >= 0 ? q.close + 1 : q.last };
}

/** The complement of a cue whose words end before token `from`, or null. */
export function complementAfter(c: Context, quotations: Quotation[], from: number, o: ComplementOptions): Complement | null {
  const s = sentenceOf(c, Math.max(0, from - 1));
  const end = s.last;
  let k = skipAdverbials(c, from, end);
  // "told Reuters the company had ...": a name right after a listener's verb, with a clause right
  // after the name, is the listener and no subject of the content
  const listenerEnd = o.listener ? namedListenerEnd(c, k, end) : -1;
  if (listenerEnd >= 0) {
    const f = frameAt(c, quotations, skipAdverbials(c, listenerEnd, end), end, o, true);
    if (f) return f;
  }
  const direct = frameAt(c, quotations, k, end, o, false);
  if (direct) return direct;
  let afterObject = false;
  // a person as object is a listener whatever the verb ("assured them that", "upbraided X that")
  let personObject = false;
  for (let hop = 0; hop < 3 && k < end; hop++) {
    const t = c.tokens[k]!;
    if (c.quoteOf[k] !== -1) return null;
    // a prepositional phrase: "in a statement", "to reporters", "on his blog"
    // ("of" only after the object, as its modifier: "told a crowd of 300 farmers that")
    if (tagIs(c, k, POS.ADP) && CUE_PREPOSITIONS.has(t.lower) && (t.lower !== 'of' || afterObject)) {
      // "of about 300 farmers": a degree adverb before a number belongs to the phrase
      const degree = tagIs(c, k + 1, POS.ADV) && c.tokens[k + 2]?.kind === 'num';
      const np = nounPhraseStartingAt(c, degree ? k + 2 : k + 1, end);
      if (!np) return null;
      const pp = k;
      k = skipAdverbials(c, np.last, end);
      // "said in a statement posted on its website that": a participle after the phrase modifies it
      if (k < end && isParticipleBeforePreposition(c, k)) k++;
      // "argued in a motion filed Monday that": so does one with a time after it
      else if (k + 1 < end && c.quoteOf[k] === -1 && isVerb(c, k) && hasParticipleEnding(c.tokens[k]!.lower) && isTimeWord(c, k + 1)) k = skipAdverbials(c, k + 1, end);
      // "estimated by 2050, demand would double": the phrase and its comma open the content
      if (o.listed && c.tokens[k]?.text === ',' && opensClause(c, k + 1, end)) return { kind: 'clause', content: { first: pp, last: end }, afterObject };
    } else if (!afterObject && (OBJECT_PRONOUNS.has(t.lower) || c.ents.mentionAt[k] !== -1 || tagIs(c, k, POS.DET, POS.NOUN, POS.PROPN, POS.ADJ, POS.NUM))) {
      // the object: the listener of "told", the thing "described as" or "called"
      // ("her staff": "her" as a determiner opens the noun phrase)
      const pronoun = OBJECT_PRONOUNS.has(t.lower) && !(t.lower === 'her' && tagIs(c, k + 1, POS.NOUN, POS.ADJ));
      const np = pronoun ? { last: k + 1 } : nounPhraseStartingAt(c, k, end);
      if (!np) return null;
      afterObject = true;
      const m = c.ents.mentionAt[k]!;
      personObject = (pronoun && t.lower !== 'it') || (m !== -1 && c.ents.mentions[m]!.type !== 'LOC' && c.ents.mentions[m]!.last === np.last);
      k = skipAdverbials(c, np.last, end);
    } else {
      return null;
    }
    const f = frameAt(c, quotations, k, end, personObject ? { ...o, listener: o.listener || !o.listed } : o, afterObject);
    if (f) return f;
  }
  return null;
}

/**
 * Where a person's or organisation's name (after "the", maybe) that starts at k ends, when a clause
 * opens right after it; -1 otherwise.
 */
function namedListenerEnd(c: Context, k: number, end: number): number {
  const j = c.tokens[k]?.lower === 'the' && c.ents.mentionAt[k] === -1 ? k + 1 : k;
  const mi = c.ents.mentionAt[j] ?? -1;
  if (mi < 0) return -1;
  const m = c.ents.mentions[mi]!;
  if (m.kind !== 'name' || (m.type !== 'PERSON' && m.type !== 'ORG') || m.last >= end) return -1;
  return opensClause(c, skipAdverbials(c, m.last, end), end) ? m.last : -1;
}

/** Words that make a time noun after them a time phrase: "last week", "this month". */
const TIME_DETERMINERS = new Set(['last', 'next', 'this', 'earlier', 'later']);

function skipAdverbials(c: Context, k: number, end: number): number {
  while (k < end && c.quoteOf[k] === -1) {
    // "so heavily that", "fast enough that": a degree, and its "that" clause a result, not a report
    if (DEGREE_WORDS.has(c.tokens[k]!.lower)) return end;
    // ", in a satirical fashion," / ", again,": an insertion between the cue and its content
    if (c.tokens[k]!.text === ',' && c.quoteOf[k + 1] === -1) {
      let j = k + 1;
      while (j < end && j - k <= 8 && c.tokens[j]!.text !== ',' && c.quoteOf[j] === -1 && !isVerb(c, j) && !tagIs(c, j, POS.AUX, POS.SCONJ)) j++;
      if (j < end && j > k + 1 && c.tokens[j]!.text === ',' && (tagIs(c, k + 1, POS.ADP, POS.ADV) || isTimeWord(c, k + 1))) {
        k = j + 1;
        continue;
      }
    }
    // "said last week it would", "said this month that": a time phrase before the content
    if (TIME_DETERMINERS.has(c.tokens[k]!.lower) && k + 1 < end && c.tokens[k + 1]!.kind === 'word' && isTimeWord(c, k + 1)) {
      k += 2;
      continue;
    }
    // "said about 820,000 ballots ...": an adverb of degree before a number opens the content
    if (tagIs(c, k, POS.ADV) && c.tokens[k + 1]?.kind === 'num') break;
    if (tagIs(c, k, POS.ADV) && c.tokens[k]!.lower !== 'how' && c.tokens[k]!.lower !== 'why' && c.tokens[k]!.lower !== 'when' && c.tokens[k]!.lower !== 'where') k++;
    // a number is part of a date only after a calendar word ("said Nov. 5 that"); else it counts
    // something and opens the content ("said 820,000 ballots were cast", "said 87% of ...")
    else if (c.tokens[k]!.kind === 'num' && !(k > 0 && isTimeWord(c, k - 1) && c.tokens[k - 1]!.kind !== 'num')) break;
    else if (isTimeWord(c, k) && c.tokens[k + 1]?.kind !== 'poss' && !isVerb(c, k + 1) && !tagIs(c, k + 1, POS.AUX)) k++;
    else break;
  }
  return k;
}

/** The content that starts at token k, if the words there open one. */
function frameAt(c: Context, quotations: Quotation[], k: number, end: number, o: ComplementOptions, afterObject: boolean): Complement | null {
  if (k >= end) return colonAtBlockEnd(c, quotations, k, afterObject);
  const t = c.tokens[k]!;
  const quote = (q: Quotation | null): Complement | null => (q ? { kind: 'quotation', content: quotationRange(q), afterObject } : null);
  // 'said: "..."', 'said, "..."', 'described it as "..."' (any verb: the punctuation or "as" makes
  // the quotation its complement; a name after "as" is a title: "went as \"The Fawn\"")
  if (t.text === ':' || t.text === ',' || t.lower === 'as') {
    const q = quotationOpeningAt(c, quotations, k + 1);
    // after an object a comma may only end a clause ('known to affect yields, "..."'): there the
    // verb must be one of speech ('told reporters, "..."')
    const speech = o.listed || o.speechAct;
    const quoting = speech || !!o.messageSubject;
    if (q && (t.lower !== 'as' || !q.titleCase || quoting) && (t.text !== ',' || !afterObject || quoting)) return quote(q);
    if (t.text === ':') {
      if (k + 1 >= end) return colonAtBlockEnd(c, quotations, k + 1, afterObject);
      // words after a colon are a report only after a verb of speech ("focuses on X: ..." elaborates)
      return speech ? { kind: 'colon', content: { first: k + 1, last: end }, afterObject } : null;
    }
    return null;
  }
  // 'wrote "..."', 'called it "a disgrace"': right after the verb or its object only a verb of
  // speech makes the quotation its words ('needed "guarantees"' quotes someone else)
  const q = quotationOpeningAt(c, quotations, k);
  // ('had shown "real character"', 'found "a new identity"': after a verb of thought or finding a
  // quotation is its object, quoted from whoever judged so; a document's findings are its words)
  if (q && ((o.listed && !o.perceives) || o.speechAct || o.messageSubject) && !modifiesNoun(c, q)) return quote(q);
  if (c.quoteOf[k] !== -1) return null;
  // the listener or the thing described is never the content's start without these
  if (afterObject && !o.listener && !o.ofObject) return null;
  if (t.lower === 'that' && thatOpensClause(c, k, end, o.listed)) return { kind: 'that', content: { first: k, last: end }, afterObject };
  if (!o.listed) return null;
  if (t.lower === 'of' && o.ofObject && afterObject) return { kind: 'of', content: { first: k + 1, last: end }, afterObject };
  // "asked whether ...", "did not say how ..."; "when", "where" and "if" open a question only with
  // a clause ("said when asked" is a time)
  // "promised aid for families who lost their homes": after a noun, "who", "where" and "when" open
  // a relative clause about it ("asked them who ..." is a question)
  const relative = afterObject && (t.lower === 'who' || t.lower === 'where' || t.lower === 'when') && tagIs(c, k - 1, POS.NOUN, POS.PROPN);
  if (QUESTION_WORDS.has(t.lower) && !relative && (!ADVERBIAL_QUESTION_WORDS.has(t.lower) || opensClause(c, k + 1, end))) {
    return { kind: 'question', content: { first: k, last: end }, afterObject };
  }
  // "said although costs rose, the plan ...": a subordinate clause opens the content
  // (with a clause after it: "said after the call" is a time)
  if (SUBORDINATORS.has(t.lower) && tagIs(c, k, POS.SCONJ, POS.ADP) && !afterObject && opensClause(c, k + 1, end)) {
    return { kind: 'clause', content: { first: k, last: end }, afterObject };
  }
  if ((!afterObject || o.listener) && opensClause(c, k, end)) return { kind: 'clause', content: { first: k, last: end }, afterObject };
  if (o.finding && !afterObject && opensParticipleClause(c, k, end)) return { kind: 'clause', content: { first: k, last: end }, afterObject };
  return null;
}

/**
 * "polls show the race tightening", "the survey found most voters opposing the plan": after a verb
 * of finding, a noun phrase with an -ing verb right after it is what was found.
 */
export function opensParticipleClause(c: Context, k: number, end: number): boolean {
  const np = nounPhraseStartingAt(c, k, end);
  if (!np || c.ents.mentionCover[k] !== -1) return false;
  let m = np.last;
  for (let hop = 0; hop < 2 && m < end && NOUN_MODIFIER_PREPOSITIONS.has(c.tokens[m]!.lower); hop++) {
    const pp = nounPhraseStartingAt(c, m + 1, end);
    if (!pp) return false;
    m = pp.last;
  }
  return m < end && c.quoteOf[m] === -1 && isVerb(c, m) && c.tokens[m]!.lower.endsWith('ing') && !tagIs(c, m - 1, POS.AUX);
}

/** 'shows "lost" paintings': a quotation right before a noun is that noun's modifier. */
function modifiesNoun(c: Context, q: Quotation): boolean {
  const next = c.tokens[q.close + 1];
  return q.close >= 0 && q.last - q.first <= 5 && !!next && next.sentence === c.tokens[q.close]!.sentence && tagIs(c, q.close + 1, POS.NOUN, POS.PROPN, POS.ADJ);
}

/** A cue ending its paragraph with a colon: the quotation that opens the next paragraph. */
function colonAtBlockEnd(c: Context, quotations: Quotation[], k: number, afterObject: boolean): Complement | null {
  const prev = c.tokens[k - 1];
  const next = c.tokens[k];
  if (!prev || prev.text !== ':' || !next || next.block === prev.block) return null;
  const q = quotationOpeningAt(c, quotations, k);
  return q ? { kind: 'quotation', content: quotationRange(q), afterObject } : null;
}

/**
 * "that" opens a clause (not "that car"): the tagger says so, or a subject and a verb follow. After
 * a reporting verb "that" is the complementiser unless a noun follows it and no verb after that
 * ("learned that according to ...", "said that on Monday ..." but not "knew that man").
 */
function thatOpensClause(c: Context, k: number, end: number, listed: boolean): boolean {
  // "know that is hard", "heard that, and ...": before a verb or a conjunction "that" is a pronoun
  const next = c.tokens[k + 1];
  // "has denied that.": nothing after it but the sentence's end
  if (!next || k + 1 >= end || /^[.!?;]$/.test(next.text)) return false;
  if (c.quoteOf[k + 1] === -1) {
    if (tagIs(c, k + 1, POS.AUX) || (isVerb(c, k + 1) && !next.lower.endsWith('ing'))) return false;
    if (next.text === ',' && tagIs(c, k + 2, POS.CCONJ)) return false;
  }
  if (tagIs(c, k, POS.SCONJ) || opensClause(c, k + 1, end)) return true;
  if (!listed || k + 1 >= end) return false;
  return !(tagIs(c, k + 1, POS.NOUN, POS.ADJ) && !isVerb(c, k + 2) && !tagIs(c, k + 2, POS.AUX));
}

const QUOTED_AUXILIARIES = new Set(['is', 'was', 'are', 'were', 'has', 'had', 'have', 'will', 'would', 'could', 'should', 'can', 'cannot', 'may', 'might', 'must', 'did', 'does', 'do']);
/** Two words that make a quantity of the number after them: "at least 400", "more than half". */
const QUANTITY_PAIRS = new Set(['at least', 'at most', 'more than', 'less than', 'fewer than', 'up to']);

/** A word that begins a verb group inside a quotation, where the tagger reads nothing: "had", "listened". */
export function quotedVerbForm(t: Token): boolean {
  return t.kind === 'word' && !t.cap && (QUOTED_AUXILIARIES.has(t.lower) || (t.lower.length > 4 && t.lower.endsWith('ed')));
}

/** Words that open a phrase, not a predicate: 'said the plan "a disaster"' is no clause. */
const PHRASE_OPENERS = new Set([
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'for', 'with', 'and', 'or', 'but', 'as', 'at', 'by', 'from', 'into', 'over', 'about', 'like',
  'than', 'if', 'when', 'while', 'because', 'this', 'that', 'my', 'our', 'your', 'his', 'her', 'their', 'its', 'which', 'who', 'what',
  'where', 'how', 'why',
]);

/**
 * A lower-case word that opens a quotation right after a subject is the predicate's first word
 * ('said the storm "caught everyone off guard"': irregular pasts have no -ed).
 */
function quotedPredicateWord(t: Token): boolean {
  return t.kind === 'word' && !t.cap && !PHRASE_OPENERS.has(t.lower);
}

/** A verb in -s opening a quotation after its subject: 'she "opposes"', 'the ad "distorts"'. */
function quotedPresentForm(t: Token): boolean {
  return t.kind === 'word' && !t.cap && t.lower.length > 3 && t.lower.endsWith('s') && !t.lower.endsWith('ss') && !t.lower.endsWith('ous');
}

/** A subject and then a verb: "he would", "the plan will", "Thursday's meeting was", "prices of oil rose". */
export function opensClause(c: Context, k: number, end: number): boolean {
  if (k >= end || c.quoteOf[k] !== -1) return false;
  const t = c.tokens[k]!;
  let m: number;
  if (SUBJECT_PRONOUNS.has(t.lower) && (tagIs(c, k, POS.PRON, POS.DET) || t.lower === 'there')) m = k + 1;
  else if (isVerb(c, k) && t.lower.endsWith('ing')) {
    // a gerund as subject: "adding iodine to salt is the simplest way"
    for (let j = k + 1; j < end && j < k + 12; j++) {
      if (c.quoteOf[j] !== -1 || c.tokens[j]!.text === ',' || tagIs(c, j, POS.SCONJ)) return false;
      if (tagIs(c, j, POS.AUX) && !tagIs(c, j - 1, POS.PART)) return true;
    }
    return false;
  } else {
    // "about 820,000 ballots were ...": a degree adverb before a number belongs to the subject
    // (and "at least 400 civilians", "more than half of ...": a quantity of two words before a number)
    const quantity = QUANTITY_PAIRS.has(`${t.lower} ${c.tokens[k + 1]?.lower}`) && (c.tokens[k + 2]?.kind === 'num' || c.tokens[k + 2]?.lower === 'half') ? k + 2 : -1;
    const np =
      (quantity >= 0 ? nounPhraseStartingAt(c, quantity, end) : null) ??
      nounPhraseStartingAt(c, k, end) ??
      (tagIs(c, k, POS.ADV) && c.tokens[k + 1]?.kind === 'num' ? nounPhraseStartingAt(c, k + 1, end) : null);
    if (!np) return false;
    m = np.last;
    // prepositional modifiers: "the head of the agency would ...", "feedback for X had helped"
    for (let hop = 0; hop < 3 && m < end && NOUN_MODIFIER_PREPOSITIONS.has(c.tokens[m]!.lower); hop++) {
      const pp = nounPhraseStartingAt(c, m + 1, end);
      if (!pp) break;
      m = pp.last;
    }
    // a coordinated subject: "temperature and ozone are ..."
    if (m < end && tagIs(c, m, POS.CCONJ)) {
      const more = nounPhraseStartingAt(c, m + 1, end);
      if (more) m = more.last;
    }
    // an apposition or relative clause set off by commas: "the suspect, a local man, fled"
    if (c.tokens[m]?.text === ',') {
      let j = m + 1;
      while (j < end && j - m <= 14 && c.tokens[j]!.text !== ',' && c.quoteOf[j] === -1) j++;
      if (j < end && c.tokens[j]!.text === ',' && j > m + 1) m = j + 1;
    }
  }
  while (m < end && tagIs(c, m, POS.ADV)) m++;
  if (m < end && (tagIs(c, m, POS.AUX) || (isVerb(c, m) && !c.tokens[m]!.lower.endsWith('ing')))) return true;
  // 'said X "listened carefully" but ...': the verb opens a quotation (whose words are not tagged)
  if (m + 1 < end && c.tokens[m]!.kind === 'quote' && c.tokens[m]!.quoteRole === 'open' && m > k) {
    // ('said it "deeply regrets" the loss', 'said the ad "distorts his record"': an adverb in -ly
    // may come first, and a verb in -s counts)
    let w = m + 1;
    if (w + 1 < end && c.tokens[w]!.kind === 'word' && !c.tokens[w]!.cap && c.tokens[w]!.lower.endsWith('ly')) w++;
    // (a headline drops its copula: 'Mayor says budget "unfair"' quotes only the adjective)
    const headline = c.headlineBlocks.has(c.tokens[w]!.block);
    if (quotedVerbForm(c.tokens[w]!) || quotedPresentForm(c.tokens[w]!) || (!headline && quotedPredicateWord(c.tokens[w]!))) return true;
  }
  // "Jane Doe wishes to ...", "the governor plans to ...": a verb in -s that the tagger read as a
  // plural noun, after a name or a singular noun, and before what follows verbs
  const last = m - 1;
  if (!(last > k && tagIs(c, last, POS.NOUN) && c.tokens[last]!.lower.endsWith('s') && c.ents.mentionCover[last] === -1 && m < end)) return false;
  const afterName = (tagIs(c, last - 1, POS.PROPN, POS.PRON) || c.ents.mentionCover[last - 1] !== -1) && c.lemma(last) !== c.tokens[last]!.lower;
  if (afterName) return tagIs(c, m, POS.DET, POS.PRON, POS.PART, POS.ADP, POS.ADV, POS.SCONJ);
  const afterSingularNoun = tagIs(c, last - 1, POS.NOUN) && !c.tokens[last - 1]!.lower.endsWith('s') && !c.tokens[last]!.lower.endsWith('ss');
  return afterSingularNoun && (tagIs(c, m, POS.DET) || (c.tokens[m]!.lower === 'to' && isVerb(c, m + 1)));
}

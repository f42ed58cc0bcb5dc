// The subject of a cue verb, read from the clause and never from the nearest name: the phrase
// before the verb (over adverbs, auxiliaries, time words, an apposition or a relative clause set
// off by commas), the subject shared by coordinated verbs ("X denounced ... and said"), the main
// clause's subject for a participle (", saying"), or the phrase after an inverted verb
// ('"...," said X'). Objects are never subjects: the scans stop at the verb.

import { PERSON_ROLE_NOUNS } from '../data/titles.js';
import { POS } from '../pos.js';
import { opensPartyTag } from '../tokens.js';
import { hasParticipleEnding, isTimeWord, isVerb, mentionEndingAt, sentenceOf, tagIs, type Context } from './context.js';
import type { Source } from './model.js';
import { SPEECH_ACT_LEMMAS, SPEECH_LEMMAS, SUPPORT_LEMMAS } from '../data/speech.js';
import { POSSESSIVE_DETERMINERS, isMessageNoun, nounPhraseEndingAt, nounPhraseStartingAt, sourceOfNounPhrase, type NounPhrase } from './noun-phrases.js';

/** How far back an apposition or relative clause between a subject and its verb may reach. */
const MAX_INSERT_TOKENS = 45;
/** Past participles: regular ones and the common irregular ones of reporting ("held", "made"). */
const IRREGULAR_PARTICIPLES = new Set(['held', 'made', 'led', 'done', 'paid', 'set', 'put', 'run', 'sent', 'seen', 'taken', 'given']);
const RELATIVE_PRONOUNS = new Set(['who', 'which', 'that', 'whom']);
const SUBORDINATORS = new Set(['when', 'while', 'after', 'before', 'because', 'if', 'although', 'though', 'since', 'as', 'once', 'until', 'unless', 'whereas']);
const QUANTIFIER_PRONOUNS = new Set(['each', 'both', 'one', 'some', 'many', 'several', 'all', 'others', 'neither', 'either', 'few', 'most']);
/** Prepositions of a modifier after an inverted subject: "a spokeswoman for X", "an aide familiar with Y". */
const INVERTED_SUBJECT_PREPOSITIONS = new Set(['for', 'of', 'at', 'with', 'from', 'in', 'to']);
/** The mention that starts at k, or right after a "the" at k. */
function mentionStartingAtOrAfterDeterminer(c: Context, k: number): number {
  const m = c.ents.mentionAt[k] ?? -1;
  return m >= 0 || c.tokens[k]?.lower !== 'the' ? m : (c.ents.mentionAt[k + 1] ?? -1);
}

/** Words for a part of a group: "one of them", "some of us". */
const GROUP_PARTS = new Set(['one', 'two', 'three', 'some', 'many', 'most', 'several', 'each', 'both', 'all', 'none', 'neither', 'either']);
const BE_FORMS = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', "'s", "'re", 'am', 'get', 'got', 'gets', 'getting']);

export interface Subject {
  source: Source;
  /** First token of the words in subject position (the start of an apposition's head phrase). */
  first: number;
  /** The phrase's head word ("letter" of "the ministry's letter from May"). */
  head: number;
  /** The subject follows its verb ('"...," said X'). */
  inverted: boolean;
  /** The subject is shared with an earlier verb or the main clause, not beside the cue. */
  shared: boolean;
  /** The cue is in a relative clause set off by commas ("X, who said ..., resigned"). */
  relative?: boolean;
}

/** Skips what may stand between a subject and its verb: adverbs, auxiliaries, negation, time words. */
export function skipToSubject(c: Context, k: number, lo: number): number {
  for (let guard = 0; k >= lo && guard < 12; guard++) {
    const t = c.tokens[k]!;
    if (c.quoteOf[k] !== -1) break;
    // (the clitic of "didn't" is split off like a possessive, and is skipped like "not")
    if ((t.kind === 'word' || t.lower === "'t") && (tagIs(c, k, POS.ADV, POS.AUX) || (tagIs(c, k, POS.PART) && t.lower !== "'s"))) {
      k--;
      continue;
    }
    // "Sen. X (R-Ohio) said", "X (pictured) said": a short aside in brackets
    if (t.text === ')') {
      let j = k - 1;
      while (j >= lo && k - j <= 8 && c.tokens[j]!.text !== '(' && c.tokens[j]!.text !== ')' && c.quoteOf[j] === -1) j--;
      if (j < lo || c.tokens[j]!.text !== '(') break;
      k = j - 1;
      continue;
    }
    // "X on Friday said", "X last week said", "X Thursday said"
    if (isTimeWord(c, k)) {
      let j = k - 1;
      while (j >= lo && (isTimeWord(c, j) || tagIs(c, j, POS.ADJ, POS.DET))) j--;
      if (j >= lo && tagIs(c, j, POS.ADP)) j--;
      k = j;
      continue;
    }
    break;
  }
  return k;
}

/** The passive voice: a form of "be" among the auxiliaries right before the verb ("was told"). */
export function isPassive(c: Context, v: number): boolean {
  const t = c.tokens[v]!;
  if (t.lower.endsWith('ing')) return false;
  for (let k = v - 1; k >= 0 && k >= v - 4; k--) {
    const l = c.tokens[k]!.lower;
    if (BE_FORMS.has(l) && (tagIs(c, k, POS.AUX, POS.VERB) || l === 'get' || l === 'got')) return true;
    if (!tagIs(c, k, POS.ADV, POS.AUX, POS.PART)) return false;
  }
  return false;
}

/** The subject of the verb at v, read leftwards; `depth` bounds the shared-subject recursion. */
export function subjectBefore(c: Context, v: number, depth = 0): Subject | null {
  const s = sentenceOf(c, v);
  const lo = s.first;
  // "declined to say whether ...", "went on to add that ...": an infinitive's subject is that of
  // the verb it completes
  let p = v - 1;
  while (p > lo && tagIs(c, p, POS.ADV)) p--;
  if (depth < 2 && c.tokens[p]?.lower === 'to' && tagIs(c, p, POS.PART)) {
    let g = p - 1;
    while (g > lo && (tagIs(c, g, POS.ADV) || c.tokens[g]!.lower === 'on')) g--;
    if (g >= lo && isVerb(c, g)) return subjectBefore(c, g, depth + 1);
    return null;
  }
  const k = skipToSubject(c, v - 1, lo);
  if (k < lo || c.quoteOf[k] !== -1) return null;
  const t = c.tokens[k]!;
  // "X denounced the ruling and said": coordinated verbs share the subject of the clause
  if (tagIs(c, k, POS.CCONJ) && depth < 2) {
    const main = mainClauseSubject(c, lo, k, depth + 1);
    return main ? { ...main, shared: true } : null;
  }
  // "X, who ..., said" or "X, a professor at Y, said": the phrase before the inserted one
  if (t.text === ',') return subjectBeforeInsert(c, k, lo);
  // "X, who said" / "the firm that said"
  if (RELATIVE_PRONOUNS.has(t.lower) && k > lo) {
    let a = k - 1;
    const comma = a >= lo && c.tokens[a]!.text === ',';
    if (comma) a = skipPartyTag(c, a - 1);
    let np = nounPhraseEndingAt(c, a, lo);
    // "condemnation from Democrats, who called ...": "who" stands for a person or a group, so a
    // name that ends the phrase inside its prepositional modifier is the antecedent
    const named = t.lower === 'who' && np ? mentionEndingAt(c, a) : -1;
    if (np && named !== -1 && c.ents.mentions[named]!.first > np.first && np.coreLast <= c.ents.mentions[named]!.first && c.ents.mentions[named]!.type !== 'LOC') {
      np = { first: c.ents.mentions[named]!.first, last: a + 1, coreLast: a + 1 };
    }
    const src = np ? sourceOfNounPhrase(c, np) : null;
    return src ? { source: src, first: np!.first, head: np!.coreLast - 1, inverted: false, shared: false, relative: comma } : null;
  }
  // "their continued absence was ...": a possessive owns the noun after it and is no subject
  if (POSSESSIVE_DETERMINERS.has(t.lower)) return null;
  // "one of them said", "two of us agreed": a part of a group named before
  if ((t.lower === 'them' || t.lower === 'us') && c.tokens[k - 1]?.lower === 'of' && k - 2 >= lo) {
    const q = c.tokens[k - 2]!;
    if (q.kind === 'num' || GROUP_PARTS.has(q.lower)) return { source: { mention: -1, first: k - 2, last: k + 1 }, first: k - 2, head: k - 2, inverted: false, shared: false };
  }
  let np = nounPhraseEndingAt(c, k, lo) ?? beforeParticiplePhrase(c, k, lo);
  if (!np) return null;
  // "officials briefed on the talks said": the phrase is the participle's complement
  if (np.first > lo && tagIs(c, np.first - 1, POS.ADP) && c.tokens[np.first - 1]!.lower !== 'by') np = beforeParticiplePhrase(c, np.first - 1, lo) ?? np;
  // "Voters who backed the measure hope ...", "documents seen by reporters show ...": the phrase
  // before the verb is the object of a modifying clause; the subject is the noun it modifies
  // (but in "said she believed ..." the phrase after a verb is its clause's subject)
  if (np.first > lo && (isVerb(c, np.first - 1) || (c.tokens[np.first - 1]!.lower === 'by' && isVerb(c, np.first - 2)))) {
    const agent = c.tokens[np.first - 1]!.lower === 'by';
    np = modifiedNoun(c, agent ? np.first - 2 : np.first - 1, lo, agent) ?? np;
  }
  let src = sourceOfNounPhrase(c, np);
  if (!src) {
    // "a poll released last week by X found": the phrase before the verb ("last week by X") is the
    // participle's time and agent, and names no source; the noun before the participle does
    const before = beforeParticiplePhrase(c, k, lo);
    src = before ? sourceOfNounPhrase(c, before) : null;
    if (src) np = before!;
  }
  return src ? { source: src, first: np.first, head: np.coreLast - 1, inverted: false, shared: false } : null;
}

/**
 * "A survey released Monday found", "a study published in May found", "a report by X published
 * last year estimated", "figures to be released today show": a participle phrase after the
 * subject's noun, ending at token k (time words and prepositional phrases after the participle).
 * Not after a second noun phrase ("the firm the minister criticized"), where the participle is a
 * clause's verb.
 */
function beforeParticiplePhrase(c: Context, k: number, lo: number): NounPhrase | null {
  for (let j = k, guard = 0; j > lo && guard < 8; j--, guard++) {
    if (c.quoteOf[j] !== -1 || c.tokens[j]!.kind === 'punct' || tagIs(c, j, POS.AUX, POS.PRON, POS.SCONJ, POS.CCONJ)) return null;
    if (!isVerb(c, j)) continue;
    const form = c.tokens[j]!.lower;
    if (!hasParticipleEnding(form) && !IRREGULAR_PARTICIPLES.has(form)) return null;
    // "figures to be published today show": the participle of an infinitive after the noun
    const n = c.tokens[j - 1]?.lower === 'be' && c.tokens[j - 2]?.lower === 'to' ? j - 3 : j - 1;
    if (n < lo || !tagIs(c, n, POS.NOUN, POS.PROPN)) return null;
    const np = nounPhraseEndingAt(c, n, lo);
    if (!np || (np.first > lo && tagIs(c, np.first - 1, POS.NOUN, POS.PROPN))) return null;
    return np;
  }
  return null;
}

/** The noun a clause headed by the verb at `verb` modifies: "X who backed", "X that won", "X seen by". */
function modifiedNoun(c: Context, verb: number, lo: number, agent: boolean): NounPhrase | null {
  let k = verb - 1;
  while (k >= lo && tagIs(c, k, POS.ADV, POS.AUX)) k--;
  if (k < lo) return null;
  if (RELATIVE_PRONOUNS.has(c.tokens[k]!.lower)) {
    if (c.tokens[k - 1]?.text === ',') k--;
    return nounPhraseEndingAt(c, k - 1, lo);
  }
  // a participle right after its noun, with its agent: "documents seen by reporters"
  return agent && k === verb - 1 && hasParticipleEnding(c.tokens[verb]!.lower) ? nounPhraseEndingAt(c, k, lo) : null;
}

/**
 * "Sen. Jane Doe, R-Ohio, a member of ..., said", "X, D-Calif., who ...": a party tag set off after a
 * name belongs to it; the phrase before it is the name (token k is the tag, or is returned as is).
 */
function skipPartyTag(c: Context, k: number): number {
  const t = c.tokens[k];
  return t && opensPartyTag(t.text) && t.text.length <= 9 && c.tokens[k - 1]?.text === ',' ? k - 2 : k;
}

/**
 * "the committee's chairwoman, Lena Park, said": a name set off after a person's role is that
 * person's, whatever type the entity stage gave it.
 */
function afterPersonRole(c: Context, comma: number): boolean {
  const role = c.tokens[comma - 1];
  return !!role && role.kind === 'word' && !role.cap && PERSON_ROLE_NOUNS.has(role.lower);
}

/** A comma right before the verb: an apposition or relative clause ends there. */
function subjectBeforeInsert(c: Context, lastComma: number, lo: number): Subject | null {
  const commaBefore = (q: number): number => {
    let k = q - 1;
    while (k >= lo && q - k <= MAX_INSERT_TOKENS && c.tokens[k]!.text !== ',' && c.quoteOf[k] === -1) k--;
    return k;
  };
  // an insert may itself hold commas: "X, 54, of Tulsa, said", "X, a farmer from Ames, Iowa, said"
  let comma = lastComma;
  let p = commaBefore(comma);
  for (let hops = 0; hops < 3 && p >= lo && c.tokens[p]!.text === ',' && continuesInsert(c, p, comma); hops++) {
    comma = p;
    p = commaBefore(comma);
  }
  // right after a quotation, the words before the insert open the clause: '"...," X, 45, told'
  const afterQuotation = p >= lo && c.tokens[p]!.kind === 'quote' && c.tokens[p]!.quoteRole === 'close' && comma !== lastComma;
  // '"...," the committee's chairwoman, Lena Park, told': a name that fills the last insert is the
  // speaker there too
  if (afterQuotation) {
    const named = mentionEndingAt(c, lastComma - 1);
    const m = named !== -1 ? c.ents.mentions[named]! : null;
    if (m && (m.type === 'PERSON' || afterPersonRole(c, comma)) && m.first > comma && m.first - comma <= 3) return { source: { mention: named, first: m.first, last: m.last }, first: p + 1, head: m.last - 1, inverted: false, shared: false };
  }
  if (p < lo || afterQuotation) {
    // "The firm Acme Ltd., has said", "The results of the study published this week, revealed":
    // a stray comma after a subject that opens the sentence (with its modifiers)
    const start = afterQuotation ? p + 1 : lo;
    const ending = nounPhraseEndingAt(c, comma - 1, start);
    const np = ending && ending.first === start ? ending : verbless(c, start, comma) ? nounPhraseStartingAt(c, start, comma) : null;
    const src = np && np.first === start ? sourceOfNounPhrase(c, np) : null;
    return src ? { source: src, first: np!.first, head: np!.coreLast - 1, inverted: false, shared: false } : null;
  }
  if (c.tokens[p]!.text !== ',') return null;
  // "the agency's director, Jane Doe, said": a name that fills the apposition is the speaker
  // (after a title: "the report's author, Dr. Jane Doe, said"); the clause starts with the phrase
  // the name stands beside
  const inner = mentionEndingAt(c, comma - 1);
  const before = nounPhraseEndingAt(c, skipPartyTag(c, p - 1), lo);
  if (inner !== -1 && (c.ents.mentions[inner]!.type === 'PERSON' || afterPersonRole(c, p)) && c.ents.mentions[inner]!.first > p && c.ents.mentions[inner]!.first - p <= 3) {
    const m = c.ents.mentions[inner]!;
    return { source: { mention: inner, first: m.first, last: m.last }, first: before ? before.first : m.first, head: m.last - 1, inverted: false, shared: false };
  }
  const np = before;
  if (!np) return null;
  const src = sourceOfNounPhrase(c, np);
  return src ? { source: src, first: np.first, head: np.coreLast - 1, inverted: false, shared: false } : null;
}

/**
 * The words between the commas at `p` and `end` continue an insert rather than being one: an age
 * ("X, 54,"), a place after "of" or "from" ("X, 54, of Tulsa,"), anything after an age ("X, 67,
 * who ...,", "X, 54, a former teacher,"), or the state or country after a place ("... from Ames, Iowa,").
 */
function continuesInsert(c: Context, p: number, end: number): boolean {
  const first = c.tokens[p + 1];
  if (!first || p + 1 >= end) return false;
  if (end - p === 2 && first.kind === 'num') return true;
  // whatever follows an age: "X, 67, who has lived there for years, told", "X, 54, a former
  // teacher, told"
  if (c.tokens[p - 1]?.kind === 'num' && c.tokens[p - 2]?.text === ',') return true;
  if ((first.lower === 'of' || first.lower === 'from') && end - p <= 5) {
    for (let k = p + 2; k < end; k++) if (!c.tokens[k]!.cap) return false;
    return end - p > 2;
  }
  const m = c.ents.mentionAt[p + 1]!;
  if (m === -1 || c.ents.mentions[m]!.last !== end || c.ents.mentions[m]!.type !== 'LOC') return false;
  const before = c.ents.mentionCover[p - 1] ?? -1;
  return before !== -1 && c.ents.mentions[before]!.type === 'LOC';
}

/** No finite verb in [first, last): participles after their noun ("the study published in May") aside. */
function verbless(c: Context, first: number, last: number): boolean {
  for (let i = first; i < last; i++) {
    if (tagIs(c, i, POS.AUX)) return false;
    if (isVerb(c, i) && !(hasParticipleEnding(c.tokens[i]!.lower) && tagIs(c, i - 1, POS.NOUN, POS.PROPN))) return false;
  }
  return true;
}

/**
 * The subject of the sentence's main clause before token `before`: the first verb with a subject,
 * after any leading subordinate clause ("When asked, X said ..." -> X).
 */
export function mainClauseSubject(c: Context, lo: number, before: number, depth: number): Subject | null {
  let i = lo;
  if (SUBORDINATORS.has(c.tokens[i]!.lower) || tagIs(c, i, POS.SCONJ)) {
    while (i < before && c.tokens[i]!.text !== ',') i++;
  }
  // the first finite verb is the main clause's; its subject or none (a bounded look), after it
  // when inverted ('"...," said X, adding ...')
  for (let guard = 0; i < before && guard < 60; i++, guard++) {
    if (c.quoteOf[i] !== -1 || !(isVerb(c, i) || tagIs(c, i, POS.AUX))) continue;
    if (c.tokens[i]!.lower.endsWith('ing') && !tagIs(c, i - 1, POS.AUX)) continue;
    const before = subjectBefore(c, i, depth);
    if (before) return before;
    const p = c.tokens[i - 1];
    return p && (p.text === ',' || (p.kind === 'quote' && p.quoteRole === 'close')) ? subjectAfter(c, i) : null;
  }
  return null;
}

/**
 * The subject of a participle cue ("resigned, saying ...", "issued a statement saying ...", "with
 * one critic writing ..."): the phrase after "with", else the subject of the main clause.
 */
export function participleSubject(c: Context, v: number): Subject | null {
  const s = sentenceOf(c, v);
  let k = v - 1;
  while (k >= s.first && isTimeWord(c, k)) k--;
  // "with each accusing the other of ...": a quantifier standing alone after "with"
  if (k > s.first && QUANTIFIER_PRONOUNS.has(c.tokens[k]!.lower) && c.tokens[k - 1]!.lower === 'with') {
    return { source: { mention: -1, first: k, last: k + 1 }, first: k, head: k, inverted: false, shared: false };
  }
  const np = nounPhraseEndingAt(c, k, s.first);
  if (np) {
    const before = np.first - 1 >= s.first ? np.first - 1 : -1;
    const own = (): Subject | null => {
      const src = sourceOfNounPhrase(c, np);
      return src ? { source: src, first: np.first, head: np.coreLast - 1, inverted: false, shared: false } : null;
    };
    // "with one critic writing ...": the phrase is the participle's subject
    if (before >= 0 && c.tokens[before]!.lower === 'with') return own();
    // "issued a statement saying ...": a message that a light verb's subject put out is theirs;
    // "found a note saying ...", "all they got was a message stating ...": the message speaks
    if (isMessageNoun(c, np.coreLast - 1)) {
      if (before >= 0 && isVerb(c, before) && SUPPORT_LEMMAS.has(c.lemma(before))) return subjectBefore(c, before);
      if (before < 0 || !tagIs(c, before, POS.ADP)) return own();
    }
  }
  // "..., X told reporters, calling it ...": the participle goes with the nearest verb of speech
  // before it (not with the reported clause's verb)
  const speaker = nearestSpeechSubject(c, s.first, v);
  if (speaker) return { ...speaker, shared: true };
  const main = mainClauseSubject(c, s.first, v, 1);
  return main ? { ...main, shared: true } : null;
}

/** The subject of the nearest verb of speech before token v in its sentence, outside quotations. */
function nearestSpeechSubject(c: Context, lo: number, v: number): Subject | null {
  for (let k = v - 1; k > lo && v - k <= MAX_INSERT_TOKENS; k--) {
    if (c.quoteOf[k] !== -1 || !isVerb(c, k) || c.tokens[k]!.lower.endsWith('ing')) continue;
    const lemma = c.lemma(k);
    if (!SPEECH_LEMMAS.has(lemma) && !SPEECH_ACT_LEMMAS.has(lemma)) continue;
    const p = c.tokens[k - 1]!;
    const inverted = p.text === ',' || (p.kind === 'quote' && p.quoteRole === 'close');
    return subjectBefore(c, k, 1) ?? (inverted ? subjectAfter(c, k) : null);
  }
  return null;
}

/**
 * The subject after an inverted verb: '"...," said X' or 'said X, a professor'. The phrase must
 * not go on into a verb of its own: in "said the plan would fail" the phrase is the content's
 * subject, not the speaker.
 */
export function subjectAfter(c: Context, v: number): Subject | null {
  // the phrase after "told" is who was told, never the speaker
  if (c.lemma(v) === 'tell') return null;
  const s = sentenceOf(c, v);
  let k = v + 1;
  if (k >= s.last || isTimeWord(c, k)) return null;
  let np = invertedSubjectPhrase(c, k, s.last);
  if (!np) return null;
  // '"...," said a spokeswoman for the agency', '... said an aide familiar with the talks': the
  // phrase goes on over its prepositional modifiers, as before a verb
  let end = np.last;
  for (let hop = 0; hop < 3 && end < s.last && c.quoteOf[end] === -1 && INVERTED_SUBJECT_PREPOSITIONS.has(c.tokens[end]!.lower); hop++) {
    const pp = nounPhraseStartingAt(c, end + 1, s.last);
    if (!pp) break;
    // "at" and "in" only before a name ("a professor at Yale"; "said the mayor at a news
    // conference" is where she said it)
    const where = c.tokens[end]!.lower === 'at' || c.tokens[end]!.lower === 'in';
    if (where && mentionStartingAtOrAfterDeterminer(c, end + 1) < 0) break;
    end = pp.last;
  }
  if (end > np.last) np = { ...np, last: end };
  k = np.last;
  while (k < s.last && tagIs(c, k, POS.ADV)) k++;
  if (k < s.last && (isVerb(c, k) || tagIs(c, k, POS.AUX))) return null;
  const src = sourceOfNounPhrase(c, np);
  return src ? { source: src, first: np.first, head: np.coreLast - 1, inverted: true, shared: false } : null;
}

/** The phrase after an inverted verb; "said lead author X": a participle before a noun belongs to it. */
export function invertedSubjectPhrase(c: Context, k: number, last: number): NounPhrase | null {
  return nounPhraseStartingAt(c, k, last, tagIs(c, k, POS.VERB) && (tagIs(c, k + 1, POS.NOUN, POS.PROPN) || c.ents.mentionAt[k + 1] !== -1));
}

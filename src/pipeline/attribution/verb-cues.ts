// Stage: cues headed by a verb. A verb is a cue when its clause reports what a source said,
// thought or found:
//   - any verb whose complement is a "that" clause or a quotation (after a colon, a comma, "as" or
//     its object), with a subject that names a source: unlisted verbs ("interjected", "assured",
//     "upbraided", "referred to her as") are found by this shape alone;
//   - a reporting lemma (data/speech.ts) also with a clause without "that", a question clause, or
//     content before it ("..., the minister said").
// The source is the clause's subject (subjects.ts); an object of the verb is its listener or its
// topic and never its source. Passive cues take their source from "by"; "X quoted Y as saying"
// gives Y, relayed by X.

import { DOCUMENT_NOUNS, FINDING_LEMMAS, LISTENER_LEMMAS, NON_REPORTING_LEMMAS, REPORTING_LEMMAS, SPEECH_ACT_LEMMAS, SPEECH_LEMMAS, THOUGHT_LEMMAS } from '../data/speech.js';
import { PERSON_ROLE_NOUNS } from '../data/titles.js';
import { POS } from '../pos.js';
import { complementAfter, opensClause, opensParticipleClause, type Complement } from './complements.js';
import { hasParticipleEnding, isVerb, sentenceOf, tagIs, type Context } from './context.js';
import type { Cue, Quotation, Source, TokenRange } from './model.js';
import { lemmaOf, mayBeReportingForm } from './lemmas.js';
import { isMessageNoun, nounPhraseEndingAt, nounPhraseStartingAt, sourceOfNounPhrase } from './noun-phrases.js';
import { preposedContent } from './preposed.js';
import { invertedSubjectPhrase, isPassive, participleSubject, skipToSubject, subjectAfter, subjectBefore, type Subject } from './subjects.js';

const RELAY_LEMMAS = new Set(['quote', 'cite']);
/** Words after which an -ing form is still a clause of its own: "while saying", "by adding". */
const PARTICIPLE_PREPOSITIONS = new Set(['by', 'while', 'when', 'after', 'before', 'since', 'in']);

export function findVerbCues(c: Context, quotations: Quotation[]): Cue[] {
  const cues: Cue[] = [];
  for (const s of c.sentences) {
    // without a quotation mark, a colon or "that" in the sentence only a reporting verb can be a
    // cue (by its clause without "that"); its spelling says whether it may be one, before any lemma
    let framed = false;
    for (let i = s.first; i < s.last && !framed; i++) {
      const t = c.tokens[i]!;
      framed = t.kind === 'quote' || t.text === ':' || t.lower === 'that';
    }
    for (let v = s.first; v < s.last; v++) {
      if (c.quoteOf[v] !== -1 || !isCueCandidate(c, v)) continue;
      if (!framed && !mayBeReportingForm(c.tokens[v]!.lower)) continue;
      verbCues(c, quotations, v, cues);
    }
  }
  return cues;
}

/**
 * A verb, or a verb of speech the tagger took for a noun after its subject: "the agency notes,
 * \"...\"", "the organisation recommends that ...", "the findings show pollution fell". A word
 * of a reporting or speech-act lemma after a noun or a name, followed by "that", a quotation or (a
 * reporting verb) a clause, is that subject's verb. (Only those lemmas: "officials, \"...\"" and
 * "crop yields, \"...\"" are nouns.)
 */
function isCueCandidate(c: Context, v: number): boolean {
  if (modifiesNextNoun(c, v)) return false;
  if (isVerb(c, v)) return true;
  // ", ruling that ...", ", noting that ...": an -ing form after a comma and before "that" is a
  // participle clause whatever the tagger says; so is a reporting form in -ed before "that"
  // ("alleged that": the adjective never takes a clause)
  if (c.tokens[v + 1]?.lower === 'that') {
    const lower = c.tokens[v]!.lower;
    if (c.tokens[v - 1]?.text === ',' && lower.endsWith('ing')) return true;
    if (lower.endsWith('ed') && mayBeReportingForm(lower)) return true;
  }
  if (verbAfterInsert(c, v)) return true;
  if (!tagIs(c, v, POS.NOUN) || !(tagIs(c, v - 1, POS.NOUN, POS.PROPN, POS.ADV) || c.ents.mentionCover[v - 1] !== -1 || isPostpositiveTitle(c, v - 1))) return false;
  if (c.ents.mentionCover[v] !== -1 || tagIs(c, v - 1, POS.DET)) return false;
  const lemma = lemmaOf(c.tokens[v]!.lower, false);
  const reporting = REPORTING_LEMMAS.has(lemma);
  if (!reporting && !SPEECH_ACT_LEMMAS.has(lemma)) return false;
  const next = c.tokens[v + 1];
  // "..., filings show.": a reporting word that ends the sentence after a subject set off by a comma
  if (reporting && (!next || next.sentence !== c.tokens[v]!.sentence || /^[.!?]$/.test(next.text))) {
    const np = nounPhraseEndingAt(c, v - 1, sentenceOf(c, v).first);
    return !!np && c.tokens[np.first - 1]?.text === ',';
  }
  if (!next) return false;
  if (next.lower === 'that') return true;
  const quote = (k: number): boolean => c.tokens[k]?.kind === 'quote' && c.tokens[k]!.quoteRole === 'open';
  if (quote(v + 1) || ((next.text === ',' || next.text === ':') && quote(v + 2))) return true;
  if (reporting && RELATIVE_WORDS.has(c.tokens[v - 2]?.lower ?? '') && (tagIs(c, v + 1, POS.AUX) || isVerb(c, v + 1))) return true; // "which supporters say would ..."
  const end = sentenceOf(c, v).last;
  return reporting && (opensClause(c, v + 1, end) || (FINDING_LEMMAS.has(lemma) && opensParticipleClause(c, v + 1, end) && findingSubject(c, v)));
}

/**
 * "The report, by the state auditor, estimates that ...": after an insert set off by commas the
 * tagger reads the verb's -s form as a plural noun (it sees no subject next to it). A reporting
 * word there, followed by a "that" clause, is the verb of the phrase before the insert; a plural
 * noun after such an insert would stand without a verb ("..., claims that were dropped" opens no
 * clause).
 */
function verbAfterInsert(c: Context, v: number): boolean {
  const lower = c.tokens[v]!.lower;
  if (c.tokens[v - 1]?.text !== ',' || c.tokens[v + 1]?.lower !== 'that' || !tagIs(c, v, POS.NOUN) || c.ents.mentionCover[v] !== -1) return false;
  if (!lower.endsWith('s') || lower.endsWith('ss')) return false;
  const lemma = lemmaOf(lower, false);
  if (!REPORTING_LEMMAS.has(lemma) && !SPEECH_ACT_LEMMAS.has(lemma)) return false;
  const s = sentenceOf(c, v);
  if (!opensClause(c, v + 2, s.last)) return false;
  // the insert's opening comma, with the subject before it
  let k = v - 2;
  while (k > s.first && c.tokens[k]!.text !== ',' && c.quoteOf[k] === -1) k--;
  return k > s.first && c.tokens[k]!.text === ',' && subjectBefore(c, v) !== null;
}

/**
 * "the inspector general found that ...": the adjective that follows its noun in a title (attorney,
 * surgeon, inspector general) ends the subject; the tagger then reads the verb as a noun.
 */
function isPostpositiveTitle(c: Context, k: number): boolean {
  return c.tokens[k]?.lower === 'general' && tagIs(c, k - 1, POS.NOUN);
}

/**
 * "Norland state media reported", "Democratic state Rep. X": a bare form after a singular name and
 * before a noun or a title modifies it; as the name's verb it would agree with it ("Norland states").
 */
function modifiesNextNoun(c: Context, v: number): boolean {
  if (v === 0) return false;
  const m = c.ents.mentionCover[v - 1]!;
  const name = m !== -1 ? c.ents.mentions[m]!.kind === 'name' && c.ents.mentions[m]!.last === v : tagIs(c, v - 1, POS.PROPN) && c.tokens[v - 1]!.cap;
  // (before a noun, or a title and its name: "Democratic state Rep. X told")
  const next = c.tokens[v + 1];
  const titleNext = !!next && next.cap && (next.lower.endsWith('.') || PERSON_ROLE_NOUNS.has(next.lower));
  if (!name || c.tokens[v - 1]!.lower.endsWith('s') || !(tagIs(c, v + 1, POS.NOUN) || titleNext)) return false;
  const lower = c.tokens[v]!.lower;
  return lemmaOf(lower, false) === lower;
}

function verbCues(c: Context, quotations: Quotation[], v: number, out: Cue[]): void {
  const t = c.tokens[v]!;
  const lemma = c.lemma(v);
  if (NON_REPORTING_LEMMAS.has(lemma)) return;
  const listed = REPORTING_LEMMAS.has(lemma);
  const progressive = tagIs(c, v - 1, POS.AUX);
  const participle = t.lower.endsWith('ing') && !progressive;
  // "quoted X as saying", "described by X as": the governing verb's frame holds the participle;
  // after another preposition the -ing form is a noun ("barred from claiming asylum")
  if (participle && (c.tokens[v - 1]?.lower === 'as' || (tagIs(c, v - 1, POS.ADP, POS.PART) && !PARTICIPLE_PREPOSITIONS.has(c.tokens[v - 1]!.lower)))) return;
  const options = { listed, speechAct: SPEECH_ACT_LEMMAS.has(lemma), listener: LISTENER_LEMMAS.has(lemma), ofObject: lemma === 'accuse' || lemma === 'warn' || lemma === 'suspect', finding: FINDING_LEMMAS.has(lemma), perceives: FINDING_LEMMAS.has(lemma) || THOUGHT_LEMMAS.has(lemma) };
  let subject: Subject | null = null;
  let via: Source | null = null;
  let viaFirst = -1;
  let cueLast = v + 1;
  let rule = 'cue-before';

  if (RELAY_LEMMAS.has(lemma) && !isPassive(c, v)) {
    // "X quoted Y as saying": Y speaks and X relays
    const np = nounPhraseStartingAt(c, v + 1, c.sentences[t.sentence]!.last);
    if (np && c.tokens[np.last]?.lower === 'as' && c.tokens[np.last + 1]?.lower.endsWith('ing')) {
      const y = sourceOfNounPhrase(c, np);
      if (!y) return;
      subject = { source: y, first: np.first, head: np.coreLast - 1, inverted: false, shared: false };
      const relay = subjectBefore(c, v);
      via = relay?.source ?? null;
      viaFirst = relay ? relay.first : v;
      cueLast = np.last + 2;
      rule = 'relayed-quote';
    }
  }
  // the passive, also without "be" in a reduced relative ("talks described by X as ...")
  const byAgent = c.tokens[v + 1]?.lower === 'by' && !participle && /(?:ed|en|wn|ld|ght)$/.test(t.lower);
  // "Asked by a reporter whether ..., X laughed": a participle of asking that opens its sentence
  // frames the answer of the main clause's subject; the asker is no source of it ("Described by
  // critics as ..." stays the critics')
  if (byAgent && v === sentenceOf(c, v).first && !isPassive(c, v) && (lemma === 'ask' || lemma === 'question' || lemma === 'press')) return;
  if (!subject && (isPassive(c, v) || byAgent)) {
    const next = c.tokens[v + 1]?.lower;
    const relayedBy = next === 'by' && RELAY_LEMMAS.has(lemma) ? nounPhraseStartingAt(c, v + 2, c.sentences[t.sentence]!.last) : null;
    if (next === 'as' && c.tokens[v + 2]?.lower.endsWith('ing')) {
      // "X was quoted as saying"
      subject = subjectBefore(c, v);
      cueLast = v + 3;
    } else if (relayedBy && c.tokens[relayedBy.last]?.lower === 'as' && c.tokens[relayedBy.last + 1]?.lower.endsWith('ing')) {
      // "X was quoted by Y as saying": X speaks, and Y relays
      subject = subjectBefore(c, v);
      via = sourceOfNounPhrase(c, relayedBy);
      cueLast = relayedBy.last + 2;
    } else if (next === 'by') {
      // "described by X as ...", "was told by X that ..."
      const np = nounPhraseStartingAt(c, v + 2, c.sentences[t.sentence]!.last);
      const src = np ? sourceOfNounPhrase(c, np) : null;
      if (src && np) {
        subject = { source: src, first: np.first, head: np.coreLast - 1, inverted: true, shared: false };
        cueLast = np.last;
        rule = 'passive-by';
      } else if (isPassive(c, v)) return;
      // no agent after "by" ("estimated by 2050, ..."): an active verb after all
    } else return;
  }
  if (!subject && participle) {
    subject = participleSubject(c, v);
    rule = 'participle-main-subject';
  }
  if (!subject && rule === 'cue-before') subject = subjectBefore(c, v) ?? (listed ? pronounItSubject(c, v) : null);
  if (!subject && rule === 'cue-before' && !participle && invertible(c, v)) {
    subject = subjectAfter(c, v);
    if (subject) cueLast = Math.max(cueLast, v + 1);
  }
  if (!subject) return;
  if (subject.shared && rule === 'cue-before') rule = 'shared-subject';
  // a message or document as subject makes any verb a verb of saying ('the letter reads "..."')
  const messageSubject = !subject.inverted && subject.source.mention < 0 && isMessageSubject(c, subject.head);
  const cue: TokenRange = { first: v, last: cueLast };
  // where the cue's clause starts: its subject before it, or the verb (shared and inverted subjects)
  const clause = rule === 'relayed-quote' ? Math.min(viaFirst, v) : subject.inverted || subject.shared ? v : Math.min(subject.first, v);
  let after = complementAfter(c, quotations, subject.inverted && rule === 'cue-before' ? subjectEnd(c, v) : cueLast, { ...options, messageSubject, finding: options.finding && !subject.inverted && isMessageSubject(c, subject.head) });
  // '"...," said X, 67, whose house ...': a relative clause after an inverted subject describes it
  if (after && subject.inverted && RELATIVE_PRONOUN_WORDS.has(c.tokens[after.content.first]!.lower)) after = null;
  // "trying to determine whether ...": an infinitive of thought or finding with a question is an
  // open question, no report ("declined to say whether ..." and "did not say when ..." report a
  // refusal, and stay)
  if (after?.kind === 'question' && c.tokens[v - 1]?.lower === 'to' && !SPEECH_LEMMAS.has(lemma)) return;
  const named = subject.source.mention >= 0;
  const push = (content: TokenRange, r: string, confidence: number): void => {
    out.push({ cue, clause, source: subject!.source, via, content, rule: named ? r : `${r}-unnamed`, confidence: named ? confidence : confidence - 0.25 });
  };
  // "X, who said the plan was flawed, resigned": the content ends where the main clause resumes.
  // "X, asked whether ..., said": a participle set off after its noun is passive (X was asked)
  // (only a participle that opens the insert, right after its noun's comma: "The indictment,
  // unsealed on Monday, alleged that X, 61, steered ..." has its finite verb after the insert, the
  // main clause, and its content goes on over "X, 61, steered")
  const subjectFirst = subject.first;
  const opensInsert = (): boolean => {
    for (let k = subjectFirst; k < v - 1; k++) if (c.tokens[k]!.text === ',' && c.quoteOf[k] === -1) return false;
    return true;
  };
  const inserted = c.tokens[v - 1]?.text === ',' && !subject.inverted && hasParticipleEnding(t.lower) && opensInsert();
  if (after && (subject.relative || inserted)) {
    const end = resumption(c, after.content.first, after.content.last);
    if (inserted && !subject.relative && end < after.content.last) return;
    after.content.last = end;
  }
  if (after) push(after.content, rule, confidenceOf(after, listed));
  else if (listed && rule === 'cue-before' && !subject.inverted) {
    // the tagger may read the relative word as the subject's determiner ("which observers")
    const relativeInside = RELATIVE_WORDS.has(c.tokens[subject.first]!.lower) && subject.source.first === subject.first;
    const gap = relativeGapContent(c, v + 1, relativeInside ? subject.first + 1 : subject.first);
    if (gap) {
      if (relativeInside) subject = { ...subject, source: { ...subject.source, first: subject.source.first + 1 } };
      push(gap, 'relative-clause', 0.7);
    }
  }
  // content before the cue: "..., X said" / '"...," said X' / "A, X said, B"; a cue with content
  // after it has none before ("According to X, the data show that ...": "show" is not a cue of the first part)
  // ('"A," X said, "B."' has both: a quotation on each side)
  // ("the mayor knew of the flaw": a verb of thought with "of" or "about" has an object, and closes
  // no content before it; "she said of the plan" does)
  const thoughtObject = THOUGHT_LEMMAS.has(lemma) && (c.tokens[cueLast]?.lower === 'of' || c.tokens[cueLast]?.lower === 'about');
  if (!thoughtObject && (!after || after.kind === 'quotation') && (rule === 'cue-before' || rule === 'shared-subject' || rule === 'relayed-quote')) {
    const clauseLast = subject.inverted ? subjectEnd(c, v) : cueLast;
    const pre = preposedContent(c, quotations, clause, clauseLast, options.listener);
    if (pre && (listed || pre.quotationOnly) && (!after || pre.quotationOnly)) {
      const r = rule === 'relayed-quote' ? rule : pre.inserted ? 'cue-inserted' : subject.inverted ? 'cue-after-inverted' : 'cue-after';
      push(pre.content, r, pre.quotationOnly ? 0.9 : 0.75);
    }
  }
}

const RELATIVE_WORDS = new Set(['which', 'that', 'who']);
/** Words that open a relative clause about the noun before them. */
const RELATIVE_PRONOUN_WORDS = new Set(['who', 'whose', 'whom', 'which']);

/**
 * "the vote, which observers said fell short of ...", "a review that he said should be done": in a
 * relative clause the content's subject is the noun the clause modifies, left out after the cue,
 * which a verb follows at once. The content is the rest of the clause: to its closing comma when
 * it is set off by commas, else to the sentence's end or a comma where the main clause resumes.
 */
function relativeGapContent(c: Context, k: number, subjectFirst: number): TokenRange | null {
  const s = sentenceOf(c, subjectFirst);
  const r = subjectFirst - 1;
  if (r <= s.first || !RELATIVE_WORDS.has(c.tokens[r]!.lower) || k >= s.last || c.quoteOf[k] !== -1) return null;
  if (!(tagIs(c, k, POS.AUX) || (isVerb(c, k) && !c.tokens[k]!.lower.endsWith('ing')))) return null;
  // (inside a longer insert: to where the main clause resumes, "..., has sought")
  let last = resumption(c, k, s.last);
  if (c.tokens[r - 1]!.text === ',') {
    for (let i = k + 1; i < s.last; i++) {
      if (c.tokens[i]!.text === ',' && c.quoteOf[i] === -1) {
        last = i;
        break;
      }
    }
  }
  return { first: k, last };
}

/**
 * "It said managers had ignored ...": "it" before a reporting verb stands for an organisation or a
 * document (pronoun-sources.ts finds which); the entity stage links it only to a named one. ("It
 * seems", "it means" are no reporting verbs; "it is said" is passive.)
 */
function pronounItSubject(c: Context, v: number): Subject | null {
  const k = skipToSubject(c, v - 1, sentenceOf(c, v).first);
  if (k < 0 || c.tokens[k]!.lower !== 'it' || !tagIs(c, k, POS.PRON) || c.quoteOf[k] !== -1) return null;
  const prev = c.tokens[k - 1];
  if (prev && prev.sentence === c.tokens[k]!.sentence && !(prev.text === ',' || tagIs(c, k - 1, POS.CCONJ, POS.SCONJ))) return null;
  return { source: { mention: -1, first: k, last: k + 1 }, first: k, head: k, inverted: false, shared: false };
}

/** "figures from the census office show ...": a document heads the subject of the verb at v. */
function findingSubject(c: Context, v: number): boolean {
  const subject = subjectBefore(c, v);
  return !!subject && !subject.inverted && isMessageSubject(c, subject.head);
}

/** The subject's head is a message or document noun ("a letter from the ministry", "the report"). */
function isMessageSubject(c: Context, head: number): boolean {
  return isMessageNoun(c, head) || DOCUMENT_NOUNS.has(c.lemma(head));
}

/** The first comma in [first, last) followed by a finite verb, or `last`. */
function resumption(c: Context, first: number, last: number): number {
  for (let k = first; k + 1 < last; k++) {
    if (c.tokens[k]!.text !== ',' || c.quoteOf[k] !== -1) continue;
    let j = k + 1;
    while (j < last && tagIs(c, j, POS.ADV)) j++;
    if (j < last && (tagIs(c, j, POS.AUX) || (isVerb(c, j) && !c.tokens[j]!.lower.endsWith('ing')))) return k;
  }
  return last;
}

/** Nothing that could be a subject stands before the verb: the sentence start, a comma or a quotation. */
function invertible(c: Context, v: number): boolean {
  const p = c.tokens[v - 1];
  if (!p || p.sentence !== c.tokens[v]!.sentence) return true;
  return p.text === ',' || p.text === ':' || (p.kind === 'quote' && p.quoteRole === 'close');
}

/** The end of the subject after an inverted verb. */
function subjectEnd(c: Context, v: number): number {
  const np = invertedSubjectPhrase(c, v + 1, c.sentences[c.tokens[v]!.sentence]!.last);
  return np ? np.last : v + 1;
}

function confidenceOf(after: Complement, listed: boolean): number {
  if (after.kind === 'quotation') return 0.9;
  return listed ? 0.8 : 0.65;
}

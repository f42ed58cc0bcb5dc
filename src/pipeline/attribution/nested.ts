// Stage: reported thought and speech inside a quotation. '"I think we have learned a lot," the
// coach said': within the quoted words the speaker reports a view of their own, and "I" there is
// the quotation's source (as is "we", which speaks for the speaker's side). An "I" with a verb of
// thinking or saying, or of telling someone ("I told them that"), and a clause after it is a cue
// nested in the quotation: its content is the clause up to the end of the sentence or of the
// quotation, its source the quotation's. Cue stages skip quoted words (and the tagger does not
// read them), so these are found here by their words.

import { quotedVerbForm } from './complements.js';
import { sentenceOf, type Context } from './context.js';
import type { Attribution, Quotation } from './model.js';

/** Verbs an "I" uses for a view of its own or for what it said: "I think", "I'd say". */
const FIRST_PERSON_CUE_FORMS = new Set([
  'think', 'thought', 'believe', 'believed', 'feel', 'felt', 'hope', 'hoped', 'fear', 'feared', 'expect', 'expected', 'suspect',
  'suspected', 'doubt', 'doubted', 'guess', 'guessed', 'reckon', 'reckoned', 'say', 'said',
]);
/** Verbs of telling, with whom they told before the clause: "I told them (that) <clause>". */
const FIRST_PERSON_TELLING_FORMS = new Set([
  'tell', 'told', 'warn', 'warned', 'assure', 'assured', 'remind', 'reminded', 'promise', 'promised', 'inform', 'informed',
  'convince', 'convinced', 'persuade', 'persuaded',
]);
/** Whom a speaker told: "told them", "warned you". */
const OBJECT_PRONOUNS = new Set(['me', 'you', 'him', 'her', 'us', 'them', 'everyone', 'everybody', 'people']);
/** Words that open a longer object, which must then end at "that": "told the players that". */
const OBJECT_OPENERS = new Set(['the', 'my', 'our', 'his', 'her', 'their', 'your', 'all']);
/** How many words a longer object may have. */
const OBJECT_REACH = 4;
/** Words between "I" and the verb: "I really think", "I'd say", "I do believe". */
const BETWEEN_WORDS = new Set(['really', 'also', 'still', 'just', 'certainly', 'personally', 'genuinely', 'honestly', 'truly', 'firmly', 'strongly', 'do', 'would', "'d", 'must', 'have', "'ve"]);
/** Words that open a clause's subject: "we have", "the plan will", "our team can". */
const SUBJECT_OPENERS = new Set([
  'i', 'we', 'they', 'he', 'she', 'it', 'you', 'there', 'this', 'these', 'those', 'the', 'a', 'an', 'our', 'their', 'his', 'her', 'its',
  'my', 'your', 'some', 'many', 'most', 'all', 'no', 'every', 'people', 'everyone', 'nobody', 'nothing', 'everything',
]);
/** Pronouns that open a clause of their own after a comma. */
const PRONOUN_SUBJECTS = new Set(['i', 'we', 'they', 'he', 'she', 'you']);
/** Clitics that carry a clause's verb: "we've", "they're", "won't". */
const VERB_CLITICS = new Set(["'ve", "'re", "'ll", "'s", "'d", "'m", "n't", "'t"]);
/** Words before the subject that make the view a supposition or a question: "if we think", "do I believe". */
const NOT_ASSERTED_AFTER = new Set(['if', 'unless', 'whether', 'when', 'do', 'did', 'does', 'should', 'would', 'could', 'can', 'what', 'why', 'how']);
/** How far into the clause its verb is looked for. */
const CLAUSE_VERB_REACH = 8;

export function nestedAttributions(c: Context, quotations: Quotation[], atts: Attribution[]): Attribution[] {
  const nested: Attribution[] = [];
  for (const a of atts) {
    if (!a.source || (a.kind !== 'direct' && a.kind !== 'mixed')) continue;
    for (const q of a.quotations) {
      const quotation = quotations[q]!;
      for (let i = quotation.first; i < quotation.last; i++) {
        // "I", or "we" speaking for the speaker's side: '"We believe the plan will fail," the minister said'
        if (c.tokens[i]!.text !== 'I' && c.tokens[i]!.lower !== 'we') continue;
        if (i > quotation.first && NOT_ASSERTED_AFTER.has(c.tokens[i - 1]!.lower)) continue;
        const found = firstPersonCue(c, quotation, i);
        if (!found) continue;
        const { verb, first, last } = found;
        nested.push({
          first,
          last,
          start: c.tokens[first]!.start,
          end: c.tokens[last - 1]!.end,
          block: a.block,
          // its words are the quotation's, quoted as they were said
          kind: 'direct',
          source: a.source,
          via: a.via,
          cue: { first: verb, last: verb + 1 },
          clause: i,
          rule: 'first-person-in-quotation',
          confidence: Math.min(a.confidence, 0.6),
          quotations: [],
          headline: a.headline,
        });
        i = last - 1;
      }
    }
  }
  return nested.length ? [...atts, ...nested] : atts;
}

/**
 * "I (really) think (that) <clause>" or "I told them (that) <clause>" at token i: the verb and
 * the clause's tokens, or null.
 */
function firstPersonCue(c: Context, quotation: Quotation, i: number): { verb: number; first: number; last: number } | null {
  let v = i + 1;
  while (v < quotation.last && v - i <= 3 && BETWEEN_WORDS.has(c.tokens[v]!.lower)) v++;
  const verb = c.tokens[v];
  if (v >= quotation.last || verb?.kind !== 'word') return null;
  const end = Math.min(quotation.last, sentenceOf(c, i).last);
  let first: number;
  if (FIRST_PERSON_CUE_FORMS.has(verb.lower)) first = v + 1;
  else if (FIRST_PERSON_TELLING_FORMS.has(verb.lower)) {
    const after = toldWhom(c, v + 1, end);
    if (after === null) return null;
    first = after;
  } else return null;
  if (c.tokens[first]?.lower === 'that' && first + 1 < end) first++;
  if (!opensQuotedClause(c, first, end)) return null;
  // "I suspect they won't, we've tried so far": a comma and a new subject with its verb start
  // another clause, no longer under the cue
  for (let k = first + 2; k < end - 1; k++) {
    if (c.tokens[k]!.text === ',' && PRONOUN_SUBJECTS.has(c.tokens[k + 1]!.lower) && opensQuotedClause(c, k + 1, end)) return { verb: v, first, last: k + 1 };
  }
  return { verb: v, first, last: end };
}

/**
 * Where the clause starts after whom a speaker told, at token k: after a pronoun ("told them we
 * were ready"), or at the "that" that ends a longer object ("told the players that"); null
 * when there is no such object ("I told you so" still has one, and no clause after it).
 */
function toldWhom(c: Context, k: number, end: number): number | null {
  const t = c.tokens[k];
  if (!t || k >= end) return null;
  if (OBJECT_PRONOUNS.has(t.lower)) return k + 1;
  if (!OBJECT_OPENERS.has(t.lower)) return null;
  for (let j = k + 1; j < end && j <= k + OBJECT_REACH; j++) {
    const u = c.tokens[j]!;
    if (u.lower === 'that') return j;
    if (u.kind !== 'word') return null;
  }
  return null;
}

/**
 * A subject and a verb after it before any punctuation: "we have learned", "the plan will fail".
 * Not "I think so", "I hope to", "I believe in it", "I fear for them".
 */
function opensQuotedClause(c: Context, k: number, end: number): boolean {
  const t = c.tokens[k];
  if (!t || k >= end || t.kind !== 'word' || !(SUBJECT_OPENERS.has(t.lower) || (t.cap && t.lower !== 'i'))) return false;
  for (let j = k + 1; j < end && j <= k + CLAUSE_VERB_REACH; j++) {
    const u = c.tokens[j]!;
    if (u.kind === 'punct' || u.kind === 'quote') return false;
    if (quotedVerbForm(u) || (u.kind === 'poss' && VERB_CLITICS.has(u.lower))) return true;
  }
  return false;
}

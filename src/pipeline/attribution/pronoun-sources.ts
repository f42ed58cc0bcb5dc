// Stage: a pronoun source that the entity stage left unresolved ("Officials said ... They added
// ...", "A spokesman said ... He added ...") stands for the source of the attribution just before,
// in the same paragraph or the one before, when the two agree: "they" and "we" a group or an
// organisation, "it" an organisation or a document, "he" and "she" a person or a person's words.

import { DOCUMENT_NOUNS, MESSAGE_NOUNS } from '../data/speech.js';
import { ORG_ROLE_NOUNS } from '../data/titles.js';
import type { Context } from './context.js';
import type { Attribution, Source } from './model.js';
import { nounPhraseStartingAt, sourceOfNounPhrase } from './noun-phrases.js';

const PRONOUNS = new Set(['they', 'we', 'it', 'he', 'she']);
/** How many paragraphs back the source before may stand. */
const MAX_PARAGRAPHS_BACK = 1;

export function resolvePronounSources(c: Context, atts: Attribution[]): void {
  const sorted = [...atts].sort((a, b) => a.start - b.start);
  let before: Attribution | null = null;
  for (const a of sorted) {
    const pronoun = barePronoun(c, a.source);
    if (pronoun && before && a.block - before.block <= MAX_PARAGRAPHS_BACK && agrees(c, pronoun, before.source!)) {
      a.source = before.source;
      a.rule = `${a.rule}-pronoun`;
    } else if (pronoun === 'it') {
      // "The report faulted the agency. It said ...": no attribution before, so the subject of
      // the sentence before, in the same paragraph, when it is an organisation or a document
      const earlier = subjectOfSentenceBefore(c, a.source!.first);
      if (earlier) {
        a.source = earlier;
        a.rule = `${a.rule}-pronoun`;
      }
    }
    if (a.source && !barePronoun(c, a.source)) before = a;
  }
}

function barePronoun(c: Context, s: Source | null): string | null {
  if (!s || s.mention >= 0 || s.last - s.first !== 1) return null;
  const l = c.tokens[s.first]!.lower;
  return PRONOUNS.has(l) ? l : null;
}

function agrees(c: Context, pronoun: string, s: Source): boolean {
  const type = s.mention >= 0 ? c.ents.mentions[s.mention]!.type : null;
  const head = c.tokens[s.last - 1]!.lower;
  if (pronoun === 'he' || pronoun === 'she') return type === 'PERSON' || (type === null && !head.endsWith('s'));
  if (pronoun === 'it') return type === 'ORG' || (type === null && standsForIt(c, s));
  // they, we: a group of people or an organisation
  return type === 'ORG' || type === 'NORP' || (type === null && head.endsWith('s'));
}

/** An unnamed source "it" may stand for: "the company", "the union", "the report", "its statement". */
function standsForIt(c: Context, s: Source): boolean {
  const head = c.lemma(s.last - 1);
  return !c.tokens[s.last - 1]!.lower.endsWith('s') && (ORG_ROLE_NOUNS.has(head) || DOCUMENT_NOUNS.has(head) || MESSAGE_NOUNS.has(head));
}

function subjectOfSentenceBefore(c: Context, k: number): Source | null {
  const s = c.tokens[k]!.sentence;
  const prev = c.sentences[s - 1];
  if (!prev || c.tokens[prev.first]!.block !== c.tokens[k]!.block) return null;
  const np = nounPhraseStartingAt(c, prev.first, prev.last);
  const src = np ? sourceOfNounPhrase(c, np) : null;
  if (!src || !np) return null;
  // the phrase's head decides ("the inspector general's report" is the report, its source the
  // inspector general)
  const head: Source = { mention: -1, first: np.first, last: np.coreLast };
  const type = src.mention >= 0 ? c.ents.mentions[src.mention]!.type : null;
  return (type === 'ORG' && src.last === np.coreLast) || standsForIt(c, head) ? src : null;
}

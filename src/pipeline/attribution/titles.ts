// Stage 2: quotations that name something instead of reporting words: after a naming word ("a
// group called \"X\"", "known as \"X\""), and short Title Case spans without sentence punctuation
// right after a determiner or a preposition ("the film \"Blue Harbour\"", "on \"The Daily Show\"").
// Such spans take no part in attribution; a cue's content may still contain them as plain words.

import { REPORTING_LEMMAS, SPEECH_ACT_LEMMAS } from '../data/speech.js';
import { POS } from '../pos.js';
import { tagIs, type Context } from './context.js';
import type { Quotation } from './model.js';

const NAMING_WORDS = new Set(['called', 'named', 'titled', 'entitled', 'dubbed', 'nicknamed', 'codenamed', 'labelled', 'labeled', 'termed', 'styled', 'hashtag', 'alias', 'aka']);
const NAMING_AFTER_AS = new Set(['known', 'billed', 'styled', 'branded', 'marketed']);
/** Words after which a capitalised quoted phrase is a name: determiners, prepositions. */
const TITLE_OPENERS = new Set(['the', 'a', 'an', 'on', 'in', 'of', 'at', 'from', 'for', 'with', 'his', 'her', 'their', 'its', 'our', 'new', 'latest']);
/** Titles are short: longer quoted spans are speech even when capitalised. */
const MAX_TITLE_TOKENS = 12;

export function markTitles(c: Context, quotations: Quotation[]): void {
  const { tokens } = c;
  for (const q of quotations) {
    if (q.continued || q.last - q.first > MAX_TITLE_TOKENS) continue;
    const b1 = tokens[q.open - 1];
    const b2 = tokens[q.open - 2];
    if (!b1 || b1.block !== q.block) {
      q.titleCase = isTitleCase(c, q);
      continue;
    }
    if (NAMING_WORDS.has(b1.lower) || (b1.lower === 'as' && b2 && NAMING_AFTER_AS.has(b2.lower))) {
      q.title = true;
      continue;
    }
    // a capitalised phrase without sentence punctuation after "the", "a", "on", "in", "of" ...: a name
    const titleCase = isTitleCase(c, q);
    q.titleCase = titleCase;
    // "the book \"Silent Rivers\"", "its hit \"Northern Lights\"": a capitalised quotation right
    // after a word names something, unless that word is a verb of speech ('chanted "Go Home"')
    const lemma = c.lemma(q.open - 1);
    const speechVerb = tagIs(c, q.open - 1, POS.VERB) && (REPORTING_LEMMAS.has(lemma) || SPEECH_ACT_LEMMAS.has(lemma));
    // (a headline capitalises everything: there only a determiner or preposition says "title")
    const headline = c.headlineBlocks.has(q.block);
    if (titleCase && b1.kind === 'word' && (TITLE_OPENERS.has(b1.lower) || (!speechVerb && !headline))) q.title = true;
  }
}

/** "The Lord of the Rings": capitalised words (a few small ones may stay lower case), no sentence punctuation. */
function isTitleCase(c: Context, q: Quotation): boolean {
  let words = 0;
  let capped = 0;
  for (let i = q.first; i < q.last; i++) {
    const t = c.tokens[i]!;
    if (t.kind === 'word') {
      words++;
      if (t.cap) capped++;
    } else if (t.kind !== 'num' && t.text !== '-' && t.text !== ':' && t.text !== '&') return false;
  }
  return words > 0 && q.last - q.first <= MAX_TITLE_TOKENS && c.tokens[q.first]!.cap && words - capped <= Math.floor(words / 3);
}

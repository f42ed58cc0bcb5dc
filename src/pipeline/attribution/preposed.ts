// Content before its cue: '"...," X said.', 'Prices will rise, the minister warned.', and a cue set
// into its content ('The plan, she said, will fail.'). The cue's clause follows a comma or a
// closing quotation mark; the content is the sentence before it (and after it, for an inserted cue).

import { POS } from '../pos.js';
import { isTimeWord, isVerb, sentenceOf, tagIs, type Context } from './context.js';
import type { Quotation, TokenRange } from './model.js';
import { nounPhraseStartingAt } from './noun-phrases.js';

export interface Preposed {
  content: TokenRange;
  /** The content is one quotation and nothing else. */
  quotationOnly: boolean;
  /** The cue stands inside its content ("The plan, she said, will fail"). */
  inserted: boolean;
}

const TRAILING_CLAUSE_OPENERS = new Set(['when', 'as', 'after', 'before', 'while', 'because', 'since', 'though', 'although', 'adding', 'noting']);
const CLOSING_PUNCT = new Set([',', '!', '?', '...', '\u2026', '\u2014', '\u2013', '--']);

/**
 * The content before a cue clause that starts at token `clauseFirst` and whose words end before
 * `clauseLast` ("the minister said" or "said the minister"). The clause must close the sentence
 * (after adverbials, a listener when `listener`, an apposition), or be set into it by commas.
 */
export function preposedContent(c: Context, quotations: Quotation[], clauseFirst: number, clauseLast: number, listener: boolean): Preposed | null {
  const s = sentenceOf(c, clauseFirst);
  const p = clauseFirst - 1;
  if (p <= s.first) return null;
  const t = c.tokens[p]!;
  let contentLast: number;
  // a comma, or a dash after a quotation ('"..." -- X said'); a dash alone sets off other things
  const dash = t.text === '\u2014' || t.text === '--';
  if (t.text === ',' || (dash && c.tokens[p - 1]?.kind === 'quote')) contentLast = p;
  else if (t.kind === 'quote' && t.quoteRole === 'close' && c.quoteOf[p] !== -1) {
    // '"Shut it down!" she wrote': a quotation that ends in its own punctuation
    const q = quotations[c.quoteOf[p]!]!;
    const lastWord = c.tokens[q.last - 1]!;
    if (!CLOSING_PUNCT.has(lastWord.text) && lastWord.text !== '.') return null;
    contentLast = p + 1;
  } else return null;
  let first = s.first;
  // a content that starts inside a quotation begun in an earlier sentence starts with it
  const qf = c.quoteOf[first]!;
  if (qf !== -1 && quotations[qf]!.open < first) first = quotations[qf]!.open;
  // a leading conjunction belongs to the sentence, not the content ("But prices will rise, ...")
  while (first < contentLast && tagIs(c, first, POS.CCONJ)) first++;
  if (first >= contentLast) return null;
  const quotationOnly = isOneQuotation(c, quotations, first, contentLast);
  // what follows the cue clause: adverbials, a listener, prepositional phrases
  let k = clauseLast;
  let object = !listener;
  for (let guard = 0; k < s.last && guard < 6; guard++) {
    if (TRAILING_CLAUSE_OPENERS.has(c.tokens[k]!.lower)) break;
    if (tagIs(c, k, POS.ADV) || isTimeWord(c, k)) k++;
    else if (tagIs(c, k, POS.ADP) && c.tokens[k]!.lower !== 'that') {
      const np = nounPhraseStartingAt(c, k + 1, s.last);
      if (!np) break;
      k = np.last;
    } else if (!object && c.tokens[k]!.kind === 'word') {
      const np = nounPhraseStartingAt(c, k, s.last);
      if (!np) break;
      k = np.last;
      object = true;
    } else break;
  }
  const rest = c.tokens[k];
  // the cue clause ends the sentence, or a comma, or a clause of time or reason follows it
  // ('"...," she said when asked about it')
  if (k < s.last && rest && rest.text !== ',' && rest.text !== ';' && !(rest.kind === 'punct' || rest.kind === 'quote') && !TRAILING_CLAUSE_OPENERS.has(rest.lower)) return null;
  let inserted = false;
  if (!quotationOnly && k + 1 < s.last && rest?.text === ',' && c.quoteOf[k + 1] === -1 && !c.tokens[k + 1]!.lower.endsWith('ing')) {
    // the rest must go on with a verb of the content's clause ("..., she said, will fail")
    for (let j = k + 1; j < s.last && j < k + 8; j++) {
      if (isVerb(c, j) || tagIs(c, j, POS.AUX)) {
        inserted = true;
        break;
      }
    }
  }
  return { content: { first, last: inserted ? s.last : contentLast }, quotationOnly, inserted };
}

/** Tokens [first, last) hold one quotation and at most punctuation besides. */
export function isOneQuotation(c: Context, quotations: Quotation[], first: number, last: number): boolean {
  let seen = -1;
  for (let i = first; i < last; i++) {
    const q = c.quoteOf[i]!;
    if (q !== -1) {
      if (seen !== -1 && q !== seen) return false;
      seen = q;
      continue;
    }
    if (c.tokens[i]!.kind === 'word' || c.tokens[i]!.kind === 'num') return false;
  }
  return seen !== -1 && !quotations[seen]!.title;
}

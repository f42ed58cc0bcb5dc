// Parts of speech for the pipeline's own tokens, from wink-nlp's English model. The attribution
// stages read verbs and the shape of clauses from these tags instead of long word lists. wink
// tokenizes on its own; its tokens are aligned to ours by character offset. (wink's lemmatiser is
// not used: the stages only ask whether a lemma is in a small set, which attribution/lemmas.ts
// answers from the sets' own word forms at a fraction of the cost.)
//
// The model (about 6 MB of heap, pos-model.ts) is loaded on first use, so processes that never
// annotate do not pay for it; in the service that is the annotator threads only.

import winkNLP, { type WinkMethods } from 'wink-nlp';
import { posModel, type PosModel } from './pos-model.js';
import type { Token } from './tokens.js';

/** Universal POS tags, in the order of their codes. */
export const POS_NAMES = ['X', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'SPACE'] as const;
export type PosName = (typeof POS_NAMES)[number];
const CODE = new Map<string, number>(POS_NAMES.map((n, i) => [n, i]));
export const POS = Object.fromEntries(POS_NAMES.map((n, i) => [n, i])) as Record<PosName, number>;

export interface PosTags {
  /** A POS code (see POS) for each of our tokens; 0 (X) where the tagger saw no word. */
  tag: Uint8Array;
}

let nlp: WinkMethods | undefined;
let loaded: PosModel | undefined;

/**
 * wink adds every word it did not know to its lexicon, and keeps it: in a service that annotates
 * news for weeks (new names, numbers, misspellings every day) that grows without end. Past this
 * many added words (a few MB) the tagger starts again from the model as shipped, which takes
 * about 0.1 s; the tags do not depend on what was read before (test/pipeline/pos.test.ts).
 */
export const MAX_ADDED_WORDS = 50_000;

/** Longest run of non-space characters the tagger sees whole. */
const MAX_RUN = 64;

/**
 * wink's tokenizer takes time quadratic in the length of a run without spaces (a 30,000-character
 * URL or dash line takes seconds). Such runs are no words to tag: past their first characters they
 * are blanked (same length, so offsets still hold).
 */
function breakLongRuns(text: string): string {
  let parts: string[] | null = null;
  let from = 0;
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = i < text.length ? text.charCodeAt(i) : 32;
    if (ch !== 32 && ch !== 10 && ch !== 9 && ch !== 13) continue;
    if (i - runStart > MAX_RUN) {
      parts ??= [];
      const keep = runStart + MAX_RUN / 2;
      parts.push(text.slice(from, keep), ' '.repeat(i - keep));
      from = i;
    }
    runStart = i + 1;
  }
  if (!parts) return text;
  parts.push(text.slice(from));
  return parts.join('');
}

function tagger(): WinkMethods {
  if (!nlp || loaded!.addedWords() > MAX_ADDED_WORDS) {
    loaded = posModel();
    // only the tokenizer and the POS tagger: no sentence split, negation, sentiment or entities
    nlp = winkNLP(loaded.model, ['pos']);
  }
  return nlp;
}

/** Words wink has added to its lexicon since the tagger was (re)started; for tests. */
export function taggerAddedWords(): number {
  return loaded?.addedWords() ?? 0;
}

/**
 * Tags `tokens` (offsets into `text`, UTF-16). `text` may be a same-length copy of the article in
 * which capitalisation that misleads the tagger (sentence starts, Title Case lines) was lowered.
 */
export function tagTokens(text: string, tokens: Token[]): PosTags {
  const tag = new Uint8Array(tokens.length);
  if (tokens.length === 0) return { tag };
  const w = tagger();
  const its = w.its;
  const seen = breakLongRuns(text);
  const doc = w.readDoc(seen);
  const values = doc.tokens().out();
  const spaces = doc.tokens().out(its.precedingSpaces);
  const tags = doc.tokens().out(its.pos);
  // wink's tokens, with their offsets rebuilt from the text they cover
  let pos = 0;
  let k = 0;
  for (let j = 0; j < values.length && k < tokens.length; j++) {
    pos += spaces[j]!.length;
    const v = values[j]!;
    // wink keeps every character, so its values follow the text; resynchronise nearby if one
    // does not (a bounded look-ahead keeps this linear)
    let at = pos;
    if (!seen.startsWith(v, pos)) {
      const near = seen.slice(pos, pos + v.length + 16).indexOf(v);
      if (near < 0) continue;
      at = pos + near;
    }
    const end = at + v.length;
    pos = end;
    while (k < tokens.length && tokens[k]!.start < end) {
      if (tokens[k]!.start >= at) tag[k] = CODE.get(tags[j]!) ?? 0;
      k++;
    }
  }
  return { tag };
}

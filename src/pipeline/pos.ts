// Parts of speech and lemmas for the pipeline's own tokens, from wink-nlp's English model. The
// attribution stages read verbs, their lemmas and the shape of clauses from these tags instead of
// long word lists. wink tokenizes on its own; its tokens are aligned to ours by character offset.
//
// The model (about 17 MB of heap) is loaded on first use, so processes that never annotate do not
// pay for it; in the service that is the annotator threads only.

import winkNLP, { type ItemToken, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Token } from './tokens.js';

/** Universal POS tags, in the order of their codes. */
export const POS_NAMES = ['X', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'SPACE'] as const;
export type PosName = (typeof POS_NAMES)[number];
const CODE = new Map<string, number>(POS_NAMES.map((n, i) => [n, i]));
export const POS = Object.fromEntries(POS_NAMES.map((n, i) => [n, i])) as Record<PosName, number>;

export interface PosTags {
  /** A POS code (see POS) for each of our tokens. */
  tag: Uint8Array;
  /** The lemma of token i ("said" -> "say", "allegations" -> "allegation"), computed on demand. */
  lemma(i: number): string;
}

let nlp: WinkMethods | undefined;

/** Longest run of non-space characters the tagger sees whole. */
const MAX_RUN = 64;
const LONG_RUN = new RegExp(`\\S{${MAX_RUN + 1},}`, 'g');

/**
 * wink's tokenizer takes time quadratic in the length of a run without spaces (a 30,000-character
 * URL or dash line takes seconds). Such runs are no words to tag: past their first characters they
 * are blanked (same length, so offsets still hold).
 */
function breakLongRuns(text: string): string {
  return text.replace(LONG_RUN, (run) => run.slice(0, MAX_RUN / 2) + ' '.repeat(run.length - MAX_RUN / 2));
}

function tagger(): WinkMethods {
  // only the tokenizer and the POS tagger: no sentence split, negation, sentiment or entities
  nlp ??= winkNLP(model, ['pos']);
  return nlp;
}

/**
 * Tags `tokens` (offsets into `text`, UTF-16). `text` may be a same-length copy of the article in
 * which capitalisation that misleads the tagger (sentence starts, Title Case lines) was lowered.
 */
export function tagTokens(text: string, tokens: Token[]): PosTags {
  const tag = new Uint8Array(tokens.length);
  const wink = new Int32Array(tokens.length).fill(-1);
  if (tokens.length === 0) return { tag, lemma: () => '' };
  const w = tagger();
  const its = w.its;
  const doc = w.readDoc(breakLongRuns(text));
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
    if (!text.startsWith(v, pos)) {
      const near = text.slice(pos, pos + v.length + 16).indexOf(v);
      if (near < 0) continue;
      at = pos + near;
    }
    const end = at + v.length;
    pos = end;
    while (k < tokens.length && tokens[k]!.start < end) {
      if (tokens[k]!.start >= at) {
        tag[k] = CODE.get(tags[j]!) ?? 0;
        wink[k] = j;
      }
      k++;
    }
  }
  const lemmas = new Map<number, string>();
  const items = doc.tokens();
  return {
    tag,
    lemma(i: number): string {
      const j = wink[i]!;
      if (j < 0) return tokens[i]?.lower ?? '';
      let l = lemmas.get(j);
      if (l === undefined) {
        // wink's typings give its.lemma a signature out() does not accept; the call is the documented one
        l = String(items.itemAt(j).out(its.lemma as unknown as Parameters<ItemToken['out']>[0])).toLowerCase();
        lemmas.set(j, l);
      }
      return l;
    },
  };
}

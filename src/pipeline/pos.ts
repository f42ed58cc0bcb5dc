// Parts of speech for the pipeline's own tokens, from wink-nlp's English model. The attribution
// stages read verbs and the shape of clauses from these tags instead of long word lists. The
// tagger reads the pipeline's own tokens (see tagTokens), not the text. (wink's lemmatiser is
// not used: the stages only ask whether a lemma is in a small set, which attribution/lemmas.ts
// answers from the sets' own word forms at a fraction of the cost.)
//
// The model (about 6 MB of heap, pos-model.ts) is loaded on first use, so processes that never
// annotate do not pay for it; in the service that is the annotator threads only.

import { createRequire } from 'node:module';
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

/** How tagTokens hands a token to the tagger. */
export const FORM = { AS_IS: 0, LOWER: 1, SKIP: 2 } as const;

/** Longest token the tagger is given: longer ones are no words to tag (a URL, a dash line). */
const MAX_TOKEN = 64;
/** The most preceding spaces wink's token store keeps (its tokenizer's cap). */
const MAX_SPACES = 65534;

/**
 * wink adds every word it did not know to its lexicon, and keeps it: in a service that annotates
 * news for weeks (new names, numbers, misspellings every day) that grows without end. Past this
 * many added words (a few MB) the tagger starts again from the model as shipped, which takes
 * about 0.1 s; the tags do not depend on what was read before (test/pipeline/pos.test.ts).
 */
export const MAX_ADDED_WORDS = 50_000;

// wink's own parts, below its readDoc: its lexicon cache, its token store and the POS automata.
// readDoc tokenizes the text again with its own regular expressions (about two thirds of its time
// on news); here it is given the pipeline's tokens instead, one lexicon look-up each, and runs
// the same POS machines over them. (wink-nlp is pinned in package-lock.json; these modules are
// its src/, which has no exports map.)
const require = createRequire(import.meta.url);
const createCache = require('wink-nlp/src/cache.js') as (model: unknown, featureFn: unknown) => WinkCache;
const createAutomaton = require('wink-nlp/src/automaton.js') as (cache: WinkCache, ignore: string) => WinkAutomaton;
const compileTRex = require('wink-nlp/src/compile-trex.js') as (trex: unknown) => unknown;
const createTokenizer = require('wink-nlp/src/tokenizer.js') as (trex: unknown, categories: Record<string, number>, preserve: unknown) => (doc: object, text: string) => void;
const wrapDocData = require('wink-nlp/src/dd-wrapper.js') as (rdd: object) => object;
const { mapRawTokens2UIdOfNormal, mapRawTokens2UIdOfDefaultPOS } = require('wink-nlp/src/tokens-mappers.js') as Record<'mapRawTokens2UIdOfNormal' | 'mapRawTokens2UIdOfDefaultPOS', (rdd: object) => number[]>;
const { bits4lemma, bits4PrecedingSpace, posMask, tkSize, xpSize } = require('wink-nlp/src/constants.js') as Record<'bits4lemma' | 'bits4PrecedingSpace' | 'posMask' | 'tkSize' | 'xpSize', number>;

interface WinkCache {
  value(index: number): string;
  /** A word's lexeme index, or for a contraction its expansions (xpSize numbers each); null if unknown. */
  lookup(word: string): number[] | null;
}
interface WinkAutomaton {
  importJSON(machine: unknown): void;
  recognize(tags: number[], transformer: unknown, rawTokens: number[]): unknown[];
}
interface WinkPosModel {
  machines: unknown[];
  transformers: unknown[];
  updater(px: unknown[], cache: WinkCache, tags: number[], normals: number[]): void;
  setter(rdd: object, tags: number[], tkSize: number, bits4lemma: number): void;
}
interface CoreModel {
  trex: unknown;
  preserve: unknown;
  tcat: { hash: Record<string, number> };
  features: { pos: { list: string[] } };
}

interface Tagger {
  cache: WinkCache;
  automata: WinkAutomaton[];
  pos: WinkPosModel;
  /** wink's own tokenizer, for the words it splits itself (see tagTokens). */
  tokenize: (doc: object, text: string) => void;
  /** wink's POS index -> our POS code. */
  code: Uint8Array;
  /**
   * cache.lookup's answers for the words read lately. wink's lexicon index (pos-model.ts) is a
   * compact table behind a Proxy, which costs about half a microsecond a look-up; news repeats
   * most of its words, and a Map answers those from the string's own hash.
   */
  seen: Map<string, number[]>;
  /** For words wink's tokenizer read: the tokens it wrote (wink's token store's four numbers each). */
  split: Map<string, number[]>;
}

/** Words whose look-ups the tagger remembers (about 100 bytes each); then it starts afresh. */
const MAX_SEEN_WORDS = 20_000;

let current: Tagger | undefined;
let loaded: PosModel | undefined;

function tagger(): Tagger {
  if (!current || loaded!.addedWords() > MAX_ADDED_WORDS) {
    loaded = posModel();
    // as wink's own load() does, for the parts a POS-only pipe uses
    const model = loaded.model as unknown as { core(): CoreModel; featureFn: unknown; pos(): WinkPosModel };
    const core = model.core();
    const cache = createCache(core, model.featureFn);
    const pos = model.pos();
    const automata = pos.machines.map((machine) => {
      // the POS machines ignore only the out-of-vocabulary literal (not a new line)
      const automaton = createAutomaton(cache, cache.value(0));
      automaton.importJSON(machine);
      return automaton;
    });
    const code = new Uint8Array(core.features.pos.list.length);
    core.features.pos.list.forEach((name, k) => (code[k] = CODE.get(name) ?? 0));
    const tokenize = createTokenizer(compileTRex(core.trex), core.tcat.hash, core.preserve);
    current = { cache, automata, pos, tokenize, code, seen: new Map(), split: new Map() };
  }
  return current;
}

/** Words wink has added to its lexicon since the tagger was (re)started; for tests. */
export function taggerAddedWords(): number {
  return loaded?.addedWords() ?? 0;
}

/** Clitics the pipeline splits off a word ("doesn" "'t") that wink's lexicon knows joined ("doesn't"). */
const CLITICS = new Set(["'t", "'s", "'d", "'ll", "'re", "'ve", "'m"]);

/**
 * Tags `tokens` (offsets into `text`, UTF-16). `form`, if given, says per token whether the tagger
 * sees it as written, lowered (capitalisation that misleads it: sentence starts, Title Case lines)
 * or not at all (words no stage reads a tag of).
 */
export function tagTokens(text: string, tokens: Token[], form?: Uint8Array): PosTags {
  const tag = new Uint8Array(tokens.length);
  if (tokens.length === 0) return { tag };
  const w = tagger();
  if (w.seen.size + w.split.size > MAX_SEEN_WORDS) {
    w.seen.clear();
    w.split.clear();
  }
  // wink's token store: per token its lexeme, preceding spaces (with, for a contraction's part,
  // where its normal form is), lemma and POS, and a flag word
  const rdd = { cache: w.cache, tokens: [] as number[], numOfTokens: 0, nonBreakingSpaces: Object.create(null) as object };
  let doc: object | null = null;
  const store = rdd.tokens;
  // for each of wink's tokens, the index of ours it tags (-1: none)
  const ours: number[] = [];
  const formOf = (i: number): number => (form ? form[i]! : FORM.AS_IS);
  // the token's own strings where the text there is what it was tokenized from (almost always:
  // the matching copy differs only at a lost apostrophe or a no-break space), with no new string
  const wordOf = (i: number): string => {
    const t = tokens[i]!;
    if (text.startsWith(t.text, t.start)) return formOf(i) === FORM.LOWER ? t.lower : t.text;
    const raw = text.slice(t.start, t.end);
    return formOf(i) === FORM.LOWER ? raw.toLowerCase() : raw;
  };
  // as wink's dd-wrapper addTokenIfInCache: one token, or a contraction's expansions
  const push = (entry: number[], spaces: number): number => {
    if (entry.length === 1) {
      store.push(entry[0]!, spaces, 0, 0);
      return 1;
    }
    for (let k = 0; k < entry.length; k += xpSize) {
      const ps = (k === 0 ? spaces : 0) | (entry[k + 1]! << bits4PrecedingSpace);
      store.push(entry[k]!, ps, entry[k + 2]! | (entry[k + 3]! << bits4lemma), 0);
    }
    return entry.length / xpSize;
  };
  const known = (word: string): number[] | null => {
    let entry = w.seen.get(word);
    if (entry === undefined) {
      const found = w.cache.lookup(word);
      if (found === null) return null;
      w.seen.set(word, (entry = found));
    }
    return entry;
  };
  // the spaces before a token, as wink's tokenizer counts them (what was skipped counts as space)
  let fedEnd = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (formOf(i) === FORM.SKIP || t.end - t.start > MAX_TOKEN) continue;
    const spaces = Math.min(t.start - fedEnd, MAX_SPACES);
    const next = tokens[i + 1];
    // "doesn" "'t" as wink's lexicon has it: "doesn't", read as "does" "n't"
    if (next && next.kind === 'poss' && next.start === t.end && formOf(i + 1) !== FORM.SKIP && CLITICS.has(next.lower)) {
      const joined = known(wordOf(i) + wordOf(i + 1));
      if (joined) {
        const n = push(joined, spaces);
        fedEnd = next.end;
        ours.push(i);
        if (n > 1) ours.push(i + 1);
        for (let k = 2; k < n; k++) ours.push(-1);
        i++;
        continue;
      }
    }
    const word = wordOf(i);
    const entry = known(word);
    let n: number;
    if (entry) n = push(entry, spaces);
    else {
      // a word wink does not know goes through wink's own tokenizer, as when wink read the text:
      // it adds the word to the lexicon with its category, or splits it ("media-buying", "R-Ind."),
      // and the token takes the tag of its first part (what it wrote is remembered, since a split
      // word stays unknown)
      const before = store.length;
      const parts = w.split.get(word);
      if (parts) for (const x of parts) store.push(x);
      else {
        w.tokenize((doc ??= wrapDocData(rdd)), word);
        w.split.set(word, store.slice(before));
      }
      n = (store.length - before) / tkSize;
      if (n > 0) store[before + 1] = (store[before + 1]! & ~0xffff) | spaces;
    }
    fedEnd = t.end;
    if (n === 0) continue;
    ours.push(i);
    for (let k = 1; k < n; k++) ours.push(-1);
  }
  rdd.numOfTokens = rdd.tokens.length / tkSize;
  if (rdd.numOfTokens === 0) return { tag };
  // readDoc's POS step
  const normals = mapRawTokens2UIdOfNormal(rdd);
  const tags = mapRawTokens2UIdOfDefaultPOS(rdd);
  for (const automaton of w.automata) {
    const px = automaton.recognize(tags, w.pos.transformers[0], rdd.tokens);
    w.pos.updater(px, w.cache, tags, normals);
  }
  w.pos.setter(rdd, tags, tkSize, bits4lemma);
  for (let k = 0; k < ours.length; k++) {
    const i = ours[k]!;
    if (i >= 0) tag[i] = w.code[(rdd.tokens[k * tkSize + 2]! & posMask) >>> bits4lemma]!;
  }
  return { tag };
}

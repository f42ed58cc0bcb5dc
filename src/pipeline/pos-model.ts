// The part of wink-eng-lite-web-model that POS tagging needs, read so that the thread keeps one
// copy of it. The package's own entry point require()s its 3 MB core JSON, so Node's module cache
// keeps that object for good, and then deep-copies it for each wink instance: two copies (about 5
// MB of heap more). It also loads the sentence, entity, negation and sentiment machines, which wink
// builds whatever its pipe (the sentiment one alone is 400 kB of JSON); a pipe of 'pos' only never
// runs them, so they are given empty here. What is read is the package's data, unchanged: the
// tags are the same (the snapshot test of annotate's output and test/pipeline/pos.test.ts).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Model } from 'wink-nlp';

const require = createRequire(import.meta.url);
const PACKAGE = 'wink-eng-lite-web-model/dist';

/** A state machine that recognises nothing, for the annotations the pipe does not run. */
const NO_MACHINE = JSON.stringify([0, 0, {}, {}, {}, {}]);
const noop = (): void => {};

interface Feature {
  list: string[];
  hash?: Record<string, number>;
  intrinsicSize?: number;
  index?: number;
  maxIndex?: number;
}
interface CoreModel {
  packing: { layout: Record<string, number[]>; efList?: string[] };
  features: Record<string, Feature> & { lexeme: Feature; posClusters: { list: unknown[] } };
  pos: { hash: Record<string, number> };
  lexicon: string | Uint32Array;
  xpansions: string | Uint32Array;
}

/**
 * wink's index of its 87,593 lexemes (word -> position in the lexeme list) as it reads and writes
 * it, `hash[word]` and `hash[word] = position`, over an open-addressing table of positions into
 * the list instead of an object with a property per word: that object takes 6 MB of heap, the
 * table 1 MB. Each slot also keeps the top bits of its word's hash above the position, so a probe
 * reads the word in the list (a pointer chase into the heap, mostly not cached) only when they match.
 */
function lexemeIndex(list: string[]): Record<string, number> {
  const FNV_OFFSET = 0x811c9dc5;
  const FNV_PRIME = 0x01000193;
  let table = new Int32Array(16);
  let mask = 15;
  // positions + 1 take the low `bits` bits of a slot (fewer than log2 of the table's length, which
  // is kept at least twice the number of words), the hash's top `31 - bits` bits the rest
  let bits = 4;
  let size = 0;
  const hashOf = (word: string): number => {
    let h = FNV_OFFSET;
    for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
    return h;
  };
  const slotOf = (word: string, h: number): number => {
    const fp = h >>> (bits + 1);
    let slot = h & mask;
    // 0 is an empty slot
    for (let v = table[slot]!; v !== 0 && (v >>> bits !== fp || list[(v & mask) - 1] !== word); v = table[slot]!) slot = (slot + 1) & mask;
    return slot;
  };
  const put = (word: string, position: number): void => {
    const h = hashOf(word);
    const slot = slotOf(word, h);
    if (table[slot] === 0) size++;
    table[slot] = (h >>> (bits + 1)) * 2 ** bits + position + 1;
  };
  const grow = (capacity: number): void => {
    table = new Int32Array(capacity);
    mask = capacity - 1;
    bits = Math.log2(capacity);
    size = 0;
    for (let k = 0; k < list.length; k++) put(list[k]!, k);
  };
  let capacity = 16;
  while (capacity < list.length * 2) capacity *= 2;
  grow(capacity);
  return new Proxy(Object.create(null) as Record<string, number>, {
    get: (_, word) => {
      if (typeof word !== 'string') return undefined;
      const v = table[slotOf(word, hashOf(word))]!;
      return v === 0 ? undefined : (v & mask) - 1;
    },
    // wink sets hash[word] = position just before it pushes the word onto the list (and looks
    // nothing up in between): a table grown here is rebuilt from the list, and then given the word
    set: (_, word, position: number) => {
      if (typeof word !== 'string') return false;
      if ((size + 1) * 2 > table.length) grow(table.length * 2);
      put(word, position);
      return true;
    },
  });
}

function uint32FromBase64(data: string): Uint32Array {
  const bytes = Buffer.from(data, 'base64');
  const words = new Uint32Array(bytes.length >>> 2);
  new Uint8Array(words.buffer).set(bytes.subarray(0, words.length * 4));
  return words;
}

/**
 * The core model as the package's read-core-model.js and load-core-model.js make it (lexicon
 * decoded, hashes of the feature lists, POS clusters as sets, the features' sizes), from a fresh
 * parse of the JSON file that nothing else keeps.
 */
function readCoreModel(): CoreModel {
  const model = JSON.parse(readFileSync(require.resolve(`${PACKAGE}/languages/cur/models/eng-core-web-model.json`), 'utf8')) as CoreModel;
  const { packing, features, pos } = model;
  model.lexicon = uint32FromBase64(model.lexicon as string);
  model.xpansions = uint32FromBase64(model.xpansions as string);
  const hashOf = (list: string[]): Record<string, number> => {
    const hash = Object.create(null) as Record<string, number>;
    for (let k = 0; k < list.length; k++) hash[list[k]!] = k;
    return hash;
  };
  for (const f in packing.layout) if (packing.layout[f]![3] === 0) features[f]!.hash = hashOf(features[f]!.list);
  features.lexeme.hash = lexemeIndex(features.lexeme.list);
  const clusters = features.posClusters.list;
  for (let k = 0; k < clusters.length; k++) clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in packing.layout) {
    const layout = packing.layout[f]!;
    if (layout[3] === 0) {
      const feature = features[f]!;
      feature.intrinsicSize = feature.list.length;
      feature.index = feature.list.length;
      feature.maxIndex = layout[1]! >>> layout[2]!;
    }
    if (layout[4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

export interface PosModel {
  /** The model to hand to winkNLP(model, ['pos']). */
  model: Model;
  /** How many words wink has added to its lexicon since the model was read (see pos.ts). */
  addedWords(): number;
}

/** A fresh model: each wink instance needs its own, since wink adds the words it did not know to it. */
export function posModel(): PosModel {
  let core: CoreModel | undefined;
  const model = {
    core: () => (core = readCoreModel()),
    sbd: () => ({ machines: [], setter: noop, transformers: [] }),
    ner: () => ({ machines: [], transformers: [] }),
    negation: () => ({ machines: [NO_MACHINE], setter: noop }),
    sa: () => ({ machines: [NO_MACHINE], setter: noop }),
    pos: require(`${PACKAGE}/load-pos-model.js`) as () => unknown,
    // (the package's load-cer-meta-model.js stringifies its machines anew on each call, and keeps
    // the string in place of the object, so that a second wink instance gets them nested)
    metaCER: () => ({ machines: JSON.stringify(require(`${PACKAGE}/languages/cur/models/eng-cer-meta-model.json`)), transformers: require(`${PACKAGE}/cer-transformers.js`) as unknown }),
    featureFn: require(`${PACKAGE}/feature.js`) as unknown,
    // stemming, lemmas and readability are never asked for
    addons: Object.create(null) as object,
  };
  return {
    model: model as unknown as Model,
    addedWords: () => (core ? core.features.lexeme.list.length - core.features.lexeme.intrinsicSize! : 0),
  };
}

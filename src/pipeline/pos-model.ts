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
  features.lexeme.hash = hashOf(features.lexeme.list);
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

// The data the entity stages pass along: candidates (token ranges that may be names), entities
// (one per referent in the article) and mentions (every span that refers to one). Offsets are
// UTF-16 indices here; annotate.ts converts them to code points.

import type { Sentence, Token } from '../tokens.js';
import type { EntityType, MentionKind } from '../types.js';

export interface Entity {
  type: EntityType;
  /** How sure the type is (see TypeStrength); later evidence may replace a weaker type. */
  typeStrength: TypeStrength;
  canonical: string;
  /** Lower-case name tokens of the canonical name. */
  nameTokens: string[];
  aliases: string[];
  count: number;
  lastToken: number;
  /** Lower-case role words seen next to the entity's names ("leader", "peruvian", "president"). */
  roles: Set<string>;
  /** True when the canonical name comes from a gazetteer (countries). */
  fixedCanonical: boolean;
  /** PERSON only: the estimated gender (see ../gender.ts); absent until estimated. */
  gender?: 'female' | 'male' | 'unknown';
}

export interface Mention {
  start: number;
  end: number;
  /** Token range [first, last). */
  first: number;
  last: number;
  entity: number;
  kind: MentionKind;
  type: EntityType;
}

export interface EntityResult {
  entities: Entity[];
  mentions: Mention[];
  /** For each token, the index of the mention that starts there, or -1. */
  mentionAt: Int32Array;
  /** For each token, the index of a mention covering it, or -1 (outermost). */
  mentionCover: Int32Array;
}

/**
 * How strong the evidence for a type is: 1 a default (an unknown capitalised word is taken for an
 * organisation), 2 a cue around the name (a product noun after it, a version number), 3 the name
 * itself says it (a gazetteer entry, an organisation word, a title before a person's name).
 */
export type TypeStrength = 1 | 2 | 3;

export interface Candidate {
  first: number;
  last: number;
  /** Lower-case role/title words before the name ("president", "chinese president"). */
  roles: string[];
  forcedType: EntityType | null;
  /** A title or role word before the name says it is a person's. */
  personCue: boolean;
  /** A name inside a longer name (the place in a university's name). */
  nested?: boolean;
  /** Kept only when it links to a person already named in the article ("the Ruiz Foundation" after "Ana Ruiz"). */
  refersBack?: boolean;
}

export interface EntityInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Per block: true for the headline (title-case text). */
  headlineBlocks: Set<number>;
  /** Token ranges [first, last) known to be a place / organisation (dateline, source line). */
  forced: { first: number; last: number; type: EntityType }[];
}

/** The tokens' texts joined by single spaces. */
export function textOfTokens(tokens: Token[], a: number, b: number): string {
  let s = '';
  for (let k = a; k < b; k++) s += (k > a ? ' ' : '') + tokens[k]!.text;
  return s;
}

/** The tokens' texts joined as they stand in the text (a space only where the text has one). */
export function surfaceOfTokens(tokens: Token[], a: number, b: number): string {
  let s = '';
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (k > a && tokens[k - 1]!.end < t.start) s += ' ';
    s += t.text;
  }
  return s;
}

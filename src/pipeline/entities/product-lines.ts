// Versions name their product line. When "Acme Navigator 7" is a product, a name "Acme Navigator"
// of the same article that has only a default type is the product line, a product too (its
// abbreviation then links to it as to any product). Only names of two words or more: a single word
// before a model number is as often the maker ("Boeing 737"). Runs on the classified candidates,
// before linking, so that linking sees the final types.

import type { Token } from '../tokens.js';
import type { Classified } from './classify.js';
import type { Candidate } from './model.js';
import { textOfTokens } from './model.js';
import { isNameNumber } from './kind-cues.js';

export function typeProductLines(tokens: Token[], typed: ({ c: Candidate } & Classified)[]): void {
  const lines = new Set<string>();
  for (const x of typed) {
    const { first, last } = x.c;
    if (x.type === 'PRODUCT' && last - first >= 3 && isNameNumber(tokens[last - 1]!)) lines.add(textOfTokens(tokens, first, last - 1).toLowerCase());
  }
  if (!lines.size) return;
  for (const x of typed) {
    if (x.strength <= 1 && x.c.last - x.c.first >= 2 && lines.has(textOfTokens(tokens, x.c.first, x.c.last).toLowerCase())) {
      x.type = 'PRODUCT';
      x.strength = 2;
    }
  }
}

// Comparing sources: the same entity, or the same words.

import type { Context } from './context.js';
import type { Source } from './model.js';

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it', 'him', 'her', 'them', 'us', 'me']);

/**
 * Whether two sources are one. A pronoun that names no entity may stand for either, so it counts
 * as the same: splitting a speaker's words over a pronoun nobody resolved would be a guess.
 */
export function sameSource(c: Context, a: Source | null, b: Source | null): boolean {
  if (!a || !b) return a === b;
  const { mentions } = c.ents;
  if (a.mention >= 0 && b.mention >= 0) return mentions[a.mention]!.entity === mentions[b.mention]!.entity;
  if (isBarePronoun(c, a) || isBarePronoun(c, b)) return true;
  if (a.mention >= 0 || b.mention >= 0) return false;
  return wordsOf(c, a) === wordsOf(c, b);
}

function isBarePronoun(c: Context, s: Source): boolean {
  return s.mention < 0 && s.last - s.first === 1 && PRONOUNS.has(c.tokens[s.first]!.lower);
}

function wordsOf(c: Context, s: Source): string {
  let out = '';
  for (let i = s.first; i < s.last; i++) out += `${c.tokens[i]!.lower} `;
  return out;
}

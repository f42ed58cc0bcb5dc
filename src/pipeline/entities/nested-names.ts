// Names inside a longer name: the place in an organisation's or event's name ("University of
// Texas" -> Texas, "Berlin Marathon" -> Berlin), and the name a facility is named after ("Fisht
// Stadium" -> Fisht).

import { ADMIN_SUFFIXES, LOC_SUFFIXES, ORG_SUFFIXES } from '../data/orgs.js';
import { FIRST_NAMES, isEnglishWord, isGivenName, isNameLike, lookupPlace, MAX_PLACE_TOKENS } from '../gazetteer.js';
import type { Token } from '../tokens.js';
import { type Candidate, textOfTokens } from './model.js';
import { splitRun } from './split-run.js';

/** Longest place looked for inside a name, in tokens. */
const MAX_NESTED_PLACE_TOKENS = 4;

/** Places inside a longer name: "University of Texas" -> Texas, "Berlin Marathon" -> Berlin. */
export function nestPlaces(tokens: Token[], i: number, b: number, out: Candidate[]): void {
  const lastLower = tokens[b - 1]!.lower;
  if (b - i >= 2 && !ADMIN_SUFFIXES.has(lastLower) && !lookupPlace(textOfTokens(tokens, i, b))) {
    for (let k = i; k < b; k++) {
      if (!tokens[k]!.cap) continue;
      for (let m = Math.min(b, k + Math.min(MAX_NESTED_PLACE_TOKENS, MAX_PLACE_TOKENS)); m > k; m--) {
        if (k === i && m === b) continue;
        const pl = lookupPlace(textOfTokens(tokens, k, m));
        if (pl && !(FIRST_NAMES.has(tokens[i]!.lower) && b - i <= 3 && !ORG_SUFFIXES.has(lastLower) && !LOC_SUFFIXES.has(lastLower))) {
          out.push({ first: k, last: m, roles: [], forcedType: 'LOC', personCue: false, nested: true });
          k = m - 1;
          break;
        }
      }
    }
  }
}

/** A facility named after a name: "Fisht Stadium" holds "Fisht", "NTU Hospital Station" holds "NTU Hospital". */
export function nestFacilityPrefix(tokens: Token[], i: number, b: number, out: Candidate[]): void {
  const lastLower = tokens[b - 1]!.lower;
  if (b - i < 2 || !LOC_SUFFIXES.has(lastLower) || ADMIN_SUFFIXES.has(lastLower)) return;
  for (let k = i; k < b - 1; k++) {
    const t = tokens[k]!;
    if (!t.cap) return;
    const ok = t.allCaps || !isEnglishWord(t.lower) || !!lookupPlace(t.text) || (k > i && (LOC_SUFFIXES.has(t.lower) || isNameLike(t.lower)));
    if (!ok) return;
  }
  if (lookupPlace(textOfTokens(tokens, i, b - 1))) return; // already nested as a place
  splitRun(tokens, i, b - 1, out);
}

/** Tokens a..b-1 look like a person's name: a given name first, or mostly words that are no English words. */
export function looksLikePerson(tokens: Token[], a: number, b: number): boolean {
  if (b - a < 1) return false;
  let dict = 0;
  for (let k = a; k < b; k++) {
    const t = tokens[k]!;
    if (lookupPlace(t.text) || ORG_SUFFIXES.has(t.lower) || LOC_SUFFIXES.has(t.lower)) return false;
    if (isEnglishWord(t.lower)) dict++;
  }
  if (isGivenName(tokens[a]!.lower) && b - a >= 2) return true;
  return b - a >= 2 && dict * 2 <= b - a;
}

// Gender of a person, as far as the text says it. Two uses: pronoun resolution prefers a person
// whose gender fits the pronoun (nameGender: titles seen with the name, then the given name), and
// the desk's "share of voice by estimated gender" (estimateGender). The estimate uses only the
// given name (the @stdlib first-name lists) and the pronouns resolved to the person; it is
// 'unknown' whenever that evidence is missing, weak or conflicting. Nothing else is inferred.

import { genderOfGivenName } from './gazetteer.js';

export type Gender = 'female' | 'male' | 'unknown';

/** Titles that say a man's or a woman's name follows ("Mr", "Queen"). */
const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'emperor', 'sultan', 'sheikh', 'pope', 'congressman', 'chairman', 'spokesman', 'businessman', 'duke']);
const FEMALE_TITLES = new Set(['ms', 'mrs', 'miss', 'dame', 'lady', 'queen', 'princess', 'empress', 'congresswoman', 'chairwoman', 'spokeswoman', 'businesswoman', 'duchess', 'actress', 'sister']);

/** Gender for pronoun fitting: titles seen with the name, then the given name; null when unknown. */
export function nameGender(roles: Set<string>, nameTokens: string[]): 'm' | 'f' | null {
  for (const r of roles) {
    if (MALE_TITLES.has(r)) return 'm';
    if (FEMALE_TITLES.has(r)) return 'f';
  }
  if (nameTokens.length < 2) return null;
  return genderOfGivenName(nameTokens[0]!);
}

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

/**
 * The given name of a person's name (lower-case tokens), or null: a single word is a surname, and
 * in the family-name-first order of Korean and Chinese names the first word is the family name
 * ("Cho Min-jung", "Lim Soo Min"): a hyphenated romanised given name, or two short syllables,
 * after it.
 */
export function givenNameOf(nameTokens: string[]): string | null {
  if (nameTokens.length < 2) return null;
  const rest = nameTokens.slice(1);
  if (rest.length === 1 && /^\p{L}{1,5}-\p{L}{1,5}$/u.test(rest[0]!)) return null;
  if (nameTokens.length === 3 && nameTokens[0]!.length <= 5 && rest.every((w) => w.length <= 4)) return null;
  return nameTokens[0]!;
}

/** Pronouns of one gender needed, with none of the other, for pronouns alone to decide. */
const MIN_PRONOUNS = 2;

/**
 * The estimate shown to editors: the given name's gender when the name is in exactly one of the
 * two first-name lists and no pronoun resolved to the person says otherwise; without it, the
 * pronouns' gender when at least two of them agree and none disagrees; 'unknown' otherwise (a
 * name in both lists or in neither, a single pronoun, pronouns of both kinds, a name and pronouns
 * that disagree). `givenName` comes from givenNameOf.
 */
export function estimateGender(givenName: string | null, pronouns: { m: number; f: number } | undefined): Gender {
  const m = pronouns?.m ?? 0;
  const f = pronouns?.f ?? 0;
  const byName = givenName ? genderOfGivenName(givenName) : null;
  if (byName === 'm') return f === 0 ? 'male' : 'unknown';
  if (byName === 'f') return m === 0 ? 'female' : 'unknown';
  if (m >= MIN_PRONOUNS && f === 0) return 'male';
  if (f >= MIN_PRONOUNS && m === 0) return 'female';
  return 'unknown';
}

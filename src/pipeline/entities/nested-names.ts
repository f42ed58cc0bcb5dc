// Names inside a longer name. The nesting policy: a mention is the longest name; inside it, a
// name gets a mention of its own only when the longer name is named after it or says where it is,
// that is when it stands as a modifier or an "of" complement of the longer name's head word: the
// place in "University of Chile", "Osaka Marathon", "Quito Mariscal Airport"; the person in
// "the Ana Ruiz Foundation" or a facility named after someone ("Vell Stadium" -> Vell); the
// organiser in "WAFA World Cup" (split-run.ts). A place that is itself the head, the last word of
// a name that is not a place ("Health Norland", "Air Norland", "Team Norland"), is part of that name
// and gets no mention: the name as a whole is the organisation. Places are never nested in places
// ("Quito City" is one place) nor in people's names.

import { ADMIN_SUFFIXES, LOC_SUFFIXES, NATURAL_PLACE_SUFFIXES, ORG_HEADS_OF, ORG_NAME_ENDINGS, ORG_NAME_PREFIXES, ORG_SUFFIXES } from '../data/orgs.js';
import { FIRST_NAMES, isEnglishWord, isGivenName, isNameLike, lookupPlace, MAX_PLACE_TOKENS } from '../gazetteer.js';
import type { Token } from '../tokens.js';
import { type Candidate, textOfTokens } from './model.js';
import { splitRun } from './split-run.js';

/** Longest place looked for inside a name, in tokens. */
const MAX_NESTED_PLACE_TOKENS = 4;
/** Words before a place at the end of a name that make it a complement, not the head: "University of Chile". */
const COMPLEMENT_WORDS = new Set(['of', 'for', 'in', 'at', 'on', 'de', 'du', 'des', 'del', 'di', 'do', 'da']);
/** Head words of names given after a person: foundations, institutes, schools, prizes and facilities. */
const NAMED_AFTER_HEADS = new Set(['foundation', 'institute', 'center', 'centre', 'library', 'school', 'college', 'university', 'academy', 'trust', 'fund', 'prize', 'award', 'memorial', 'museum', 'hospital', 'scholarship', 'fellowship', 'lecture', 'stadium', 'arena', 'airport', 'bridge', 'park']);

/** First words of the names of squares and streets in other languages. */
const SQUARE_PREFIXES = new Set(['piazza', 'plaza', 'rue', 'calle', 'avenida', 'rua', 'praça', 'place']);

/** Places inside a longer name: "University of Chile" -> Chile, "Osaka Marathon" -> Osaka. */
export function nestPlaces(tokens: Token[], i: number, b: number, out: Candidate[]): void {
  const lastLower = tokens[b - 1]!.lower;
  // a square or street named after a place is a place of its own ("Piazza del X"): no place is nested in a place
  if (SQUARE_PREFIXES.has(tokens[i]!.lower)) return;
  if (b - i >= 2 && !ADMIN_SUFFIXES.has(lastLower) && !lookupPlace(textOfTokens(tokens, i, b))) {
    for (let k = i; k < b; k++) {
      if (!tokens[k]!.cap) continue;
      for (let m = Math.min(b, k + Math.min(MAX_NESTED_PLACE_TOKENS, MAX_PLACE_TOKENS)); m > k; m--) {
        if (k === i && m === b) continue;
        // a place as the head of the name is part of it ("Health Norland"), unless it follows "of"
        // or the name's head word comes first ("University of Chile Santiago")
        if (m === b && !COMPLEMENT_WORDS.has(tokens[k - 1]?.lower ?? '') && !ORG_HEADS_OF.has(tokens[i]!.lower)) continue;
        const pl = lookupPlace(textOfTokens(tokens, k, m));
        // a region whose name is also an adjective ("Arctic", "Pacific") modifies the name: "Arctic Lifeline" is no place's
        if (pl && pl.kind === 'region' && m === k + 1 && isEnglishWord(tokens[k]!.lower)) continue;
        if (pl && !(FIRST_NAMES.has(tokens[i]!.lower) && b - i <= 3 && !ORG_SUFFIXES.has(lastLower) && !ORG_NAME_ENDINGS.has(lastLower) && !LOC_SUFFIXES.has(lastLower))) {
          out.push({ first: k, last: m, roles: [], forcedType: 'LOC', personCue: false, nested: true });
          k = m - 1;
          break;
        }
      }
    }
  }
}

/**
 * Words between a place's name and the head of an institution that serves that place: "X Regional
 * Airport", "X City Council", "X Crown Court", "X General Hospital", "X Technical University", "X
 * Stock Exchange". An unfamiliar word before one of them is the place's name.
 */
const PLACE_MODIFIERS = new Set(['regional', 'municipal', 'metropolitan', 'city', 'crown', 'general', 'technical', 'international', 'stock', 'community']);
/** Administrative words that belong to the place's own name before a longer name: "X County Court" holds "X County". */
const ADMIN_MODIFIERS = new Set(['county', 'district', 'province', 'parish', 'borough']);
/** Head words of institutions named after the place they serve, with "of": "University of X", "Municipality of X". */
const PLACE_OF_HEADS = new Set(['university', 'bank', 'municipality', 'city', 'state', 'government', 'parliament', 'council', 'court', 'college', 'port']);
/** First words of two-word place names: "Port X", "San X". */
const PLACE_NAME_PREFIXES = new Set(['port', 'san', 'santa', 'saint', 'st.', 'fort', 'new', 'north', 'south', 'east', 'west', 'upper', 'lower', 'mount', 'lake']);

/**
 * A place the article may not know, nested in an institution's name by where it stands: before a
 * place modifier or an administrative word ("X Regional Airport" -> X, "X County Probate
 * Court" -> X County), or as the "of" complement of an organisation's head word ("University of
 * X", "Corriere di X"). Only words that are no English words and no given names (a person's name there is found by
 * nestNamedAfterPerson); known places are nested by nestPlaces.
 */
export function nestUnfamiliarPlace(tokens: Token[], i: number, b: number, out: Candidate[]): void {
  if (b - i < 2) return;
  const unfamiliar = (k: number): boolean => {
    const t = tokens[k]!;
    return t.kind === 'word' && t.cap && !t.allCaps && !isEnglishWord(t.lower) && !isGivenName(t.lower) && !FIRST_NAMES.has(t.lower);
  };
  // "University of X", "Bank of the X" (not "Church of X", "Order of X": a faith or a rule follows
  // those); an organisation's foreign name with the place after "di", "de" ("Banco de X", "Corriere di X")
  let of = -1;
  if (PLACE_OF_HEADS.has(tokens[i]!.lower) && tokens[i + 1]?.lower === 'of') of = i + 1;
  else if (ORG_NAME_PREFIXES.has(tokens[i]!.lower) && b - i >= 4 && COMPLEMENT_WORDS.has(tokens[b - 2]!.lower)) of = b - 2;
  if (of > i) {
    let p = of + 1;
    if (tokens[p]?.lower === 'the') p++;
    const n = b - p;
    if (n >= 1 && n <= 2 && unfamiliar(b - 1) && (n === 1 || unfamiliar(p) || PLACE_NAME_PREFIXES.has(tokens[p]!.lower)) && !lookupPlace(textOfTokens(tokens, p, b))) {
      out.push({ first: p, last: b, roles: [], forcedType: 'LOC', personCue: false, nested: true });
    }
    return;
  }
  if (b - i < 3) return;
  const last = tokens[b - 1]!.lower;
  if (!ORG_SUFFIXES.has(last) && !LOC_SUFFIXES.has(last)) return;
  // the place: one unfamiliar word, or a place prefix and one ("Port X"); counties and parishes are
  // often named after people, so before those any name word will do ("Ana County Court" -> Ana County)
  let m = i;
  const t0 = tokens[i]!;
  if (PLACE_NAME_PREFIXES.has(t0.lower) && t0.cap && unfamiliar(i + 1)) m = i + 2;
  else if (unfamiliar(i) || (ADMIN_MODIFIERS.has(tokens[i + 1]!.lower) && t0.cap && !t0.allCaps && isNameLike(t0.lower))) m = i + 1;
  else return;
  if (m >= b - 1 || lookupPlace(textOfTokens(tokens, i, m))) return;
  const mod = tokens[m]!.lower;
  if (PLACE_MODIFIERS.has(mod)) out.push({ first: i, last: m, roles: [], forcedType: 'LOC', personCue: false, nested: true });
  else if (ADMIN_MODIFIERS.has(mod) && m + 1 < b) out.push({ first: i, last: m + 1, roles: [], forcedType: 'LOC', personCue: false, nested: true });
}

/** Legislatures that name their committees and offices: "the Senate Finance Committee" holds the Senate. */
const LEGISLATURE_WORDS = new Set(['senate', 'house', 'assembly', 'congress', 'parliament']);
/** Last words of the names of a legislature's parts (not "House X Fund", a fund named after it). */
const LEGISLATURE_PART_HEADS = new Set(['committee', 'subcommittee', 'office', 'caucus']);
/** Organisation words that end an organisation's name inside a longer one: "X University Survey Institute" holds "X University". */
const INNER_ORG_ENDINGS = new Set(['university', 'college']);

/**
 * An organisation inside the name of one of its parts: the legislature before a committee's or an
 * office's name ("Senate Finance Committee" -> Senate), a university before its institute's ("X
 * University Survey Institute" -> X University).
 */
export function nestParentBody(tokens: Token[], i: number, b: number, out: Candidate[]): void {
  if (b - i < 3 || !ORG_SUFFIXES.has(tokens[b - 1]!.lower)) return;
  if (LEGISLATURE_WORDS.has(tokens[i]!.lower) && LEGISLATURE_PART_HEADS.has(tokens[b - 1]!.lower) && tokens[i + 1]!.lower !== 'of' && tokens[i + 1]!.cap) {
    out.push({ first: i, last: i + 1, roles: [], forcedType: 'ORG', personCue: false, nested: true });
    return;
  }
  for (let p = i + 1; p < b - 2; p++) {
    if (INNER_ORG_ENDINGS.has(tokens[p]!.lower) && tokens[p + 1]!.cap && tokens[p + 1]!.lower !== 'of') {
      out.push({ first: i, last: p + 1, roles: [], forcedType: 'ORG', personCue: false, nested: true });
      return;
    }
  }
}

/** A facility named after a name: "Vell Stadium" holds "Vell", "NVU Hospital Station" holds "NVU Hospital". */
export function nestFacilityPrefix(tokens: Token[], i: number, b: number, out: Candidate[]): void {
  const lastLower = tokens[b - 1]!.lower;
  // natural places and open areas ("X River", "X Park") are named with the name before them, not after it
  if (b - i < 2 || !LOC_SUFFIXES.has(lastLower) || ADMIN_SUFFIXES.has(lastLower) || NATURAL_PLACE_SUFFIXES.has(lastLower)) return;
  for (let k = i; k < b - 1; k++) {
    const t = tokens[k]!;
    if (!t.cap) return;
    const ok = t.allCaps || !isEnglishWord(t.lower) || !!lookupPlace(t.text) || (k > i && (LOC_SUFFIXES.has(t.lower) || isNameLike(t.lower)));
    if (!ok) return;
  }
  if (lookupPlace(textOfTokens(tokens, i, b - 1))) return; // already nested as a place
  splitRun(tokens, i, b - 1, out, true);
}

/**
 * The person an organisation, award or facility is named after: a given name and one to three
 * name words before the head word ("the Ana Ruiz Foundation", "Ana Ruiz International Airport").
 * A surname alone ("the Ruiz Foundation") is nested only when it refers back to a person of the
 * article (the candidate is marked `refersBack`).
 */
export function nestNamedAfterPerson(tokens: Token[], i: number, b: number, out: Candidate[]): void {
  const h = b - 1;
  if (h - i < 1 || !NAMED_AFTER_HEADS.has(tokens[h]!.lower) || nestedBefore(out, i)) return;
  let e = i;
  while (e < h && e - i < 4 && tokens[e]!.cap && (isNameLike(tokens[e]!.lower) || isGivenName(tokens[e]!.lower) || /^\p{Lu}\.$/u.test(tokens[e]!.text))) e++;
  if (e === i || lookupPlace(textOfTokens(tokens, i, e))) return;
  if (isGivenName(tokens[i]!.lower) && e - i >= 2) out.push({ first: i, last: e, roles: [], forcedType: 'PERSON', personCue: false, nested: true });
  else if (e - i === 1 && !isEnglishWord(tokens[i]!.lower)) out.push({ first: i, last: e, roles: [], forcedType: null, personCue: false, nested: true, refersBack: true });
}

/** A candidate already nested at token i (by nestFacilityPrefix). */
function nestedBefore(out: Candidate[], i: number): boolean {
  for (let k = out.length - 1; k >= 0 && k >= out.length - 4; k--) if (out[k]!.first === i && out[k]!.nested === true) return true;
  return false;
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

// Word-level tests used while looking for names: is a token a capitalised word that may start or
// continue a name, is it a common word that is capitalised only by position, and is a lone
// capitalised word no name at all.

import { CALENDAR_WORDS, COMMON_WORDS, NON_ENTITY_ACRONYMS, NON_ENTITY_CAPITALISED } from '../data/common.js';
import { SPEECH_VERBS } from '../data/speech.js';
import { GROUP_WORDS } from '../data/entity-kinds.js';
import { ORG_HEADS_OF, ORG_SUFFIXES } from '../data/orgs.js';
import { PERSON_ROLE_NOUNS, PERSON_TITLES } from '../data/titles.js';
import { demonymCountry, FIRST_NAMES, isEnglishWord, isGivenName, lookupPlace, PROPER_WORDS } from '../gazetteer.js';
import { opensPartyTag, type Token } from '../tokens.js';
import type { DocumentEvidence } from './document-evidence.js';
import { isLowerBrand } from './kind-cues.js';

/** A capitalised word (calendar words excluded), a lower-case brand ("eBay"), or a name particle joined by a hyphen ("al-Assad"). */
export function isCapWord(t: Token): boolean {
  if (t.kind !== 'word') return false;
  if (!t.cap) {
    if (isLowerBrand(t)) return true;
    const h = t.text.indexOf('-');
    return h >= 2 && h <= 3 && /^(?:al|el|ad|as|an|ar|at|az|bin|ibn|abu|ben|de|da|di|van|von|le|la)-\p{Lu}/u.test(t.text);
  }
  const l = t.lower;
  return !(CALENDAR_WORDS.has(l) || (l.charCodeAt(l.length - 1) === 46 && CALENDAR_WORDS.has(l.slice(0, -1))));
}

/** A capitalised word for a nationality, a religion or a political group: "Peruvian", "Muslims", "Democrats". */
export function isGroupWord(t: Token): boolean {
  if (t.kind !== 'word' || !t.cap || t.allCaps) return false;
  const l = t.lower;
  if (GROUP_WORDS.has(l)) return true;
  return (!!demonymCountry(l) || (l.endsWith('s') && !!demonymCountry(l.slice(0, -1)))) && !lookupPlace(l);
}

/** Kinds of places whose people are named after them ("Arizona" -> "Arizonans"); a city's rarely are. */
const DEMONYM_PLACE_KINDS = new Set(['country', 'state', 'province', 'region']);

/**
 * A demonym made from a place's name that the word lists do not know: "-n" or "-ns" after a name
 * ending in "a" ("Arizonans", "Virginian"), when that name is a country, state or region, or is
 * written with a capital in the article (an unfamiliar country: "Neravia" -> "Neravian"). No
 * given name ("Julian", "Adrian").
 */
export function isArticleDemonym(t: Token, ev: DocumentEvidence): boolean {
  if (t.kind !== 'word' || !t.cap || t.allCaps) return false;
  let l = t.lower;
  if (l.endsWith('ns')) l = l.slice(0, -1);
  // the people of a US state named otherwise than "-a" + "n": "Ohioans" (Ohio), "Texans" (Texas),
  // "Oregonians" (Oregon), "Floridians" (Florida), "Kentuckians" (Kentucky)
  if (l.length >= 5 && l.endsWith('an') && !FIRST_NAMES.has(l) && !FIRST_NAMES.has(t.lower) && !ev.lowerSeen.has(l)) {
    const stem2 = l.slice(0, -2);
    const stem3 = l.endsWith('ian') ? l.slice(0, -3) : '';
    for (const stem of [stem2, `${stem2}as`, stem3, stem3 && `${stem3}a`, stem3 && `${stem3}y`]) {
      const pl = stem.length >= 3 ? lookupPlace(stem) : undefined;
      if (pl && pl.kind === 'state') return true;
    }
  }
  if (l.length < 5 || l.charCodeAt(l.length - 1) !== 110 || l.charCodeAt(l.length - 2) !== 97) return false; // "...an"
  // known demonyms and group words are left to isGroupWord and to the splitting of titles ("Korean Central News Agency")
  if (FIRST_NAMES.has(l) || FIRST_NAMES.has(t.lower) || lookupPlace(l) || demonymCountry(l) || GROUP_WORDS.has(l) || NON_ENTITY_CAPITALISED.has(l)) return false;
  const stem = l.slice(0, -1);
  if (ev.capWords.has(stem)) return true;
  const pl = lookupPlace(stem);
  return !!pl && DEMONYM_PLACE_KINDS.has(pl.kind);
}

/**
 * A person's role noun follows at token j, maybe after one lower-case word: "(Peruvian) leader",
 * "(Peruvian) foreign minister". A nationality before it is part of the role, not a mention.
 */
export function roleFollows(tokens: Token[], j: number): boolean {
  for (let k = j; k < j + 2 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.cap) return false;
    if (PERSON_ROLE_NOUNS.has(t.lower)) return true;
  }
  return false;
}

/** A capitalised word that is common enough to be capitalised only by its position (sentence start, headline). */
export function isCommonCap(t: Token, lowerSeen: Set<string>): boolean {
  const l = t.lower;
  if (t.allCaps && t.text.length <= 6) return false;
  if (COMMON_WORDS.has(l)) return true;
  if (lowerSeen.has(l)) return true;
  if (SPEECH_VERBS.has(l)) return true;
  if (demonymCountry(l) && !lookupPlace(l)) return true;
  return false;
}

/**
 * In a caseless line (headline, Title Case, ALL-CAPS), a capitalised word is an ordinary word when
 * it is common or written in lower case elsewhere, or when it is an English word that the article
 * never capitalises in the middle of an ordinary sentence and that is no given name or place.
 */
export function isCaselessCommon(t: Token, ev: DocumentEvidence): boolean {
  if (isCommonCap(t, ev.lowerSeen)) return true;
  if (t.allCaps) return false;
  const l = t.lower;
  return isEnglishWord(l) && !PROPER_WORDS.has(l) && !ev.capMid.has(l) && !isGivenName(l) && !lookupPlace(l);
}

/** Legislatures named without an article, as a name: "Congress", "Parliament". */
const LEGISLATURE_NAMES = new Set(['congress', 'parliament']);

/** A single capitalised word that is not a name: a title alone, a people or language, a common abbreviation, an English word opening a sentence. */
export function skipSingle(t: Token, initial: boolean, ev: DocumentEvidence): boolean {
  const l = t.lower.replace(/\.$/, '');
  // a state abbreviation with its period ("Ill.", "Miss."), which the tokenizer keeps only after "City, "
  if (l !== t.lower && lookupPlace(t.text)) return false;
  if (PERSON_TITLES.has(l) || PERSON_TITLES.has(t.lower)) return true;
  if (NON_ENTITY_CAPITALISED.has(l)) return true;
  if (demonymCountry(l) || (l.endsWith('s') && demonymCountry(l.slice(0, -1)))) return !lookupPlace(l);
  // a party and state after a politician's name: "D-N.Y.", "R-Ky."
  if (opensPartyTag(t.text)) return true;
  // a word in capitals for emphasis ("UNLESS", "NOT") is not an abbreviation, unless its expansion is here
  if (t.allCaps && ((l.length >= 5 && isEnglishWord(l)) || COMMON_WORDS.has(l)) && !lookupPlace(l) && !ev.runInitials.has(l.replace(/\./g, ''))) return true;
  if (t.allCaps && !NON_ENTITY_ACRONYMS.has(l) && !/^[ivx]+$/.test(l)) return false;
  if (t.allCaps && (NON_ENTITY_ACRONYMS.has(l) || /^[ivx]+$/.test(l))) return true;
  if (l.indexOf('.') > 0 && /^[\p{L}\p{N}-]+\.(?:com|org|net|gov|edu|co|io|uk)$/u.test(l)) return true;
  if (lookupPlace(l)) return false;
  // (a legislature's name opens a sentence without an article: "Congress has not acted")
  if (initial && isEnglishWord(l) && !ev.capMid.has(l) && !isGivenName(l) && !(LEGISLATURE_NAMES.has(l) && !ev.lowerSeen.has(l))) return true;
  if (FIRST_NAMES.has(l)) return false;
  if (ev.lowerSeen.has(l) && !ev.capMid.has(l)) return true;
  return false;
}

/** An organisation head word ("University", "Bank") in tokens a..b-1, titles excluded. */
export function runHasOrgHead(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ORG_HEADS_OF.has(tokens[k]!.lower) && !PERSON_TITLES.has(tokens[k]!.lower)) return true;
  return false;
}

/** An organisation word ("Agency", "Party") in tokens a..b-1. */
export function runHasOrgSuffix(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ORG_SUFFIXES.has(tokens[k]!.lower)) return true;
  return false;
}

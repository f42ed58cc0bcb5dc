// Stage 4: a type for each candidate from the name itself: gazetteers (places), organisation and
// place words at its end or start, a title before it, given names and name-like words (people).
// Single words without such evidence are typed when they are linked (guessSingle), after the
// article's longer names are known.

import { FIRST_NAMES, foldKey, isEnglishWord, isGivenName, isNameLike, lookupPlace, MAX_PLACE_TOKENS, COUNTRY_NAME_WORDS, demonymCountry, PROPER_WORDS, TOWNS } from '../gazetteer.js';
import { LOC_PREFIXES, LOC_SUFFIXES, NAME_PARTICLES, ORG_HEADS_OF, ORG_SUFFIXES } from '../data/orgs.js';
import { SPEECH_VERBS } from '../data/speech.js';
import type { Token } from '../tokens.js';
import type { EntityType } from '../types.js';
import { type Candidate, surfaceOfTokens } from './model.js';

export interface Classified {
  type: EntityType | null;
  /** The gazetteer's name for a place ("United States" for "U.S."). */
  canonical: string | null;
  /** The whole name is a known place. */
  place: boolean;
}

const CONNECT_OF = new Set(['of', 'for', 'on']);
/** Nouns before "of X" that make X a place: "the town of X". */
const PLACE_NOUNS = new Set(['town', 'city', 'village', 'province', 'region', 'district', 'island', 'county', 'state', 'capital', 'port', 'suburb', 'neighbourhood', 'neighborhood', 'municipality', 'commune', 'settlement', 'outskirts']);
/** Prepositions after which a name is mostly a place. */
const LOCATIVE_PREPOSITIONS = new Set(['in', 'near', 'from', 'outside', 'inside', 'across', 'throughout', 'around']);

export function classifyCandidate(tokens: Token[], c: Candidate): Classified {
  const surface = surfaceOfTokens(tokens, c.first, c.last);
  const len = c.last - c.first;
  const first = tokens[c.first]!;
  const last = tokens[c.last - 1]!;
  if (c.forcedType) {
    const pl = lookupPlace(surface);
    return { type: c.forcedType, canonical: pl && c.forcedType === 'LOC' ? pl.canonical : null, place: !!pl };
  }
  const place = len <= MAX_PLACE_TOKENS ? lookupPlace(surface) : undefined;
  if (c.personCue) return { type: 'PERSON', canonical: null, place: false };
  if (place && !(c.roles.length > 0 && place.kind === 'city')) return { type: 'LOC', canonical: place.canonical, place: true };
  const lastLower = last.lower;
  // a name with its abbreviation in brackets right after is an organisation: "Movimento Civico (MC)"
  if (len >= 2 && tokens[c.last]?.text === '(' && tokens[c.last + 1]?.allCaps && tokens[c.last + 2]?.text === ')') return { type: 'ORG', canonical: null, place: false };
  if (len >= 2 && ORG_SUFFIXES.has(lastLower) && !LOC_SUFFIXES.has(lastLower)) return { type: 'ORG', canonical: null, place: false };
  if (len >= 2 && ORG_HEADS_OF.has(first.lower) && CONNECT_OF.has(tokens[c.first + 1]?.lower ?? '')) return { type: 'ORG', canonical: null, place: false };
  if (len >= 2 && LOC_SUFFIXES.has(lastLower)) {
    if (ORG_SUFFIXES.has(lastLower) && !(lastLower === 'centre' || lastLower === 'center')) return { type: 'ORG', canonical: null, place: false };
    return { type: 'LOC', canonical: null, place: false };
  }
  if (len >= 2 && LOC_PREFIXES.has(first.lower) && !FIRST_NAMES.has(first.lower)) return { type: 'LOC', canonical: null, place: false };
  if (len === 1 && first.allCaps && first.text.replace(/\./g, '').length >= 2) return { type: 'ORG', canonical: null, place: false };
  if (len >= 2) {
    // a person's name: a known given name first, or only words that can be names
    let place = false;
    let nameLike = true;
    let hyphenGiven = false;
    for (let k = c.first; k < c.last; k++) {
      const t = tokens[k]!;
      if (t.allCaps && t.text.length > 1) place = true;
      if ((lookupPlace(t.text) || COUNTRY_NAME_WORDS.has(t.lower)) && !FIRST_NAMES.has(t.lower) && (k === c.first || !isGivenName(first.lower))) place = true;
      if (!isNameLike(t.lower) && !NAME_PARTICLES.has(t.lower)) nameLike = false;
      if (k > c.first && /^\p{Lu}\p{Ll}+-\p{L}+$/u.test(t.text)) hyphenGiven = true;
    }
    const lettered = len === 2 && /^(?:\p{Lu}|\d+)$/u.test(last.text) && isEnglishWord(first.lower) && !PROPER_WORDS.has(first.lower);
    if (lettered) return { type: 'ORG', canonical: null, place: false };
    // "Sergey Brin": a foreign given name, then a surname that is also an English word
    if (len === 2 && !place && !isEnglishWord(first.lower) && /^\p{Lu}\p{Ll}+$/u.test(first.text) && /^\p{Lu}\p{Ll}+$/u.test(last.text)) return { type: 'PERSON', canonical: null, place: false };
    const surnameLike = len <= 3 && isNameLike(lastLower) && !(len === 3 && !isNameLike(tokens[c.first + 1]!.lower) && !isGivenName(first.lower) && !(!isEnglishWord(first.lower) && !demonymCountry(first.lower) && tokens[c.first + 1]!.text.length <= 4));
    if (len <= 5 && !place && (isGivenName(first.lower) || hyphenGiven || nameLike || surnameLike)) return { type: 'PERSON', canonical: null, place: false };
    if (place && LOC_SUFFIXES.has(lastLower)) return { type: 'LOC', canonical: null, place: false };
    return { type: 'ORG', canonical: null, place: false };
  }
  return { type: null, canonical: null, place: false };
}

/** The type of a single word that names nothing known in the article: a person, a place or an organisation by default. */
export function guessSingle(c: Candidate, tokens: Token[], personTokens: Map<string, number>): EntityType | null {
  const t = tokens[c.first]!;
  if (c.last - c.first !== 1) return 'ORG';
  if (t.kind !== 'word') return null;
  if (personTokens.has(t.lower)) return 'PERSON';
  const nx = tokens[c.last];
  const pv = tokens[c.first - 1];
  if (nx && nx.kind === 'word' && SPEECH_VERBS.has(nx.lower) && FIRST_NAMES.has(t.lower)) return 'PERSON';
  // "the town of X", "the province of X"
  if (pv && pv.lower === 'of' && PLACE_NOUNS.has(tokens[c.first - 2]?.lower ?? '')) return 'LOC';
  const locative = !!pv && pv.kind === 'word' && LOCATIVE_PREPOSITIONS.has(pv.lower);
  if (locative && TOWNS.has(foldKey(t.text))) return 'LOC';
  if (FIRST_NAMES.has(t.lower)) return 'PERSON';
  // "in X", "near X" mostly name places; "from X" as often names a company ("a video from X")
  if ((locative && pv!.lower !== 'from') || TOWNS.has(foldKey(t.text))) return 'LOC';
  if (t.text.length < 2) return null;
  return 'ORG';
}

// Stage 4: a type for each candidate, with how sure it is (TypeStrength), from the name itself and
// the words around it. The name's own words decide first (strength 3): a gazetteer place, "&"
// between names (a firm), a ship prefix, event, law and award words ("... War", "Treaty of ...",
// "... Prize"), organisation, facility and place words, a title before a person's name. Then
// cues around it (strength 2, kind-cues.ts), then name shapes: a given name first (a person),
// words that can be names, and an organisation by default (strength 1). Single words without
// such evidence are typed when they are linked (guessSingle), after the article's longer names
// are known.

import { DEITIES, EVENT_PREFIXES, EVENT_SUFFIXES, FAC_SUFFIXES, LAW_PREFIXES, LAW_SUFFIXES, AWARD_SUFFIXES, NUMBERED_FAC_WORDS, PRODUCT_SUFFIXES, SHIP_PREFIXES } from '../data/entity-kinds.js';
import { LOC_HEADS_OF, LOC_PREFIXES, LOC_SUFFIXES, NAME_PARTICLES, NEWSPAPER_WORDS, ORG_HEADS_OF, ORG_NAME_ENDINGS, ORG_NAME_PREFIXES, ORG_SUFFIXES, ORG_WORD_NAMES, POSSESSIVE_PLACE_HEADS } from '../data/orgs.js';
import { SPEECH_VERBS } from '../data/speech.js';
import { COMPANY_WORDS, COUNTRY_NAME_WORDS, demonymCountry, FIRST_NAMES, foldKey, isEnglishWord, isGivenName, isNameLike, lookupPlace, MAX_PLACE_TOKENS, PROPER_WORDS, TOWNS } from '../gazetteer.js';
import { PERSON_PRONOUNS_SUBJ, PERSON_TITLES } from '../data/titles.js';
import type { Token } from '../tokens.js';
import type { EntityType } from '../types.js';
import { contextKind, headIndex, isCamelCaseName, isLowerBrand, isModelCode, personContext } from './kind-cues.js';
import { type Candidate, surfaceOfTokens, type TypeStrength } from './model.js';

export interface Classified {
  /** null: unknown (decided when linked), or with strength 3 no entity at all ("Phase 3"). */
  type: EntityType | null;
  strength: TypeStrength;
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

/**
 * Lower-case nouns after a name for a government, a term or a candidacy named after its leader:
 * "the X administration", "the X campaign" (a campaign named after a cause has a longer name:
 * "the Vote Yes campaign").
 */
const LEADER_TERM_NOUNS = new Set(['administration', 'presidency', 'campaign']);
/**
 * Nouns after a possessive that only a person has: kin, a running mate, a candidacy ("X's
 * widow", "X's reelection campaign"); not lawyers or spokesmen, which companies have too.
 */
const PERSONAL_NOUNS = new Set([
  'wife', 'husband', 'son', 'sons', 'daughter', 'daughters', 'mother', 'father', 'brother', 'brothers', 'sister', 'sisters',
  'widow', 'widower', 'parents', 'children', 'grandson', 'granddaughter', 'nephew', 'niece', 'fiance', 'fiancé', 'fiancee', 'fiancée',
  'girlfriend', 'boyfriend', 'running', 'reelection', 're-election', 'campaign', 'candidacy', 'presidency', 'governorship', 'mayoralty',
  'impeachment', 'indictment', 'memoir', 'inauguration', 'birthday', 'funeral',
]);

const typed = (type: EntityType | null, strength: TypeStrength): Classified => ({ type, strength, canonical: null, place: false });

export function classifyCandidate(tokens: Token[], c: Candidate): Classified {
  const surface = surfaceOfTokens(tokens, c.first, c.last);
  if (c.forcedType) {
    const pl = lookupPlace(surface);
    return { type: c.forcedType, strength: 3, canonical: pl && c.forcedType === 'LOC' ? pl.canonical : null, place: !!pl };
  }
  const place = c.last - c.first <= MAX_PLACE_TOKENS ? lookupPlace(surface) : undefined;
  if (c.personCue) return typed('PERSON', 3);
  // a name that is all of a quotation ('"The Glass Orchard" won the prize', "the album 'Blue Lantern'") is
  // the title of a work, whatever its last word says; a known place in quotation marks stays a place
  // (a noun around it still says what it names: 'the band "X"', 'the "X" rocket')
  if (!place && wholeQuotation(tokens, c.first, c.last)) {
    const around = contextKind(tokens, c.first - 1, c.last + 1);
    return typed(around ?? 'WORK_OF_ART', 3);
  }
  // "Okafor, 54, a farmer from Ames": an age in apposition is a person's, also when the name is a
  // town's too (not a country's or a state's: "Ohio, 18, Texas, 40" counts votes)
  if ((!place || place.kind === 'city') && ageApposition(tokens, c.first, c.last)) return typed('PERSON', 3);
  if (place && !(c.roles.length > 0 && place.kind === 'city')) return { type: 'LOC', strength: 3, canonical: place.canonical, place: true };
  const own = ownWords(tokens, c);
  // a building that speaks is the body in it: "the White House said", "the Palace announced" (the
  // entity takes the organisation's type from such a mention, link.ts)
  if (own.type === 'FAC' && speaksAfter(tokens, c.last)) return typed('ORG', 3);
  if (own.strength === 3) return own;
  // "the Ruiz administration", "a Ruiz presidency": a government or a term named after its leader
  const nx = tokens[c.last];
  if (c.last - c.first <= 3 && own.type !== 'ORG' && nx && !nx.cap && LEADER_TERM_NOUNS.has(nx.lower) && !tokens[c.first]!.allCaps && nx.sentence === tokens[c.first]!.sentence) return typed('PERSON', 2);
  // "X's wife", "X's running mate", "X's campaign": only a person has kin and runs for office
  const owned = tokens[c.last + 1];
  if (own.type !== 'ORG' && nx?.kind === 'poss' && owned && owned.kind === 'word' && !owned.cap && PERSONAL_NOUNS.has(owned.lower) && !tokens[c.first]!.allCaps) return typed('PERSON', 2);
  // "told The Hill", "wrote in The Atlantic": a capitalised "The" in mid-sentence opens a
  // publication's name (a person's name takes no article)
  const art = tokens[c.first - 1];
  const beforeArt = tokens[c.first - 2];
  if (own.strength < 3 && c.last - c.first === 1 && art && art.text === 'The' && beforeArt && beforeArt.sentence === art.sentence && beforeArt.kind === 'word' && !beforeArt.cap && !lookupPlace(tokens[c.first]!.text)) return typed('ORG', 2);
  // "La Crosse, Wisconsin", "Perry, Ga.": a name before a comma and a US state is a town's
  if (own.strength < 3 && stateAfterComma(tokens, c.last)) return typed('LOC', 2);
  // cues around the name beat a type that only comes from its shape
  const cue = contextKind(tokens, c.first, c.last);
  if (cue && own.strength < 2) return typed(cue, 2);
  // "JPMorgan Chase", "BlackRock": a word with a capital inside is a company's, not a person's
  if (own.type === 'PERSON' && own.strength < 3 && hasCamelCaseWord(tokens, c.first, c.last)) return typed('ORG', 2);
  // a lower-case brand is a product by its shape only; a business noun before it says it is a firm
  if (cue === 'ORG' && own.type === 'PRODUCT' && c.last - c.first === 1 && isLowerBrand(tokens[c.first]!)) return typed('ORG', 3);
  return own;
}

/**
 * A comma, then a US state's name or abbreviation ("Wisconsin", "Ga.", "N.C.") that ends the
 * phrase (punctuation, the sentence's end or a lower-case word after it; not "X, Ohio Republican").
 */
function stateAfterComma(tokens: Token[], last: number): boolean {
  const comma = tokens[last];
  if (!comma || comma.text !== ',') return false;
  const s = comma.sentence;
  for (let n = 1; n <= 2; n++) {
    const a = tokens[last + 1];
    const z = tokens[last + n];
    if (!a || !z || z.sentence !== s || a.kind !== 'word' || !a.cap || z.kind !== 'word' || !z.cap) return false;
    const pl = lookupPlace(surfaceOfTokens(tokens, last + 1, last + 1 + n));
    if (!pl || pl.kind !== 'state') continue;
    const after = tokens[last + 1 + n];
    return !after || after.sentence !== s || (after.kind === 'punct' && after.text !== '(') || (after.kind === 'word' && !after.cap);
  }
  return false;
}

/** ", 54," right after a name in mixed case: an age in apposition. */
function ageApposition(tokens: Token[], first: number, last: number): boolean {
  const comma = tokens[last];
  const age = tokens[last + 1];
  const close = tokens[last + 2];
  if (tokens[first]!.allCaps || comma?.text !== ',' || age?.kind !== 'num' || !/^\d{1,3}$/.test(age.text) || Number(age.text) > 120) return false;
  return !!close && close.text === ',' && close.sentence === comma.sentence;
}

/** A verb of speech right after the name, maybe after an auxiliary: "X said", "X has said", "X will announce". */
function speaksAfter(tokens: Token[], last: number): boolean {
  let nx = tokens[last];
  if (nx && nx.kind === 'word' && (nx.lower === 'has' || nx.lower === 'had' || nx.lower === 'will' || nx.lower === 'would')) nx = tokens[last + 1];
  return !!nx && nx.kind === 'word' && !nx.cap && nx.sentence === tokens[last - 1]!.sentence && SPEECH_VERBS.has(nx.lower);
}

/** Tokens [first, last) (after "The", "A" or "An") are all that stands between an opening and a closing quotation mark. */
function wholeQuotation(tokens: Token[], first: number, last: number): boolean {
  let k = first - 1;
  const art = tokens[k];
  if (art && art.kind === 'word' && (art.lower === 'the' || art.lower === 'a' || art.lower === 'an')) k--;
  const open = tokens[k];
  const close = tokens[last];
  return !!open && !!close && open.kind === 'quote' && close.kind === 'quote' && open.quoteRole === 'open' && close.quoteRole === 'close';
}

function hasCamelCaseWord(tokens: Token[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) if (isCamelCaseName(tokens[k]!)) return true;
  return false;
}

/** The type the name's own words give it. */
function ownWords(tokens: Token[], c: Candidate): Classified {
  const len = c.last - c.first;
  const first = tokens[c.first]!;
  // trailing numbers and roman numerals do not decide the kind: "World War II", "Windows 10"
  const h = headIndex(tokens, c.first, c.last);
  const head = tokens[h]!;
  const headLower = head.lower;
  const numbered = h < c.last - 1;
  const next = tokens[c.first + 1];
  if (len === 1) return singleWord(first);
  // "&" between names is the mark of a firm named after its partners ("Hartley & Sloane")
  for (let k = c.first + 1; k < c.last - 1; k++) if (tokens[k]!.text === '&') return typed('ORG', 3);
  // ships: "USS Enterprise", "HMS Victory"
  if (first.allCaps && SHIP_PREFIXES.has(first.lower)) return typed('PRODUCT', 3);
  // "Hurricane X", "Operation X", "Battle of X", "Tropical Storm X"
  if (EVENT_PREFIXES.has(first.lower) && (first.lower !== 'tropical' || next?.lower === 'storm') && (first.lower !== 'battle' && first.lower !== 'siege' ? true : next?.lower === 'of')) return typed('EVENT', 3);
  // "Article 5", "Title IX", "Treaty of Rome", "Convention on ..."
  if (LAW_PREFIXES.has(first.lower) && (numbered || (next && (next.lower === 'of' || next.lower === 'on')))) return typed('LAW', 3);
  if (!ORG_HEADS_OF.has(first.lower)) {
    if (EVENT_SUFFIXES.has(headLower)) return typed('EVENT', 3);
    if (LAW_SUFFIXES.has(headLower)) return typed('LAW', 3);
    if (AWARD_SUFFIXES.has(headLower)) return typed('WORK_OF_ART', 3);
    if (PRODUCT_SUFFIXES.has(headLower)) return typed('PRODUCT', 3);
  }
  if (ORG_SUFFIXES.has(headLower) && !LOC_SUFFIXES.has(headLower)) return typed('ORG', 3);
  // a firm's or newspaper's last word ("X Provisions", "X Courier"), or a first word no person's name
  // has ("Radio X", "Olympique X", "Il X"): an organisation without a legal designator
  if (ORG_NAME_ENDINGS.has(headLower) || ORG_NAME_PREFIXES.has(first.lower)) return typed('ORG', 3);
  if (ORG_HEADS_OF.has(first.lower) && CONNECT_OF.has(next?.lower ?? '')) return typed('ORG', 3);
  // the same head word inside the name, after the place or body it serves: "X Bureau of
  // Investigation", "X Center for Justice", "X House of Delegates" (a given name that is
  // also a place's, "Georgia", opens no person's name that goes on with "of")
  for (let k = c.first + 1; k < h - 1; k++) {
    const t = tokens[k]!;
    if (ORG_HEADS_OF.has(t.lower) && !PERSON_TITLES.has(t.lower) && CONNECT_OF.has(tokens[k + 1]!.lower)) return typed('ORG', 3);
  }
  // a newspaper named after two papers that merged, joined by a hyphen: "X Journal-Constitution", "X Post-Dispatch"
  if (head.text.includes('-') && head.cap && head.lower.split('-').some((p) => NEWSPAPER_WORDS.has(p))) return typed('ORG', 3);
  // a state's or country's "House" and "Senate" are its legislature's chambers, no buildings: "the Ohio House"
  if ((headLower === 'house' || headLower === 'senate') && h > c.first && lookupPlace(surfaceOfTokens(tokens, c.first, h))?.kind === 'state') return typed('ORG', 3);
  // "X's Landing": a possessive and a place word after it (runs.ts keeps them together)
  if (len === 3 && tokens[c.first + 1]!.kind === 'poss' && POSSESSIVE_PLACE_HEADS.has(headLower)) return typed('LOC', 3);
  // "Gulf of X", "Port of X": a place word and "of" ("Port" is also a given name, but no person's name goes on with "of")
  if (LOC_HEADS_OF.has(first.lower) && next?.lower === 'of') return typed('LOC', 3);
  if (LOC_SUFFIXES.has(headLower) || FAC_SUFFIXES.has(headLower)) {
    // "police in Harbour City": after a preposition of place, "X City" is the city; elsewhere it is
    // as often a club ("X City beat ...", "played for X City")
    if (headLower === 'city' && h === c.last - 1 && inPlacePhrase(tokens, c.first, c.last)) return typed('LOC', 3);
    if (ORG_SUFFIXES.has(headLower) && !(headLower === 'centre' || headLower === 'center')) return typed('ORG', 3);
    return typed(FAC_SUFFIXES.has(headLower) ? 'FAC' : 'LOC', 3);
  }
  if (numbered) {
    // "Route 66", "Terminal 5"
    if (NUMBERED_FAC_WORDS.has(headLower) && h === c.first) return typed('FAC', 3);
    // "Phase 3", "Level 4": an ordinary word and a number name nothing
    if (h === c.first && isEnglishWord(headLower) && !PROPER_WORDS.has(headLower) && !COMPANY_WORDS.has(headLower)) return typed(null, 3);
    // "Windows 10", "Boeing 737", "Apollo 11": a name with a model or version number
    if (!isGivenName(first.lower)) return typed('PRODUCT', 2);
  }
  // a name with its abbreviation in brackets right after is mostly an organisation's: "Partido Verde Unido (PVU)"
  if (tokens[c.last]?.text === '(' && tokens[c.last + 1]?.allCaps && tokens[c.last + 2]?.text === ')') return typed('ORG', 2);
  if (LOC_PREFIXES.has(first.lower) && !FIRST_NAMES.has(first.lower)) return typed('LOC', 2);
  // a person's name that starts with a place's ("Quito Vell said", "Lima Okafor, the mayor,"): a
  // surname-like second word and a speech verb or a role apposition after it
  if (len === 2 && lookupPlace(first.text)?.kind === 'city' && !lookupPlace(tokens[c.last - 1]!.text) && !isEnglishWord(tokens[c.last - 1]!.lower) && personContext(tokens, c.last)) return typed('PERSON', 2);
  // without such words after it, the same shape is still more often a person's than a company's,
  // whose second word is mostly an English word ("X United", "X Electric") or a company's name; not
  // the front of a facility's name ("Quito Mariscal" in "Quito Mariscal Airport"), nor after a
  // preposition of place or motion ("flights from Lima Tambo": an airport or a district)
  const second = tokens[c.last - 1]!;
  const pv = tokens[c.first - 1];
  const afterPlaceWord = !!pv && pv.kind === 'word' && (LOCATIVE_PREPOSITIONS.has(pv.lower) || pv.lower === 'to' || pv.lower === 'at' || pv.lower === 'via' || pv.lower === 'into');
  if (len === 2 && !c.nested && !afterPlaceWord && lookupPlace(first.text)?.kind === 'city' && !lookupPlace(second.text) && !isEnglishWord(second.lower) && !COMPANY_WORDS.has(second.lower) && /^\p{Lu}\p{Ll}+$/u.test(second.text)) return typed('PERSON', 1);
  // a person's name: a known given name first, or only words that can be names
  const last = tokens[h]!;
  const end = h + 1;
  const nameLen = end - c.first;
  let place = false;
  let nameLike = true;
  let hyphenGiven = false;
  for (let k = c.first; k < end; k++) {
    const t = tokens[k]!;
    if (t.allCaps && t.text.length > 1) place = true;
    if ((lookupPlace(t.text) || COUNTRY_NAME_WORDS.has(t.lower)) && !FIRST_NAMES.has(t.lower) && (k === c.first || !isGivenName(first.lower))) place = true;
    if (!isNameLike(t.lower) && !NAME_PARTICLES.has(t.lower)) nameLike = false;
    if (k > c.first && /^\p{Lu}\p{Ll}+-\p{L}+$/u.test(t.text)) hyphenGiven = true;
  }
  // "Elizabeth II": a given name and a regnal number
  if (nameLen === 1) return isGivenName(first.lower) ? typed('PERSON', 2) : typed('ORG', 1);
  const lettered = nameLen === 2 && /^(?:\p{Lu}|\d+)$/u.test(last.text) && isEnglishWord(first.lower) && !PROPER_WORDS.has(first.lower);
  if (lettered) return typed('ORG', 1);
  // a company's name and then a word that is no name of a company: its product ("Acme Widgetron")
  if (nameLen === 2 && COMPANY_WORDS.has(first.lower) && !COMPANY_WORDS.has(last.lower) && !isEnglishWord(last.lower) && !isGivenName(last.lower)) return typed('PRODUCT', 2);
  // "Zorvath Quillon": a foreign given name, then a surname that is also an English word
  if (nameLen === 2 && !place && !isEnglishWord(first.lower) && /^\p{Lu}\p{Ll}+$/u.test(first.text) && /^\p{Lu}\p{Ll}+$/u.test(last.text)) return typed('PERSON', isGivenName(first.lower) ? 2 : 1);
  const lastLower = last.lower;
  const surnameLike = nameLen <= 3 && isNameLike(lastLower) && !(nameLen === 3 && !isNameLike(tokens[c.first + 1]!.lower) && !isGivenName(first.lower) && !(!isEnglishWord(first.lower) && !demonymCountry(first.lower) && tokens[c.first + 1]!.text.length <= 4));
  // after "in", "near", "from" a name that opens with no given name is a place's, whatever its words
  // could be ("a rally in Bowling Green", "near Aspen Hollow")
  if (nameLen <= 3 && !place && !isGivenName(first.lower) && !FIRST_NAMES.has(first.lower) && pv && pv.kind === 'word' && (pv.lower === 'in' || pv.lower === 'near')) return typed('LOC', 1);
  // a person's name takes no article: "the Red Cross", "the Blue Ridge" name a body or a place
  if (pv && pv.kind === 'word' && !pv.cap && pv.lower === 'the' && !isGivenName(first.lower) && isEnglishWord(first.lower)) return typed(LOC_SUFFIXES.has(headLower) ? 'LOC' : 'ORG', 1);
  if (nameLen <= 5 && !place && (isGivenName(first.lower) || hyphenGiven || nameLike || surnameLike)) return typed('PERSON', isGivenName(first.lower) ? 2 : 1);
  if (place && LOC_SUFFIXES.has(lastLower)) return typed('LOC', 2);
  return typed('ORG', 1);
}

/** A single word: an abbreviation, a model code, a brand, a deity, a company's name. */
function singleWord(t: Token): Classified {
  // "XR7", "A380": a model or version code; a name and a hyphenated number is a version too ("Falcon-9")
  if (isModelCode(t) || /^\p{Lu}\p{Ll}{2,}-\d{1,3}$/u.test(t.text)) return typed('PRODUCT', 2);
  if (t.allCaps && t.text.replace(/\./g, '').length >= 2) return typed('ORG', 1);
  // "eBay" is a company, "iPhone" a product: lower-case brands that are no company are mostly products
  if (isLowerBrand(t)) return COMPANY_WORDS.has(t.lower) ? typed('ORG', 3) : typed('PRODUCT', 2);
  if (DEITIES.has(t.lower)) return typed('PERSON', 3);
  // "the House" alone is a legislature's chamber: a building's name has its own word before "House"
  if (t.lower === 'house' && !t.allCaps) return typed('ORG', 3);
  if (ORG_WORD_NAMES.has(t.lower)) return typed('ORG', 2);
  if (COMPANY_WORDS.has(t.lower) || isCamelCaseName(t)) return typed('ORG', 2);
  return typed(null, 1);
}

/** Prepositions that put what follows in a place, not in a club's or a firm's company ("at", "from" do both). */
const IN_PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'inside', 'across', 'throughout', 'around']);

/** The name [first, last) follows a preposition of place and is no possessor ("in X City's win" is the club's). */
function inPlacePhrase(tokens: Token[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  return !!before && before.kind === 'word' && IN_PLACE_PREPOSITIONS.has(before.lower) && tokens[last]?.kind !== 'poss';
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
  if (relativeWhoAfter(tokens, c.last) || reflexiveOrFamilyLater(tokens, c.first)) return 'PERSON';
  // "in X", "near X" mostly name places; "from X" as often names a company ("a video from X")
  if ((locative && pv!.lower !== 'from') || TOWNS.has(foldKey(t.text))) return 'LOC';
  if (t.text.length < 2) return null;
  if (heOrSheNext(tokens, c.first)) return 'PERSON';
  return 'ORG';
}

/** '"...," X said': the name right after a closing quotation mark (and its comma), before a verb of speech. */
function speakerAfterQuotation(tokens: Token[], first: number): boolean {
  let k = first - 1;
  if (tokens[k]?.text === ',') k--;
  const close = tokens[k];
  const verb = tokens[first + 1];
  return !!close && close.kind === 'quote' && close.quoteRole === 'close' && !!verb && verb.kind === 'word' && !verb.cap && SPEECH_VERBS.has(verb.lower);
}

/** The name at `first` opens its sentence, or its clause after a quotation ('"...," Okonjo said'). */
function opensClause(tokens: Token[], first: number): boolean {
  const sentence = tokens[first]!.sentence;
  let k = first - 1;
  while (k >= 0 && tokens[k]!.sentence === sentence && tokens[k]!.kind !== 'word' && tokens[k]!.kind !== 'num') k--;
  return k < 0 || tokens[k]!.sentence !== sentence || speakerAfterQuotation(tokens, first);
}

/** How far past a sentence's subject the next sentence's first word is looked for. */
const MAX_SENTENCE_SCAN = 120;

/**
 * "Okonjo arrived in the capital on Monday. He said ...": a name that opens its sentence (or its
 * clause after a quotation: '"...," Okonjo said. He added'), when the next sentence opens with "He"
 * or "She", is that pronoun's antecedent, and an organisation or a place is never "he" or "she".
 */
function heOrSheNext(tokens: Token[], first: number): boolean {
  const t = tokens[first]!;
  if (!opensClause(tokens, first)) return false;
  for (let j = first + 1; j < tokens.length && j < first + MAX_SENTENCE_SCAN; j++) {
    const u = tokens[j]!;
    if (u.sentence === t.sentence) continue;
    if (u.sentence !== t.sentence + 1) return false;
    if (u.kind === 'quote' || u.kind === 'punct') continue;
    return u.cap && PERSON_PRONOUNS_SUBJ.has(u.lower);
  }
  return false;
}

/** "X, who ...": a relative "who" takes up a person (an organisation or a place takes "which"). */
function relativeWhoAfter(tokens: Token[], last: number): boolean {
  return tokens[last]?.text === ',' && tokens[last + 1]?.lower === 'who' && tokens[last + 1]!.sentence === tokens[last]!.sentence;
}

/** How far after the name its own reflexive or "his wife" is looked for. */
const PRONOUN_REACH = 12;

/**
 * "Halloran blamed himself", "Osei and her husband left": a name that opens its sentence (or its
 * clause after a quotation) and, later in that sentence with no other name, quotation or "it" in
 * between, a reflexive or a "his"/"her" with a word for family ("his wife"). A plain "he" after a
 * verb ("the firm said he would go") may be anyone, so it does not count.
 */
function reflexiveOrFamilyLater(tokens: Token[], first: number): boolean {
  const t = tokens[first]!;
  if (!opensClause(tokens, first)) return false;
  for (let j = first + 1; j < tokens.length && j <= first + PRONOUN_REACH; j++) {
    const u = tokens[j]!;
    if (u.sentence !== t.sentence || u.kind === 'quote') return false;
    if (u.kind !== 'word') continue;
    if (u.cap || u.lower === 'it' || u.lower === 'its' || u.lower === 'they' || u.lower === 'their') return false;
    if (u.lower === 'himself' || u.lower === 'herself') return true;
    const owned = tokens[j + 1];
    if ((u.lower === 'his' || u.lower === 'her') && owned?.kind === 'word' && PERSONAL_NOUNS.has(owned.lower)) return true;
  }
  return false;
}

// Stage 2: runs of capitalised words, sentence by sentence, become name candidates. A run may hold
// name particles ("de Souza"), "of"/"for"/"on" after an organisation's head word ("Bank of
// England"), "and" inside an organisation's name, and "&". Spans fixed by the header (dateline
// place, source line) are taken as they are. Each run is then split by split-run.ts.

import { COMMON_WORDS } from '../data/common.js';
import { LOC_HEADS_OF, LOWER_GEO_NOUNS, NAME_PARTICLES, ORG_HEADS_OF, ORG_SUFFIXES, ORG_WORD_NAMES, POSSESSIVE_PLACE_HEADS } from '../data/orgs.js';
import { KIND_HEADS_OF, LAW_SUFFIXES } from '../data/entity-kinds.js';
import { PERSON_ROLE_NOUNS, PERSON_TITLES } from '../data/titles.js';
import { isEnglishWord, isGivenName, lookupPlace } from '../gazetteer.js';
import { opensPartyTag, type Token } from '../tokens.js';
import type { DocumentEvidence } from './document-evidence.js';
import { type Candidate, type EntityInput, textOfTokens } from './model.js';
import { isArticleDemonym, isCapWord, isCaselessCommon, isCommonCap, isGroupWord, roleFollows, runHasOrgHead, runHasOrgSuffix, skipSingle } from './name-words.js';
import { splitRun } from './split-run.js';

/** Longest run of capitalised words taken as one name; longer runs are cut (titles of works, all-caps text). */
const MAX_NAME_TOKENS = 16;
/** Connectors allowed after an organisation's head word: "Bank of ...", "Fund for ...", "Council on ...". */
const CONNECT_OF = new Set(['of', 'for', 'on']);
/** Titles that take "of": "Secretary of State", "Duke of York". */
export const TITLE_WITH_OF = new Set(['secretary', 'minister', 'president', 'chairman', 'head', 'director', 'governor', 'chief', 'prime', 'duke', 'king', 'queen', 'prince', 'princess']);
/** Words dropped from the start of a capitalised run ("The Observer" -> "Observer"). */
const LEADING_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'their', 'his', 'her', 'its', 'my', 'your', 'some', 'every', 'each', 'both', 'all', 'any', 'no', 'another', 'and', 'but', 'or', 'if', 'when', 'while', 'as', 'at', 'in', 'on', 'for', 'from', 'with', 'by', 'to', 'of', 'after', 'before', 'since', 'during', 'under', 'over', 'about', 'so', 'yet', 'then', 'there', 'here', 'it', 'we', 'they', 'he', 'she', 'i', 'you']);

/** `caseless`: per sentence, 1 where capitals say nothing (headlines, Title Case and ALL-CAPS lines). */
export function findCandidates(input: EntityInput, ev: DocumentEvidence, caseless: Uint8Array): Candidate[] {
  const { tokens, sentences } = input;
  const cands: Candidate[] = [];
  /** "New Delhi" opening a sentence: a common word that starts a known place name */
  const startsPlace = (i: number): boolean => {
    const nt = tokens[i + 1];
    return !!nt && isCapWord(nt) && !!lookupPlace(`${tokens[i]!.text} ${nt.text}`);
  };
  /** Places' names the article makes demonyms of ("neravia" for "Neravian"). */
  const demonymStems = new Set<string>();
  const forcedAt = new Map<number, { last: number; type: Candidate['forcedType'] }>();
  for (const f of input.forced) forcedAt.set(f.first, { last: f.last, type: f.type });

  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const inHeadline = caseless[si]! > 0;
    const strict = caseless[si] === 2;
    const common = (u: Token): boolean => (strict ? isCaselessCommon(u, ev) : isCommonCap(u, ev.lowerSeen));
    let initial = true;
    let i = s.first;
    while (i < s.last) {
      const f = forcedAt.get(i);
      if (f) {
        cands.push({ first: i, last: f.last, roles: [], forcedType: f.type, personCue: false });
        i = f.last;
        initial = false;
        continue;
      }
      const t = tokens[i]!;
      if (t.kind === 'quote' || (t.kind === 'punct' && (t.text === ':' || t.text === '(' || t.text === '\u2014' || t.text === '--' || t.text === '-'))) {
        initial = true;
        i++;
        continue;
      }
      // a nationality, religion or political group standing alone ("Peruvian officials", "Muslims")
      // (as part of a person's role it is a role word: "the Peruvian president", "Peruvian leader X")
      if (isGroupWord(t) && !(i + 1 < s.last && isCapWord(tokens[i + 1]!) && !isGroupWord(tokens[i + 1]!))) {
        if (!roleFollows(tokens, i + 1)) cands.push({ first: i, last: i + 1, roles: [], forcedType: 'NORP', personCue: false });
        i++;
        initial = false;
        continue;
      }
      // a demonym the article makes of a place's name ("Neravian officials", "Neravian President X"):
      // a group of people, and no part of a person's name after it (an organisation's name may hold
      // it: "Neravian State Railways")
      const nt = tokens[i + 1];
      if (isArticleDemonym(t, ev) && !(nt && i + 1 < s.last && isCapWord(nt) && !PERSON_TITLES.has(nt.lower))) {
        demonymStems.add(t.lower.replace(/ns?$/, ''));
        if (!roleFollows(tokens, i + 1)) cands.push({ first: i, last: i + 1, roles: [], forcedType: 'NORP', personCue: false });
        i++;
        initial = false;
        continue;
      }
      if (!isCapWord(t) || ((initial || inHeadline) && common(t) && !startsPlace(i))) {
        if (t.kind === 'word' || t.kind === 'num') initial = false;
        i++;
        continue;
      }
      const j = runEnd(tokens, i, lineEnd(input.text, tokens, i, s.last), inHeadline ? common : null);
      // "Lorena Ruiz, D-San Diego": a party's initial and the home town of a state lawmaker (a lone
      // "D-Ohio" is skipped as a label, name-words.ts)
      if (j - i >= 2 && opensPartyTag(t.text) && (tokens[i - 1]?.text === ',' || tokens[i - 1]?.text === '(')) {
        cands.push({ first: i, last: j, roles: [], forcedType: 'LOC', personCue: false });
        i = j;
        initial = false;
        continue;
      }
      // a lower-case geographic noun right after ("the Iberian peninsula")
      if (j < s.last && LOWER_GEO_NOUNS.has(tokens[j]!.lower) && !tokens[j]!.cap && tokens[i - 1]?.lower === 'the') {
        cands.push({ first: i, last: j + 1, roles: [], forcedType: 'LOC', personCue: false });
        i = j + 1;
        initial = false;
        continue;
      }
      let a = i;
      while (a < j - 1 && LEADING_FUNCTION_WORDS.has(tokens[a]!.lower) && !tokens[a]!.allCaps) a++;
      const possessive = tokens[j]?.kind === 'poss' && !COMMON_WORDS.has(tokens[a]!.lower);
      // a party's name that is an English word is a name before a person's role, even at a sentence start ("Labour councillor X")
      const nx = tokens[j];
      const partyBeforeRole = j - a === 1 && ORG_WORD_NAMES.has(tokens[a]!.lower) && !!nx && nx.kind === 'word' && !nx.cap && (PERSON_TITLES.has(nx.lower) || PERSON_ROLE_NOUNS.has(nx.lower));
      if (!(j - a === 1 && !partyBeforeRole && skipSingle(tokens[a]!, (initial || inHeadline || a > i) && !possessive, ev))) splitRun(tokens, a, j, cands);
      i = j;
      initial = false;
    }
  }
  // a name the article makes a demonym of is a place's ("Neravia" beside "Neravian officials")
  if (demonymStems.size > 0) {
    for (const c of cands) if (c.last - c.first === 1 && c.forcedType === null && demonymStems.has(tokens[c.first]!.lower)) c.forcedType = 'LOC';
  }
  extendWithLeadingWord(tokens, cands);
  extendWithTrailingWord(tokens, cands, caseless);
  return dedupe(cands);
}

/** Plurals of people without an s. */
const PLURAL_PEOPLE = new Set(['children', 'women', 'men', 'people']);

/** Head words that close a name with a possessive inside it. */
const POSSESSIVE_NAME_HEADS = new Set(['trust', 'party', 'church', 'cathedral', 'hospital', 'school', 'college', 'university', 'fund', 'society', 'association', 'league', 'union', 'front', 'army', 'republic', 'congress', 'council', 'alliance', 'foundation', 'institute', 'day',
  // events and awards for a group of people: "Women's World Cup", "Children's Book Prize"
  'cup', 'championship', 'championships', 'games', 'tournament', 'open', 'marathon', 'prize', 'award', 'awards']);

/**
 * The possessive at `j` lies inside a name: the word before it is an ordinary plural noun
 * ("Children's", "People's", "Women's"), and a head word of organisations follows within two
 * capitalised words.
 */
function possessiveInsideName(tokens: Token[], i: number, j: number, end: number): boolean {
  const owner = tokens[j - 1]!;
  const pluralNoun = PLURAL_PEOPLE.has(owner.lower) || (owner.lower.endsWith('s') && isEnglishWord(owner.lower) && !isGivenName(owner.lower));
  if (j - i < 1 || !pluralNoun) return false;
  for (let k = j + 1; k < end && k <= j + 2; k++) {
    if (!isCapWord(tokens[k]!)) return false;
    if (POSSESSIVE_NAME_HEADS.has(tokens[k]!.lower)) return true;
  }
  return false;
}

/** One candidate per token range: a place may be nested twice (in a facility's prefix and in the facility). */
function dedupe(cands: Candidate[]): Candidate[] {
  const seen = new Set<number>();
  return cands.filter((c) => {
    const key = c.first * 4096 + Math.min(c.last - c.first, 4095);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The first token after i that starts a new line, or `end`: a name never runs over a line break
 * (a byline's name and the outlet on the line under it, "By X" / "The Daily Y", are two names).
 * Only the gaps of the run's reach are read.
 */
function lineEnd(text: string, tokens: Token[], i: number, end: number): number {
  const reach = Math.min(end, i + MAX_NAME_TOKENS + 2);
  for (let k = i + 1; k < reach; k++) {
    const a = tokens[k - 1]!.end;
    const b = tokens[k]!.start;
    for (let x = a; x < b; x++) if (text.charCodeAt(x) === 10) return k;
  }
  return end;
}

/** The end of the run of capitalised words that starts at i. */
/** `common`: in a headline or caseless line, the test for a capitalised word that is an ordinary word. */
function runEnd(tokens: Token[], i: number, end: number, common: ((t: Token) => boolean) | null): number {
  const t = tokens[i]!;
  let j = i + 1;
  // "Gulf of X", "Port of X": a place word that takes "of" opens the run
  let hasOrgHead = ORG_HEADS_OF.has(t.lower) || TITLE_WITH_OF.has(t.lower) || KIND_HEADS_OF.has(t.lower) || LOC_HEADS_OF.has(t.lower);
  let hasOf = false;
  while (j < end && j - i < MAX_NAME_TOKENS) {
    const u = tokens[j]!;
    if (isCapWord(u) && !(common && common(u))) {
      if (ORG_HEADS_OF.has(u.lower) || TITLE_WITH_OF.has(u.lower) || KIND_HEADS_OF.has(u.lower)) hasOrgHead = true;
      j++;
      continue;
    }
    const nx = j + 1 < end ? tokens[j + 1]! : null;
    if (u.kind === 'word' && !u.cap && nx) {
      if (NAME_PARTICLES.has(u.lower)) {
        // one or two particles before the next part of the name: "de Souza", "von der Leyen"
        const nx2 = tokens[j + 2];
        if (isCapWord(nx)) {
          j++;
          continue;
        }
        if (NAME_PARTICLES.has(nx.lower) && j + 2 < end && nx2 && isCapWord(nx2)) {
          j += 2;
          continue;
        }
      }
      if (hasOrgHead && CONNECT_OF.has(u.lower)) {
        if (isCapWord(nx)) {
          hasOf = true;
          j++;
          continue;
        }
        if (nx.lower === 'the' && j + 2 < end && isCapWord(tokens[j + 2]!)) {
          hasOf = true;
          j += 2;
          continue;
        }
      }
      // (and "Department of Health and Human Services": after "of", a second part that ends in an
      // organisation word of its own)
      if (hasOf && (u.lower === 'the' || (u.lower === 'and' && ((!runHasOrgSuffix(tokens, i, j) && runHasOrgHead(tokens, i, j)) || orgSuffixAhead(tokens, j + 1, end)))) && isCapWord(nx)) {
        j++;
        continue;
      }
      // "Freedom to Vote Act", "Committee to Protect Journalists": "to" inside the name of a law that
      // its capitalised words end in a few words on, or after an organisation word other than a
      // legislature ("urged Congress to Act"), and not in a headline ("Panel to Vote on Bill")
      if (u.lower === 'to' && isCapWord(nx) && !common && (lawEndsAhead(tokens, j + 1, end) || (ORG_SUFFIXES.has(tokens[j - 1]!.lower) && !LEGISLATURES.has(tokens[j - 1]!.lower)))) {
        j++;
        continue;
      }
      // "Disaster and Emergency Management Authority": "and" inside a name that ends in an organisation word
      // (a legislature naming its committee comes first: "Senate Energy and Natural Resources Committee")
      if (u.lower === 'and' && isCapWord(nx) && !runHasOrgSuffix(tokens, LEGISLATURES.has(t.lower) ? i + 1 : i, j) && orgSuffixAhead(tokens, j + 1, end)) {
        j++;
        continue;
      }
    }
    // "Children's Trust", "People's Party": a possessive inside a name whose
    // head word ends it; not after a name of its own ("Ruiz's Party" is a party of Ruiz's)
    // "Hadley's Landing": a place named with a possessive, its place word right after it
    if (u.kind === 'poss' && u.lower === "'s" && nx && isCapWord(nx) && (possessiveInsideName(tokens, i, j, end) || (j - i === 1 && POSSESSIVE_PLACE_HEADS.has(nx.lower) && !(j + 2 < end && isCapWord(tokens[j + 2]!))))) {
      j++;
      continue;
    }
    if (u.kind === 'punct' && u.text === '&' && nx && isCapWord(nx)) {
      j++;
      continue;
    }
    break;
  }
  return versionNumberEnd(tokens, i, j, end);
}

/** Legislatures, which are asked "to" do things: "urged Congress to Act". */
const LEGISLATURES = new Set(['senate', 'congress', 'parliament', 'assembly', 'house', 'legislature', 'council']);
/** Longest stretch of capitalised words after "to" looked at for a law's last word. */
const LAW_REACH = 4;

/** Capitalised words from k on end in a law's last word within a few words ("... to Vote Act"). */
function lawEndsAhead(tokens: Token[], k: number, end: number): boolean {
  for (let x = k; x < end && x < k + LAW_REACH; x++) {
    const t = tokens[x]!;
    if (!isCapWord(t)) return false;
    if (LAW_SUFFIXES.has(t.lower) && x > k && !isCapWord(tokens[x + 1] ?? t)) return true;
  }
  return false;
}

/** Words after a number that make it a count or a measure, not a version: "Acme 3 million", "Route 9 miles". */
const NUMBER_FOLLOWERS = /^(?:million|billion|trillion|thousand|hundred|percent|per|cent|points?|goals?|runs?|seats?|votes?|years?|days?|hours?|minutes?|people|times|miles?|km|kilometres?|kilometers?|metres?|meters?|feet|pounds?|dollars?|euros?|to|and|or|of|in|out)$/;

/**
 * A version or model number right after a name belongs to it ("Windows 10", "Boeing 737"), unless
 * the name is a place or a person's (a score, an age), the number is a year, or it counts or
 * measures something ("3 million", "2-1", "10:30").
 */
function versionNumberEnd(tokens: Token[], i: number, j: number, end: number): number {
  const num = tokens[j];
  if (j >= end || !num || num.kind !== 'num' || num.start !== tokens[j - 1]!.end + 1) return j;
  if (!/^\d{1,4}(?:\.\d{1,2})?$/.test(num.text) || /^(?:1[89]|20)\d\d$/.test(num.text)) return j;
  const after = tokens[j + 1];
  if (after && after.sentence === num.sentence) {
    if (after.kind === 'punct' && /^[-\u2013\u2014:\/%.]$/.test(after.text) && !(after.text === '.' && (j + 2 >= end || tokens[j + 2]!.sentence !== num.sentence))) return j;
    if (after.kind === 'num' || (after.kind === 'word' && NUMBER_FOLLOWERS.test(after.lower))) return j;
  }
  if (isGivenName(tokens[i]!.lower) || lookupPlace(textOfTokens(tokens, i, j)) || tokens[j - 1]!.kind !== 'word') return j;
  return j + 1;
}

/**
 * A common word opening a sentence belongs to the name after it when that longer name occurs
 * elsewhere ("World Rowing president ..." after "known as World Rowing").
 */
function extendWithLeadingWord(tokens: Token[], cands: Candidate[]): void {
  // the longer names, gathered only when some candidate has such a word before it (few do), and
  // before any candidate is extended
  let surfaces: Set<string> | null = null;
  for (const c of cands) {
    const p = tokens[c.first - 1];
    if (!p || !p.cap || p.kind !== 'word' || p.sentence !== tokens[c.first]!.sentence || c.forcedType) continue;
    if (!surfaces) {
      surfaces = new Set<string>();
      for (const d of cands) if (d.last - d.first >= 2) surfaces.add(textOfTokens(tokens, d.first, d.last).toLowerCase());
    }
    if (surfaces.has(`${p.lower} ${textOfTokens(tokens, c.first, c.last).toLowerCase()}`)) c.first--;
  }
}

/** Most words a name in a caseless line is extended by. */
const MAX_TRAILING_WORDS = 2;

/**
 * In a headline or other caseless line, a capitalised word after a name that was taken for an
 * ordinary word belongs to the name when the longer name occurs in the article's ordinary text
 * ("X Regional" + "Airport" in a headline, when the body names "X Regional Airport").
 */
function extendWithTrailingWord(tokens: Token[], cands: Candidate[], caseless: Uint8Array): void {
  let surfaces: Set<string> | null = null;
  const n = cands.length;
  for (let x = 0; x < n; x++) {
    const c = cands[x]!;
    const s = tokens[c.first]!.sentence;
    if (caseless[s] === 0 || c.forcedType || c.nested || c.personCue) continue;
    const nx = tokens[c.last];
    if (!nx || nx.kind !== 'word' || !nx.cap || nx.sentence !== s) continue;
    if (!surfaces) {
      surfaces = new Set<string>();
      for (const d of cands) if (d.last - d.first >= 2 && caseless[tokens[d.first]!.sentence] === 0) surfaces.add(textOfTokens(tokens, d.first, d.last).toLowerCase());
    }
    let name = textOfTokens(tokens, c.first, c.last).toLowerCase();
    let e = c.last;
    for (let k = c.last; k < c.last + MAX_TRAILING_WORDS && k < tokens.length; k++) {
      const t = tokens[k]!;
      if (t.kind !== 'word' || !t.cap || t.sentence !== s) break;
      name += ` ${t.lower}`;
      if (surfaces.has(name)) e = k + 1;
    }
    if (e === c.last) continue;
    // the longer name is split and nested as any run is
    const longer: Candidate[] = [];
    splitRun(tokens, c.first, e, longer);
    if (longer.length === 0) continue;
    cands[x] = longer[0]!;
    for (let k = 1; k < longer.length; k++) cands.push(longer[k]!);
  }
}

/** An organisation word within the next few capitalised words: "... Management Authority". */
function orgSuffixAhead(tokens: Token[], j: number, end: number): boolean {
  for (let k = j; k < end && k < j + 5; k++) {
    const t = tokens[k]!;
    if (!(t.kind === 'word' && t.cap)) return false;
    if (ORG_SUFFIXES.has(t.lower)) return true;
  }
  return false;
}

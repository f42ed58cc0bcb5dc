// Stage 3: a run of capitalised words is split into name candidates: at "and" between two names,
// after titles ("US President", "Minister of Health"), between an organisation's and a person's
// name, before the names of laws and events, and without leading nationality words or trailing
// role words. Names inside the candidates are added by nested-names.ts.

import { AWARD_SUFFIXES, CALENDAR_NAME_ENDINGS, EVENT_SUFFIXES, GROUP_WORDS, LAW_SUFFIXES, POST_NOMINALS, PRODUCT_SUFFIXES } from '../data/entity-kinds.js';
import { ADMIN_SUFFIXES, LOC_SUFFIXES, ORG_HEADS_OF, ORG_NAME_ENDINGS, ORG_SUFFIXES, ORG_WORD_NAMES, US_DEPARTMENT_WORDS } from '../data/orgs.js';
import { CORPORATE_TITLES, HONORIFICS, PERSON_ROLE_NOUNS, PERSON_TITLES } from '../data/titles.js';
import { demonymCountry, FIRST_NAMES, isEnglishWord, isGivenName, isNameLike, lookupPlace, PROPER_WORDS } from '../gazetteer.js';
import type { Token } from '../tokens.js';
import { type Candidate, textOfTokens } from './model.js';
import { roleFollows, runHasOrgSuffix } from './name-words.js';
import { headIndex } from './kind-cues.js';

/** Last words of a journalist's job title ("Health Correspondent", "Staff Writer"). */
const JOURNALIST_TITLES = new Set(['correspondent', 'editor', 'writer', 'columnist', 'commentator', 'presenter']);
import { looksLikePerson, nestFacilityPrefix, nestNamedAfterPerson, nestParentBody, nestPlaces, nestUnfamiliarPlace } from './nested-names.js';

/** Singular words for a member of a political party, written before a politician's name. */
const PARTY_MEMBER_WORDS = new Set(['republican', 'democrat', 'conservative', 'liberal', 'socialist', 'communist', 'tory', 'libertarian', 'labourite']);
/** Last words of names of events, laws, awards and products (see classify.ts). */
const KIND_ENDINGS = new Set([...EVENT_SUFFIXES, ...LAW_SUFFIXES, ...AWARD_SUFFIXES, ...PRODUCT_SUFFIXES]);

/** Splits a run of capitalised tokens [a, b) into candidates, appended to `out`. */
export function splitRun(tokens: Token[], a: number, b: number, out: Candidate[], nested = false): void {
  const start = out.length;
  splitRunInto(tokens, a, b, out);
  if (nested) for (let k = start; k < out.length; k++) out[k]!.nested = true;
}

function splitRunInto(tokens: Token[], a: number, b: number, out: Candidate[]): void {
  // "X and Y" joined only inside an organisation's name that starts with its head word or ends
  // with its organisation word ("Disaster and Emergency Management Authority")
  // (a legislature that names its committee, "Senate Energy and Natural Resources Committee", is no
  // organisation word before the "and")
  const andInside = (): boolean => {
    if (!ORG_SUFFIXES.has(tokens[b - 1]!.lower)) return false;
    const from = CHAMBER_WORDS.has(tokens[a]!.lower) ? a + 1 : a;
    for (let k = a; k < b - 1; k++) if (tokens[k]!.lower === 'and') return !runHasOrgSuffix(tokens, from, k);
    return false;
  };
  // "Senate Democrats", "Texas Republicans": members of a party or group after the body or place
  // they belong to are no part of its name; the group is a name of its own (NORP). So is one
  // member after a place ("a West Virginia Democrat", "the Ohio Republican")
  const lastWord = tokens[b - 1]!;
  const member = lastWord.lower.endsWith('s') || (PARTY_MEMBER_WORDS.has(lastWord.lower) && memberOf(tokens, a, b - 1));
  if (b - a >= 2 && member && GROUP_WORDS.has(lastWord.lower) && tokens[b - 2]!.kind === 'word' && tokens[b - 2]!.lower !== 'of') {
    splitRun(tokens, a, b - 1, out);
    out.push({ first: b - 1, last: b, roles: [], forcedType: 'NORP', personCue: false });
    return;
  }
  // "Acme Robotics CFO X": the company before an officer's title is a name of its own
  for (let k = a + 1; k < b - 1 && k - a <= 4; k++) {
    if (CORPORATE_TITLES.has(tokens[k]!.lower) && tokens[k]!.allCaps) {
      splitRun(tokens, a, k, out);
      splitRun(tokens, k, b, out);
      return;
    }
  }
  // "&" between capitalised words joins the partners of a firm ("Hartley & Sloane"): one name,
  // even when a partner's name is also a place's
  for (let k = a + 1; k < b - 1 && !PERSON_TITLES.has(tokens[a]!.lower); k++) {
    if (tokens[k]!.text === '&') {
      out.push({ first: a, last: b, roles: [], forcedType: null, personCue: false });
      return;
    }
  }
  if (!(ORG_HEADS_OF.has(tokens[a]!.lower) && !PERSON_TITLES.has(tokens[a]!.lower)) && !andInside()) {
    for (let k = a + 1; k < b - 1; k++) {
      if (tokens[k]!.lower === 'and') {
        splitRun(tokens, a, k, out);
        splitRun(tokens, k + 1, b, out);
        return;
      }
    }
  }
  // names of events, laws, awards and products ("WAFA World Cup", "Clean Air Act", "Nobel Prize",
  // "Osaka Marathon") are names of their own; the organiser or place they are named after is
  // nested in them. Calendar names ("Independence Day") are dates: only what is nested in them counts.
  const h = headIndex(tokens, a, b);
  const headLower = tokens[h]!.lower;
  if (h > a && (KIND_ENDINGS.has(headLower) || CALENDAR_NAME_ENDINGS.has(headLower)) && !ORG_HEADS_OF.has(tokens[a]!.lower)) {
    if (!CALENDAR_NAME_ENDINGS.has(headLower)) out.push({ first: a, last: b, roles: [], forcedType: null, personCue: false });
    // the organiser's name at the front: "WAFA World Cup" -> WAFA, "Acme Robotics Fair" -> Acme
    let p = a;
    while (p < h) {
      const t = tokens[p]!;
      // (a party's or people's adjective is no organiser: "Democratic National Convention")
      if ((t.allCaps || PROPER_WORDS.has(t.lower) || !isEnglishWord(t.lower) || lookupPlace(t.text)) && !GROUP_WORDS.has(t.lower) && !demonymCountry(t.lower)) p++;
      else break;
    }
    if (p > a && p < h) splitRun(tokens, a, p, out, true);
    else nestPlaces(tokens, a, b, out);
    return;
  }
  // honours and degrees after a person's name are not part of it, and say it is a person's: "Ana Ruiz QC"
  let postNominal = false;
  while (b - a >= 2 && tokens[b - 1]!.allCaps && POST_NOMINALS.has(tokens[b - 1]!.lower.replace(/\./g, '')) && looksLikePerson(tokens, a, b - 1)) {
    b--;
    postNominal = true;
  }
  // "Health Correspondent", "Political Editor": a journalist's job under a byline or in a credit
  // is a title, and names nobody
  // (a paper takes "the": "The Boston Writer")
  if (b - a <= 3 && JOURNALIST_TITLES.has(tokens[b - 1]!.lower) && !isGivenName(tokens[a]!.lower) && tokens[a - 1]?.lower !== 'the') return;
  // a trailing role word is not part of the name: "the Quito Sheriff"
  while (b - a >= 2 && PERSON_ROLE_NOUNS.has(tokens[b - 1]!.lower) && tokens[b - 2]!.lower !== 'of' && !isGivenName(tokens[a]!.lower)) b--;
  // a currency code: "US$ 20", "HK$"
  if (b - a === 1 && /^[$€£¥]/.test(tokens[b]?.text ?? '') && tokens[b]!.start === tokens[a]!.end) return;
  let i = a;
  const roles: string[] = [];
  // words before the run that are lower-case roles: "leader Ruiz", "professor Vell"
  const prev = tokens[a - 1];
  let roleBefore = false;
  if (prev && prev.kind === 'word' && !prev.cap && PERSON_ROLE_NOUNS.has(prev.lower)) {
    roles.push(prev.lower);
    roleBefore = true;
  }
  let allTitles = true;
  for (let k = a; k < b; k++) if (!PERSON_TITLES.has(tokens[k]!.lower) && tokens[k]!.lower !== 'of') allTitles = false;
  if (allTitles) return;
  // find the last title word inside the run (not the last token)
  let titleEnd = -1;
  let titleStart = -1;
  const lastLower = tokens[b - 1]!.lower;
  const orgLike = ORG_SUFFIXES.has(lastLower) && b - a >= 2;
  let ga = a;
  while (ga < b - 2 && GROUP_WORDS.has(tokens[ga]!.lower) && !tokens[ga]!.allCaps && !PERSON_TITLES.has(tokens[ga + 1]!.lower)) ga++;
  for (let k = a; k < b - 1; k++) {
    const t = tokens[k]!;
    // a title opens the run or follows a place or nationality ("US President", "Chinese Premier"), or
    // another title; inside a name it is a name ("Martin Luther King Jr.")
    // (the words before a title are judged at the title: "X County Commission Chairwoman Y" reads
    // on past "County" and "Commission" to find the body before the title)
    // (a party's adjective before them is judged apart: "Liberal X County Judge Y")
    // (and a word that makes one role with the title is judged with it: "Senate Majority Leader X")
    const tk = PERSON_TITLES.has(t.lower) && k - 1 > ga && ROLE_COMPOUND_WORDS.has(tokens[k - 1]!.lower) ? k - 1 : k;
    if (titleStart < 0 && k > ga && !titleMayFollow(tokens, ga, tk) && !bodyThenPerson(tokens, ga, tk, b) && (PERSON_TITLES.has(t.lower) || k - ga > 3)) break;
    if (PERSON_TITLES.has(t.lower) && !(orgLike && !HONORIFICS.has(t.lower) && tokens[k + 1]?.lower !== 'of')) {
      // "Press Secretary", "Campaign Manager": a word that makes one role with the title is part of it
      if (titleStart < 0) titleStart = k > a && ROLE_COMPOUND_WORDS.has(tokens[k - 1]!.lower) ? k - 1 : k;
      titleEnd = k + 1;
      // "Director of the National Museum", "Minister of Education Ana Ruiz": what follows "of" is
      // an organisation, maybe followed by the person's name
      if (tokens[k + 1]?.lower === 'of' && k + 2 < b) {
        let o = k + 2;
        if (tokens[o]?.lower === 'the') o++;
        if (o < b) {
          if (titleStart > a) {
            const preText = textOfTokens(tokens, a, titleStart);
            if (lookupPlace(preText)) out.push({ first: a, last: titleStart, roles: [], forcedType: null, personCue: false });
          }
          splitRun(tokens, o, b, out);
          return;
        }
      }
    } else if (titleStart >= 0) {
      break;
    }
  }
  if (titleStart >= 0 && titleEnd < b) {
    // what precedes the title: a country or nationality ("US", "Chinese") -> a role word and maybe a place mention
    // "Republican House Speaker X": a party's adjective before the body is a role of the person's, and a group's name (NORP)
    let pa = a;
    while (pa < titleStart - 1 && GROUP_WORDS.has(tokens[pa]!.lower) && !tokens[pa]!.allCaps) pa++;
    if (pa > a) {
      roles.push(textOfTokens(tokens, a, pa).toLowerCase());
      out.push({ first: a, last: pa, roles: [], forcedType: 'NORP', personCue: false });
      a = pa;
    }
    if (titleStart > a) {
      const pre = tokens.slice(a, titleStart);
      const preText = textOfTokens(tokens, a, titleStart);
      const dem = demonymCountry(preText);
      if (dem) roles.push(preText.toLowerCase());
      // "Democratic Gov. X", "Republican Sen. X": the party's adjective is a role, and a group's name (NORP)
      else if (pre.every((p) => GROUP_WORDS.has(p.lower))) {
        roles.push(preText.toLowerCase());
        out.push({ first: a, last: titleStart, roles: [], forcedType: 'NORP', personCue: false });
      }
      else if (lookupPlace(preText) || (pre.length === 1 && pre[0]!.allCaps) || bodyBeforeTitle(tokens, a, titleStart)) {
        out.push({ first: a, last: titleStart, roles: [], forcedType: null, personCue: false });
        // the place in the body's name ("X County Commission Chairwoman Y" -> X County)
        if (titleStart - a >= 2) nestUnfamiliarPlace(tokens, a, titleStart, out);
      }
      else if (placeBeforeOffice(tokens, a, titleStart)) out.push({ first: a, last: titleStart, roles: [], forcedType: 'LOC', personCue: false });
      // "Treasury Secretary X", "EPA Administrator X", "Federal Reserve Chair X": the body the office
      // belongs to (a federal department's short name is an organisation's name there, though an English word)
      else if (bodyThenPerson(tokens, a, titleStart, b)) {
        const dept = titleStart - a === 1 && US_DEPARTMENT_WORDS.has(pre[0]!.lower);
        out.push({ first: a, last: titleStart, roles: [], forcedType: dept ? 'ORG' : null, personCue: false });
      }
    }
    const titleWords = tokens.slice(titleStart, titleEnd).map((t) => t.lower.replace(/\.$/, ''));
    roles.push(titleWords.join(' '));
    roles.push(titleWords[titleWords.length - 1]!);
    i = titleEnd;
    out.push({ first: i, last: b, roles, forcedType: null, personCue: true });
    return;
  }
  // an organisation's or place's name followed by a person's: "the Norvale Water Board Ana Ruiz",
  // "Ambassador to the United States Ivan Hale"
  if (b - a >= 3) {
    for (let k = Math.max(a + 1, b - 3); k <= b - 2; k++) {
      const pv = tokens[k - 1]!;
      const head = tokens[k]!;
      const placeEnds = !!lookupPlace(textOfTokens(tokens, Math.max(a, k - 2), k)) || !!lookupPlace(textOfTokens(tokens, Math.max(a, k - 3), k));
      const prefixIsName = placeEnds || (k - a >= 2 && (ORG_SUFFIXES.has(pv.lower) || LOC_SUFFIXES.has(pv.lower))) || (k - a >= 2 && pv.allCaps) || !!lookupPlace(pv.text) || (isEnglishWord(pv.lower) && !isNameLike(pv.lower));
      let tailOk = isGivenName(head.lower) || !isEnglishWord(head.lower);
      for (let m = k; m < b && tailOk; m++) if (!isNameLike(tokens[m]!.lower) && !(m === k && isGivenName(head.lower))) tailOk = false;
      // (never before a lower-case particle: "di", "de" join the words around them, "X Faro di Y")
      if (prefixIsName && tailOk && head.cap && !lookupPlace(head.text)) {
        splitRun(tokens, a, k, out);
        splitRun(tokens, k, b, out);
        return;
      }
    }
  }
  // a trailing ordinary word after a person's name ("Ana Ruiz Photo")
  if (b - a >= 3) {
    const lt = tokens[b - 1]!;
    // (not after a known place, "Des Moines Register", nor a firm's or paper's last word)
    if (lt.text.length >= 4 && tokens[b - 2]!.kind !== 'poss' && isEnglishWord(lt.lower) && !PROPER_WORDS.has(lt.lower) && !ORG_SUFFIXES.has(lt.lower) && !ORG_NAME_ENDINGS.has(lt.lower) && !LOC_SUFFIXES.has(lt.lower) && isGivenName(tokens[a]!.lower) && looksLikePerson(tokens, a, b - 1) && !lookupPlace(textOfTokens(tokens, a, b - 1))) {
      b--;
    }
  }
  // a nationality of two words ("South African", "North Macedonians") names a group of people, and
  // so do the first peoples of a country ("Native American", "Native Hawaiians")
  const whole = textOfTokens(tokens, a, b);
  const native = b - a === 2 && tokens[a]!.lower === 'native' && (!!demonymCountry(tokens[a + 1]!.lower) || !!demonymCountry(tokens[a + 1]!.lower.replace(/s$/, '')) || isArticleDemonymWord(tokens[a + 1]!.lower));
  if ((demonymCountry(whole) && !lookupPlace(whole)) || native) {
    if (!roleFollows(tokens, b)) out.push({ first: a, last: b, roles: [], forcedType: 'NORP', personCue: false });
    return;
  }
  // "Republican Sydney Brankov", "Democrat Ana Ruiz": a party member's label before a given name and a
  // surname is a role, and says the name is a person's (even one that is also a place's, "X Park")
  if (b - a >= 3 && b - a <= 4 && PARTY_MEMBER_WORDS.has(tokens[a]!.lower) && FIRST_NAMES.has(tokens[a + 1]!.lower) && !ORG_SUFFIXES.has(lastLower)) {
    roles.push(tokens[a]!.lower);
    out.push({ first: a + 1, last: b, roles, forcedType: null, personCue: true });
    return;
  }
  if (b - a >= 2) {
    const firstDem = demonymCountry(tokens[a]!.text);
    if (firstDem && !lookupPlace(tokens[a]!.text) && !ORG_SUFFIXES.has(lastLower) && looksLikePerson(tokens, a + 1, b)) {
      i = a + 1;
      roles.push(tokens[a]!.lower);
    }
  }
  out.push({ first: i, last: b, roles, forcedType: null, personCue: postNominal || (roleBefore && b - i <= 3 && !ORG_SUFFIXES.has(lastLower) && !lookupPlace(textOfTokens(tokens, i, b))) });
  nestFacilityPrefix(tokens, i, b, out);
  // a place the article may not know, by where it stands in the name ("X Regional Airport", "University of X")
  nestUnfamiliarPlace(tokens, i, b, out);
  // the person an organisation is named after ("the Ana Ruiz Foundation" -> Ana Ruiz)
  nestNamedAfterPerson(tokens, i, b, out);
  // a place nested in an organisation's name ("University of Chile" -> Chile)
  nestPlaces(tokens, i, b, out);
  // the body a committee or an institute belongs to ("Senate Finance Committee" -> Senate)
  nestParentBody(tokens, i, b, out);
}

/**
 * The body a title belongs to, before it: words that end in an organisation word ("House Speaker
 * X", "Senate Majority Leader X", "Labour Party leader X"), or any name before an officer's title
 * ("Acme CEO X"); the body is a name of its own.
 */
function bodyBeforeTitle(tokens: Token[], a: number, k: number): boolean {
  if (k - a > 3) return false;
  // "Acme CEO X": what stands before an officer's title is the company
  if (CORPORATE_TITLES.has(tokens[k]!.lower)) return true;
  const last = tokens[k - 1]!;
  // ("Labour MP X": a party whose name is an English word)
  return !last.allCaps && (ORG_SUFFIXES.has(last.lower) || ORG_HEADS_OF.has(last.lower) || (k - a === 1 && ORG_WORD_NAMES.has(last.lower)));
}

/** "hawaiian(s)", "alaskan(s)": the people of a state whose name ends in "a" or "i" ("Hawaii"). */
function isArticleDemonymWord(l: string): boolean {
  const w = l.replace(/s$/, '');
  if (!w.endsWith('an')) return false;
  const pl = lookupPlace(w.slice(0, -1)) ?? lookupPlace(w.slice(0, -2));
  return !!pl && pl.kind === 'state';
}

/** Legislatures whose members are named after them: "a Senate Republican", "a House Democrat". */
const CHAMBER_WORDS = new Set(['senate', 'house', 'assembly', 'legislature']);

/**
 * Tokens a..b-1 name what a party member belongs to: a known place, a county, parish or township
 * ("X County"), or a legislature's chamber ("Senate").
 */
function memberOf(tokens: Token[], a: number, b: number): boolean {
  if (lookupPlace(textOfTokens(tokens, a, b))) return true;
  const last = tokens[b - 1]!.lower;
  return (b - a >= 2 && ADMIN_SUFFIXES.has(last)) || (b - a === 1 && CHAMBER_WORDS.has(last));
}

/** Words that make one role with the title after them: "Majority Leader", "District Attorney", "District Judge", "Press Secretary", "Campaign Manager". */
const ROLE_COMPOUND_WORDS = new Set(['majority', 'minority', 'ranking', 'district', 'press', 'campaign', 'communications', 'policy', 'political', 'legislative', 'budget', 'staff']);

/**
 * Capitalised words a..k-1 (one to three, no titles, no group words), then a title at k, then a
 * person's name that ends the run (a given name and one or two more name words): the words name
 * the body the office belongs to ("Federal Reserve Chair X", "EPA Administrator X").
 */
function bodyThenPerson(tokens: Token[], a: number, k: number, b: number): boolean {
  // the title may open with a word that makes one role with it ("Majority Leader")
  const tt = ROLE_COMPOUND_WORDS.has(tokens[k]!.lower) && k + 1 < b && PERSON_TITLES.has(tokens[k + 1]!.lower) ? k + 1 : k;
  if (k - a < 1 || k - a > 3 || !PERSON_TITLES.has(tokens[tt]!.lower) || HONORIFICS.has(tokens[tt]!.lower)) return false;
  const p = tt + 1;
  if (b - p < 2 || b - p > 3 || !isGivenName(tokens[p]!.lower) || !looksLikePerson(tokens, p, b)) return false;
  for (let x = a; x < k; x++) {
    const t = tokens[x]!;
    if (t.kind !== 'word' || !t.cap || PERSON_TITLES.has(t.lower) || GROUP_WORDS.has(t.lower) || ROLE_COMPOUND_WORDS.has(t.lower)) return false;
  }
  return true;
}

/** Titles of offices that belong to a place: "X Mayor Y" is the mayor of X. */
const PLACE_OFFICE_TITLES = new Set(['mayor', 'governor', 'sheriff', 'councillor', 'councilor', 'councilman', 'councilwoman', 'alderman', 'premier']);

/**
 * One unfamiliar word (no English word, no given name) before the title of a place's office: the
 * place the article may not know ("Dorval Mayor Ana Ruiz" -> Dorval).
 */
function placeBeforeOffice(tokens: Token[], a: number, k: number): boolean {
  if (k - a !== 1 || !PLACE_OFFICE_TITLES.has(tokens[k]!.lower)) return false;
  const t = tokens[a]!;
  return t.kind === 'word' && t.cap && !t.allCaps && !isEnglishWord(t.lower) && !isGivenName(t.lower) && !FIRST_NAMES.has(t.lower);
}

/** True when tokens a..k-1 may stand before a title: places, nationalities, abbreviations. */
function titleMayFollow(tokens: Token[], a: number, k: number): boolean {
  const pre = textOfTokens(tokens, a, k);
  if (lookupPlace(pre) || demonymCountry(pre) || bodyBeforeTitle(tokens, a, k) || placeBeforeOffice(tokens, a, k)) return true;
  // a county or parish the gazetteer may not know: "X County Judge Y", "X Parish Sheriff Y"
  if (k - a >= 2 && k - a <= 3 && ADMIN_SUFFIXES.has(tokens[k - 1]!.lower) && tokens[k - 1]!.cap) return true;
  for (let x = a; x < k; x++) {
    const t = tokens[x]!;
    if (!(t.allCaps || PERSON_TITLES.has(t.lower) || GROUP_WORDS.has(t.lower) || demonymCountry(t.lower) || lookupPlace(t.text) || t.lower === 'of' || t.lower === 'the')) return false;
  }
  return true;
}

// Evidence for a name's kind from the words around it and from the shape of its words: a product
// noun after it ("the X browser"), a mission after it ("the X mission"), a work noun before or
// after it ("the film X", "the X films"), a model number ("A380", "X 9"), a lower-case brand
// ("eBay", "iPhone"). Such cues are medium evidence (strength 2): they beat a default type, not a
// name that says what it is ("... University", a title before a person's name).

import { NON_ENTITY_ACRONYMS } from '../data/common.js';
import { SPEECH_VERBS } from '../data/speech.js';
import { PERSON_ROLE_NOUNS, PERSON_TITLES } from '../data/titles.js';
import { EVENT_NOUNS, PRODUCT_NOUNS, TITLE_INTRODUCERS, WORK_NOUNS_AFTER, WORK_NOUNS_BEFORE } from '../data/entity-kinds.js';
import { isEnglishWord, isGivenName } from '../gazetteer.js';
import type { Token } from '../tokens.js';
import type { EntityType } from '../types.js';

/** Words between a work noun and its title that still make it one: "the film", "her new novel". */
const WORK_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'new', 'latest', 'first', 'last', 'upcoming', 'hit', 'debut', 'animated', 'classic']);
/** How far before a title its work noun may stand when an introducer sits between ("a 2019 book titled X"). */
const INTRODUCER_REACH = 4;

/**
 * A model or version code: a few capitals and a number ("A380", "XR7", "MiG-29", "F-35"); not a
 * group of states or a road ("G7", "A1": one letter, two digits), a disease ("COVID-19") or a
 * word with a digit ("Web3").
 */
export function isModelCode(t: Token): boolean {
  if (t.kind !== 'word' || !/^(?:\p{Lu}{1,4}|\p{Lu}\p{Ll}\p{Lu})-?\d{1,4}\p{L}{0,2}$/u.test(t.text)) return false;
  if (/^\p{L}\d{1,2}$/u.test(t.text)) return false;
  return !NON_ENTITY_ACRONYMS.has(t.lower.replace(/[^\p{L}].*$/u, ''));
}

/** A trade name that starts with a lower-case letter before a capital: "eBay", "iPhone", "iPad". */
export function isLowerBrand(t: Token): boolean {
  if (t.kind !== 'word' || t.text.length < 4) return false;
  // most words fail on their second character, an ASCII one that is no capital: no regular expression for them
  const c1 = t.text.charCodeAt(1);
  if (c1 < 128 && !(c1 >= 65 && c1 <= 90)) return false;
  return /^\p{Ll}\p{Lu}\p{Ll}{2,}/u.test(t.text);
}

/** A number or a roman numeral closing a name: "Windows 10", "World War II", "Apollo 11". */
export function isNameNumber(t: Token): boolean {
  return t.kind === 'num' || (t.allCaps && /^[IVX]{1,4}$/.test(t.text));
}

/** The last token of [first, last) that is not a number or roman numeral: the name's head word. */
export function headIndex(tokens: Token[], first: number, last: number): number {
  let h = last - 1;
  while (h > first && isNameNumber(tokens[h]!)) h--;
  return h;
}

/**
 * Nouns of businesses and other organisations that stand right before their name, in apposition
 * ("the carmaker X", "the news agency X"). Role nouns that also stand before people's names
 * (publisher, producer, broadcaster, developer) are left out.
 */
const COMPANY_NOUNS_BEFORE = new Set([
  'company', 'firm', 'retailer', 'manufacturer', 'maker', 'carmaker', 'automaker', 'bank', 'insurer', 'lender', 'airline',
  'carrier', 'newspaper', 'startup', 'start-up', 'conglomerate', 'chain', 'supermarket', 'giant', 'club', 'band', 'label',
  'agency', 'network', 'website',
  // unions, groups and papers: "the dockers' union X", "the advocacy group X", "the daily X"
  'union', 'group', 'charity', 'nonprofit', 'watchdog', 'regulator', 'utility', 'daily', 'tabloid', 'broadsheet',
]);

/**
 * Nouns of organisations that, in an apposition right after a name, say the name is an
 * organisation's: "X, the company building the reservoir, said", "X, a Belgian packaging firm,".
 */
const ORG_APPOSITION_NOUNS = new Set([...COMPANY_NOUNS_BEFORE, 'organisation', 'organization', 'party', 'operator', 'developer', 'insurer']);
/** Words that open a post-modifier after the apposition's noun: "the company that ...", "a firm with ...". */
const POST_MODIFIER_STARTS = new Set(['that', 'which', 'whose', 'behind', 'with', 'in', 'of', 'from', 'for', 'at', 'on', 'by', 'run', 'founded', 'owned', 'known']);
/** How many words may stand between the article and the noun of such an apposition ("a Belgian packaging firm"). */
const APPOSITION_REACH = 3;

/**
 * Plural nouns of the people who work for or in a body ("Acme economists", "Senate aides"): a name
 * right before one is that of an organisation (a place's name there stays a place: it is typed first).
 * No word that is also a verb after a subject ("X shares the view", "X staffs the desk").
 */
const STAFF_NOUNS_AFTER = new Set([
  'economists', 'analysts', 'officials', 'executives', 'employees', 'staffers', 'workers', 'investors',
  'shareholders', 'engineers', 'researchers', 'scientists', 'lawyers', 'attorneys', 'aides', 'spokespeople',
]);

/** Singular nouns of a body's staff who speak for it or run it: "X spokesman Y". */
const SPOKES_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'executive', 'employee', 'engineer', 'researcher']);

/**
 * A company's name written as one word with a capital inside ("BlackRock", "PayPal", "JPMorgan");
 * family names written so (McDonald, MacArthur, DeSantis, LaToya, VanDyke) start with a short
 * particle, which is left out.
 */
export function isCamelCaseName(t: Token): boolean {
  if (t.kind !== 'word' || t.text.length < 5 || t.allCaps) return false;
  const m = /^(\p{Lu}[\p{Ll}\p{Lu}]*?)(\p{Lu}\p{Ll})/u.exec(t.text);
  if (!m || !/\p{Ll}/u.test(t.text.slice(m[1]!.length))) return false;
  const prefix = m[1]!;
  if (/^\p{Lu}{2,}$/u.test(prefix)) return true;
  return prefix.length >= 3 && !CAMEL_PARTICLES.has(prefix.toLowerCase());
}
const CAMEL_PARTICLES = new Set(['mac', 'van', 'von', 'del', 'dal', 'der', 'den', 'des', 'fitz', 'san', 'ten', 'ter', 'della', 'dela', 'vander', 'vanden']);

/** The kind the words around tokens [first, last) give the name, or null. */
export function contextKind(tokens: Token[], first: number, last: number): EntityType | null {
  const nx = tokens[last];
  if (nx && nx.kind === 'word' && !nx.cap && nx.sentence === tokens[first]!.sentence) {
    if (nx.lower === 'operating' ? tokens[last + 1]?.lower === 'system' : PRODUCT_NOUNS.has(nx.lower)) return 'PRODUCT';
    if (EVENT_NOUNS.has(nx.lower)) return 'EVENT';
    if (WORK_NOUNS_AFTER.has(nx.lower)) return 'WORK_OF_ART';
    if (STAFF_NOUNS_AFTER.has(nx.lower)) return 'ORG';
    // "Meta spokesman X", "Snap executive Y": one English word before the title of a body's staff
    // is the body's name (a person's spokesman follows a name that is no English word, or one
    // already known as a person's, which linking finds first)
    const w = tokens[first]!;
    if (last - first === 1 && SPOKES_NOUNS.has(nx.lower) && w.kind === 'word' && !w.allCaps && isEnglishWord(w.lower) && !isGivenName(w.lower)) return 'ORG';
  }
  if (orgApposition(tokens, last)) return 'ORG';
  // "the film X", 'the film "X"', "her novel X", "a book titled X"
  let k = first - 1;
  if (tokens[k]?.kind === 'quote') k--;
  const before = tokens[k];
  if (!before || before.kind !== 'word' || before.cap) return null;
  if (WORK_NOUNS_BEFORE.has(before.lower)) {
    const det = tokens[k - 1];
    if (det && (det.kind === 'poss' || (det.kind === 'word' && WORK_DETERMINERS.has(det.lower)))) return 'WORK_OF_ART';
  }
  // "the online retailer X", "the investment bank X": a business noun in apposition before a name
  if (COMPANY_NOUNS_BEFORE.has(before.lower)) return 'ORG';
  // "plays for X", "signed for X", "rides for X": one plays, rides and signs for a team
  if (before.lower === 'for' && TEAM_VERBS.has(tokens[k - 1]?.lower ?? '')) return 'ORG';
  if (TITLE_INTRODUCERS.has(before.lower)) {
    for (let x = k - 1; x >= 0 && x >= k - INTRODUCER_REACH; x--) {
      const w = tokens[x]!;
      if (w.kind === 'word' && !w.cap && WORK_NOUNS_BEFORE.has(w.lower)) return 'WORK_OF_ART';
    }
  }
  return null;
}

/** Verbs of a player or rider and the team they are "for". */
const TEAM_VERBS = new Set(['plays', 'played', 'playing', 'signed', 'signs', 'rides', 'rode', 'riding', 'races', 'raced', 'racing', 'drives', 'drove', 'driving']);

/**
 * An apposition after the name whose head is an organisation's noun: ", the company building the
 * reservoir,". Not ", the company's founder," nor ", a company spokesman," (a person of the company).
 */
function orgApposition(tokens: Token[], last: number): boolean {
  if (tokens[last]?.text !== ',') return false;
  const det = tokens[last + 1];
  if (!det || !(det.lower === 'the' || det.lower === 'a' || det.lower === 'an')) return false;
  for (let k = last + 2; k <= last + 2 + APPOSITION_REACH && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.sentence !== det.sentence) return false;
    if (!t.cap && ORG_APPOSITION_NOUNS.has(t.lower)) {
      // the noun ends the apposition's head: punctuation or a post-modifier follows ("the company
      // building the reservoir", "a firm based in X"), not another noun ("a party candidate", "a company spokesman")
      const nx = tokens[k + 1];
      if (!nx || nx.kind === 'poss') return false;
      if (nx.kind === 'punct') return true;
      return nx.kind === 'word' && !nx.cap && (POST_MODIFIER_STARTS.has(nx.lower) || /(?:ing|ed)$/.test(nx.lower)) && !PERSON_ROLE_NOUNS.has(nx.lower) && !PERSON_TITLES.has(nx.lower);
    }
    if (!t.cap && PERSON_ROLE_NOUNS.has(t.lower)) return false;
  }
  return false;
}

/** Words after a name that say it is a person's: a speech verb, or an apposition with a role ("X, the mayor,"). */
export function personContext(tokens: Token[], last: number): boolean {
  const nx = tokens[last];
  if (!nx) return false;
  if (nx.kind === 'word' && !nx.cap && SPEECH_VERBS.has(nx.lower)) return true;
  if (nx.text !== ',') return false;
  const det = tokens[last + 1];
  if (!det || !(det.lower === 'the' || det.lower === 'a' || det.lower === 'an')) return false;
  for (let k = last + 2; k < last + 5 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') return false;
    if (!t.cap && PERSON_ROLE_NOUNS.has(t.lower)) return true;
  }
  return false;
}

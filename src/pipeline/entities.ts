// Entities and mentions: capitalised-name candidates typed by general gazetteers and word lists,
// linked within the article (surnames, acronyms, countries' short forms), plus nominal ("the
// North Korean leader", "the agency") and pronoun mentions resolved to a named entity.
// Works on tokens; offsets are UTF-16 indices here.

import { CALENDAR_WORDS, COMMON_WORDS, NON_ENTITY_ACRONYMS, NON_ENTITY_CAPITALISED } from './data/common.js';
import { LOC_PREFIXES, LOC_SUFFIXES, LOWER_GEO_NOUNS, NAME_PARTICLES, NON_ENTITY_NAME_ENDINGS, ORG_HEADS_OF, ORG_SUFFIXES } from './data/orgs.js';
import { SPEECH_VERBS } from './data/speech.js';
import { HONORIFICS, ORG_ROLE_NOUNS, PERSON_PRONOUNS, PERSON_ROLE_NOUNS, PERSON_TITLES } from './data/titles.js';
import { COUNTRY_NAME_WORDS, PROPER_WORDS, TOWNS, demonymCountry, foldKey, genderOfGivenName, FIRST_NAMES, isEnglishWord, isGivenName, isNameLike, lookupPlace, MAX_PLACE_TOKENS } from './gazetteer.js';
import type { Sentence, Token } from './tokens.js';
import type { EntityType, MentionKind } from './types.js';

export interface Entity {
  type: EntityType;
  canonical: string;
  /** Lower-case name tokens of the canonical name. */
  nameTokens: string[];
  aliases: string[];
  count: number;
  lastToken: number;
  /** Lower-case role words seen next to the entity's names ("leader", "north korean", "president"). */
  roles: Set<string>;
  /** True when the canonical name comes from a gazetteer (countries). */
  fixedCanonical: boolean;
}

export interface Mention {
  start: number;
  end: number;
  /** Token range [first, last). */
  first: number;
  last: number;
  entity: number;
  kind: MentionKind;
  type: EntityType;
}

export interface EntityResult {
  entities: Entity[];
  mentions: Mention[];
  /** For each token, the index of the mention that starts there, or -1. */
  mentionAt: Int32Array;
  /** For each token, the index of a mention covering it, or -1 (outermost). */
  mentionCover: Int32Array;
}

interface Candidate {
  first: number;
  last: number;
  /** Lower-case role/title words before the name ("president", "chinese president"). */
  roles: string[];
  forcedType: EntityType | null;
  /** A title or role word before the name says it is a person's. */
  personCue: boolean;
  /** Nested place inside an organisation name. */
  nested?: boolean;
}

const PLACE_NOUNS = new Set(['town', 'city', 'village', 'province', 'region', 'district', 'island', 'county', 'state', 'capital', 'port', 'suburb', 'neighbourhood', 'neighborhood', 'municipality', 'commune', 'settlement', 'outskirts']);
const LOCATIVE_PREPOSITIONS = new Set(['in', 'near', 'from', 'outside', 'inside', 'across', 'throughout', 'around']);
/** Words dropped from the start of a capitalised run ("The Guardian" -> "Guardian"). */
const LEADING_FUNCTION_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'their', 'his', 'her', 'its', 'my', 'your', 'some', 'every', 'each', 'both', 'all', 'any', 'no', 'another', 'and', 'but', 'or', 'if', 'when', 'while', 'as', 'at', 'in', 'on', 'for', 'from', 'with', 'by', 'to', 'of', 'after', 'before', 'since', 'during', 'under', 'over', 'about', 'so', 'yet', 'then', 'there', 'here', 'it', 'we', 'they', 'he', 'she', 'i', 'you']);
/** Nouns that refer back to the organisation last named ("the company said"). */
const GENERIC_ORG_NOUNS = new Set(['company', 'firm', 'organisation', 'organization', 'corporation', 'charity', 'agency', 'broadcaster', 'newspaper', 'carrier', 'airline', 'retailer', 'manufacturer', 'bank']);
const ADMIN_SUFFIXES = new Set(['city', 'county', 'province', 'state', 'region', 'territory', 'municipality', 'prefecture', 'oblast', 'town', 'village']);
/** Longest run of capitalised words taken as one name; longer runs are cut (titles of works, all-caps text). */
const MAX_NAME_TOKENS = 16;
const CONNECT_OF = new Set(['of', 'for', 'on']);
const TITLE_WITH_OF = new Set(['secretary', 'minister', 'president', 'chairman', 'head', 'director', 'governor', 'chief', 'prime', 'duke', 'king', 'queen', 'prince', 'princess']);

function isCapWord(t: Token): boolean {
  if (t.kind !== 'word') return false;
  // "al-Assad", "bin-Laden", "el-Sisi": a name particle joined by a hyphen
  if (!t.cap) {
    const h = t.text.indexOf('-');
    return h >= 2 && h <= 3 && /^(?:al|el|ad|as|an|ar|at|az|bin|ibn|abu|ben|de|da|di|van|von|le|la)-\p{Lu}/u.test(t.text);
  }
  const l = t.lower;
  return !(CALENDAR_WORDS.has(l) || (l.charCodeAt(l.length - 1) === 46 && CALENDAR_WORDS.has(l.slice(0, -1))));
}

export interface EntityInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Per block: true for the headline (title-case text). */
  headlineBlocks: Set<number>;
  /** Token ranges [first, last) known to be a place / organisation (dateline, source line). */
  forced: { first: number; last: number; type: EntityType }[];
}

export function extractEntities(input: EntityInput): EntityResult {
  const { tokens, sentences } = input;
  const n = tokens.length;
  // words seen in lower case anywhere: a capitalised sentence-initial form of them is not a name
  const lowerSeen = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && !t.cap) lowerSeen.add(t.lower);

  // words seen capitalised in the middle of a sentence
  const capMid = new Set<string>();
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    const p = tokens[k - 1]!;
    if (t.kind === 'word' && t.cap && p.kind === 'word' && p.sentence === t.sentence) capMid.add(t.lower);
    // "Acme" in "Acme Corp.": a word that names an organisation elsewhere counts as a name at a sentence start too
    if (t.kind === 'word' && t.cap && p.kind === 'word' && p.cap && ORG_SUFFIXES.has(t.lower)) capMid.add(p.lower);
  }
  // initials of every run of capitalised words ("World Health Organization" -> "who"), so that an
  // abbreviation that is also a common word ("WHO") is still taken when its expansion is present
  const runInitials = new Set<string>();
  {
    let ini = '';
    for (let k = 0; k <= tokens.length; k++) {
      const t = tokens[k];
      if (t && t.kind === 'word' && t.cap) {
        ini += t.lower[0];
        if (ini.length > 10) ini = ini.slice(1);
      } else if (t && t.kind === 'word' && (t.lower === 'of' || t.lower === 'for' || t.lower === 'the' || t.lower === 'and') && ini) continue;
      else {
        // every stretch of the run: "The World Health Organization" gives "who" too
        for (let x = 0; x < ini.length; x++) for (let y = x + 2; y <= ini.length; y++) runInitials.add(ini.slice(x, y));
        ini = '';
      }
    }
  }
  const cands: Candidate[] = [];
  /** "New Delhi" opening a sentence: a common word that starts a known place name */
  const startsPlace = (i: number): boolean => {
    const nt = tokens[i + 1];
    return !!nt && isCapWord(nt) && !!lookupPlace(`${tokens[i]!.text} ${nt.text}`);
  };
  const forcedAt = new Map<number, { last: number; type: EntityType }>();
  for (const f of input.forced) forcedAt.set(f.first, { last: f.last, type: f.type });

  for (const s of sentences) {
    const inHeadline = input.headlineBlocks.has(s.block);
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
      if (!isCapWord(t) || ((initial || inHeadline) && isCommonCap(t, lowerSeen) && !startsPlace(i))) {
        if (t.kind === 'word' || t.kind === 'num') initial = false;
        i++;
        continue;
      }
      // build a run of capitalised words
      let j = i + 1;
      let hasOrgHead = ORG_HEADS_OF.has(t.lower) || TITLE_WITH_OF.has(t.lower);
      let hasOf = false;
      while (j < s.last && j - i < MAX_NAME_TOKENS) {
        const u = tokens[j]!;
        if (isCapWord(u) && !(inHeadline && isCommonCap(u, lowerSeen))) {
          if (ORG_HEADS_OF.has(u.lower) || TITLE_WITH_OF.has(u.lower)) hasOrgHead = true;
          j++;
          continue;
        }
        const nx = j + 1 < s.last ? tokens[j + 1]! : null;
        if (u.kind === 'word' && !u.cap && nx) {
          if (NAME_PARTICLES.has(u.lower)) {
            // one or two particles before the next part of the name: "de Souza", "von der Leyen"
            const nx2 = tokens[j + 2];
            if (isCapWord(nx)) {
              j++;
              continue;
            }
            if (NAME_PARTICLES.has(nx.lower) && j + 2 < s.last && nx2 && isCapWord(nx2)) {
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
            if (nx.lower === 'the' && j + 2 < s.last && isCapWord(tokens[j + 2]!)) {
              hasOf = true;
              j += 2;
              continue;
            }
          }
          if (hasOf && (u.lower === 'the' || (u.lower === 'and' && !runHasOrgSuffix(tokens, i, j) && runHasOrgHead(tokens, i, j))) && isCapWord(nx)) {
            j++;
            continue;
          }
          // "Disaster and Emergency Management Authority": "and" inside a name that ends in an organisation word
          if (u.lower === 'and' && isCapWord(nx) && !runHasOrgSuffix(tokens, i, j) && orgSuffixAhead(tokens, j + 1, s.last)) {
            j++;
            continue;
          }
        }
        if (u.kind === 'punct' && u.text === '&' && nx && isCapWord(nx)) {
          j++;
          continue;
        }
        break;
      }
      // a lower-case geographic noun right after ("the Korean peninsula")
      if (j < s.last && LOWER_GEO_NOUNS.has(tokens[j]!.lower) && !tokens[j]!.cap && tokens[i - 1]?.lower === 'the') {
        cands.push({ first: i, last: j + 1, roles: [], forcedType: 'LOC', personCue: false });
        i = j + 1;
        initial = false;
        continue;
      }
      let a = i;
      while (a < j - 1 && LEADING_FUNCTION_WORDS.has(tokens[a]!.lower) && !tokens[a]!.allCaps) a++;
      const possessive = tokens[j]?.kind === 'poss' && !COMMON_WORDS.has(tokens[a]!.lower);
      if (!(j - a === 1 && skipSingle(tokens[a]!, (initial || inHeadline || a > i) && !possessive, lowerSeen, capMid, runInitials))) splitRun(tokens, a, j, cands);
      i = j;
      initial = false;
    }
  }

  // a common word opening a sentence belongs to the name after it when that longer name occurs
  // elsewhere ("World Athletics president ..." after "known as World Athletics")
  const surfaces = new Set<string>();
  for (const c of cands) if (c.last - c.first >= 2) surfaces.add(textOfTokens(tokens, c.first, c.last).toLowerCase());
  for (const c of cands) {
    const p = tokens[c.first - 1];
    if (!p || !p.cap || p.kind !== 'word' || p.sentence !== tokens[c.first]!.sentence || c.forcedType) continue;
    if (surfaces.has(`${p.lower} ${textOfTokens(tokens, c.first, c.last).toLowerCase()}`)) c.first--;
  }

  // ---- typing and linking ----
  const entities: Entity[] = [];
  const mentions: Mention[] = [];
  const byKey = new Map<string, number>();
  /** organisation names without corporate suffixes ("acme" for "Acme Corp.") -> entity */
  const coreKey = new Map<string, number>();
  const en0 = (e: number): Entity => entities[e]!;
  /** name token -> person entities whose name holds it */
  const personIndex = new Map<string, number[]>();
  /** initials of multi-word organisation/place names -> entity */
  const byInitials = new Map<string, number>();
  const indexEntity = (e: number): void => {
    const en = entities[e]!;
    if (en.type === 'PERSON') {
      for (const w of en.nameTokens) {
        const l = personIndex.get(w);
        if (!l) personIndex.set(w, [e]);
        else if (!l.includes(e)) l.push(e);
      }
    } else if (en.nameTokens.length >= 2) {
      const ini = initials(en.nameTokens);
      if (ini.length >= 2) byInitials.set(ini, e);
    }
  };

  const textOf = (a: number, b: number): string => {
    let s = '';
    for (let k = a; k < b; k++) {
      const t = tokens[k]!;
      if (k > a && tokens[k - 1]!.end < t.start) s += ' ';
      s += t.text;
    }
    return s;
  };

  // First pass: decide types of multi-token and strongly cued names, so that single tokens can
  // be linked to them afterwards (a surname may come before the full name only in the headline).
  const typed: { c: Candidate; type: EntityType | null; canonical: string | null; place: boolean }[] = [];
  for (const c of cands) typed.push({ c, ...classify(c) });

  const personTokens = new Map<string, number>(); // token -> count of multi-token persons containing it
  for (const x of typed) {
    if (x.type === 'PERSON' && x.c.last - x.c.first >= 2) {
      for (let k = x.c.first; k < x.c.last; k++) {
        const l = tokens[k]!.lower;
        if (isNameLike(l) || isGivenName(l)) personTokens.set(l, (personTokens.get(l) ?? 0) + 1);
      }
    }
  }

  // Process body first, headline last (a headline's short forms refer to the body's names).
  const order = typed.map((_, k) => k);
  order.sort((a, b) => {
    const ha = input.headlineBlocks.has(tokens[typed[a]!.c.first]!.block) ? 1 : 0;
    const hb = input.headlineBlocks.has(tokens[typed[b]!.c.first]!.block) ? 1 : 0;
    return ha - hb || typed[a]!.c.first - typed[b]!.c.first;
  });

  for (const k of order) {
    const x = typed[k]!;
    const { c } = x;
    const surface = textOf(c.first, c.last);
    const lower = surface.toLowerCase();
    const len = c.last - c.first;
    const inHeadline = input.headlineBlocks.has(tokens[c.first]!.block);
    let type = x.type;
    let ent = -1;
    // 0. a hyphenated compound of names ("Franco-German", "Lee-Obama talks"): a mention for each known part
    if (len === 1 && c.forcedType === null && surface.includes('-') && hyphenParts(c)) continue;
    // 1. exact name or alias already known
    let known = byKey.get(x.canonical ? x.canonical.toLowerCase() : lower) ?? byKey.get(lower);
    // "Acme" and "Acme Corp." are one company
    if (known === undefined && type !== 'PERSON') {
      const core = corporateCore(lower);
      const e = coreKey.get(core);
      if (e !== undefined && entities[e]!.type === 'ORG') known = e;
    }
    if (known !== undefined) ent = known;
    // 2. part of a person's name (surname or given name): the most salient such person
    if (ent < 0 && len <= 2 && !x.place && c.forcedType === null) {
      const cand = findPersonByPart(entities, personIndex.get(tokens[c.last - 1]!.lower) ?? personIndex.get(tokens[c.first]!.lower) ?? [], tokens, c);
      if (cand >= 0) ent = cand;
    }
    // 3. acronym of a known organisation or place, or a known acronym's expansion
    if (ent < 0 && len === 1 && tokens[c.first]!.allCaps) {
      const acr = tokens[c.first]!.text.replace(/\./g, '').toLowerCase();
      const e = byInitials.get(acr);
      if (e !== undefined) ent = e;
    }
    // 3b. an abbreviation defined in brackets right after a name: "Movimento 5 Stelle (M5S)"
    if (ent < 0 && len === 1 && tokens[c.first]!.allCaps && tokens[c.first - 1]?.text === '(' && tokens[c.last]?.text === ')') {
      const prevTok = c.first - 2;
      for (let x = mentions.length - 1; x >= 0 && x >= mentions.length - 5; x--) {
        const m = mentions[x]!;
        if (m.last - 1 === prevTok && m.type === 'ORG') {
          ent = m.entity;
          break;
        }
      }
    }
    if (ent < 0 && len >= 2 && type !== 'PERSON') {
      const ini = initials(tokens.slice(c.first, c.last).map((t) => t.lower));
      if (ini.length >= 2) {
        const e = byKey.get(ini);
        if (e !== undefined && entities[e]!.type !== 'PERSON' && entities[e]!.nameTokens.length === 1) {
          ent = e;
          const en = entities[e]!;
          if (!en.fixedCanonical) {
            en.canonical = surface;
            en.nameTokens = tokens.slice(c.first, c.last).map((t) => t.lower);
            byKey.set(lower, e);
            indexEntity(e);
          }
        }
      }
    }
    // 4. a single word that ends a known organisation's name ("the Court" after "the Supreme Court")
    if (ent < 0 && len === 1 && type === null) {
      for (let e = entities.length - 1; e >= 0 && e >= entities.length - 200; e--) {
        const en = entities[e]!;
        if (en.type === 'ORG' && en.nameTokens.length >= 2 && en.nameTokens[en.nameTokens.length - 1] === lower) {
          ent = e;
          break;
        }
      }
    }
    if (ent < 0) {
      if (inHeadline && type === null) continue;
      // a lone ordinary English word ("Science", "Match") names something only when it refers back to a known name
      if (len === 1 && type === null && !tokens[c.first]!.allCaps && isEnglishWord(lower) && !PROPER_WORDS.has(lower) && !personTokens.has(lower) && !theBefore(c.first) && tokens[c.last]?.kind !== 'poss') continue;
      if (type === null) type = guessSingle(c, tokens, personTokens);
      if (type === null) continue;
      const canonical = x.canonical ?? surface;
      ent = entities.length;
      entities.push({
        type,
        canonical,
        nameTokens: canonical.toLowerCase().split(/\s+/),
        aliases: [],
        count: 0,
        lastToken: -1,
        roles: new Set(),
        fixedCanonical: x.canonical !== null,
      });
      byKey.set(canonical.toLowerCase(), ent);
      byKey.set(lower, ent);
      indexEntity(ent);
      if (type === 'ORG') coreKey.set(corporateCore(lower), ent);
    }
    // the fuller form of a company's name becomes canonical
    if (en0(ent).type === 'ORG' && !en0(ent).fixedCanonical && len > en0(ent).nameTokens.length && corporateCore(lower) === corporateCore(en0(ent).canonical.toLowerCase())) {
      en0(ent).canonical = surface;
      en0(ent).nameTokens = lower.split(/\s+/);
    }
    const en = entities[ent]!;
    if (len > en.nameTokens.length && en.type === 'PERSON' && !en.fixedCanonical) {
      en.canonical = surface;
      en.nameTokens = tokens.slice(c.first, c.last).map((t) => t.lower);
      byKey.set(lower, ent);
      indexEntity(ent);
    }
    if (en.aliases.length < 50 && !en.aliases.includes(surface)) en.aliases.push(surface);
    en.count++;
    if (c.first > en.lastToken) en.lastToken = c.first;
    for (const r of c.roles) en.roles.add(r);
    mentions.push({ start: tokens[c.first]!.start, end: tokens[c.last - 1]!.end, first: c.first, last: c.last, entity: ent, kind: 'name', type: en.type });
  }

  // roles from the words before a person's name ("North Korean leader Kim Jong Un") and
  // appositions after it ("Putin, the Russian president,")
  for (const m of mentions) {
    const en = entities[m.entity]!;
    if (en.type !== 'PERSON') continue;
    collectRoles(tokens, m, en.roles);
  }

  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  const mentionAt = new Int32Array(n).fill(-1);
  const mentionCover = new Int32Array(n).fill(-1);
  const fill = (): void => {
    mentionAt.fill(-1);
    mentionCover.fill(-1);
    mentions.forEach((m, idx) => {
      if (mentionAt[m.first] === -1) mentionAt[m.first] = idx;
      for (let k = m.first; k < m.last; k++) if (mentionCover[k] === -1) mentionCover[k] = idx;
    });
  };
  fill();

  // ---- nominal and pronoun mentions: one sweep in text order ----
  const extra: Mention[] = [];
  const lastSeen = new Int32Array(entities.length).fill(-1);
  const roleIndex = new Map<string, number[]>();
  entities.forEach((en, e) => {
    if (en.type !== 'PERSON') return;
    for (const r of en.roles) {
      const l = roleIndex.get(r);
      if (l) l.push(e);
      else roleIndex.set(r, [e]);
    }
  });
  const orgByHead = new Map<string, number[]>();
  entities.forEach((en, e) => {
    if (en.type !== 'ORG') return;
    const all = orgByHead.get('*');
    if (all) all.push(e);
    else orgByHead.set('*', [e]);
    for (const w of en.nameTokens) {
      if (!ORG_ROLE_NOUNS.has(w)) continue;
      const l = orgByHead.get(w);
      if (l) l.push(e);
      else orgByHead.set(w, [e]);
    }
  });
  /** person mentions of each sentence in order (the first is its likely subject), a few at most */
  const persons: ({ e: number; tok: number }[] | undefined)[] = new Array(sentences.length);
  const addPerson = (si: number, e: number, tok: number): void => {
    if (si < 0) return;
    let l = persons[si];
    if (!l) l = persons[si] = [];
    if (l.length >= 8) return;
    let k = l.length;
    while (k > 0 && l[k - 1]!.tok > tok) k--;
    l.splice(k, 0, { e, tok });
  };
  for (const m of mentions) if (m.type === 'PERSON') addPerson(tokens[m.first]!.sentence, m.entity, m.first);
  const gender = entities.map((en) => (en.type === 'PERSON' ? personGender(en) : null));
  const fits = (e: number, g: 'm' | 'f' | null): boolean => g === null || gender[e] === null || gender[e] === g;
  let mp = 0;
  const latest = (pool: number[] | undefined): number => {
    if (!pool) return -1;
    let best = -1;
    let pos = -1;
    for (let x = Math.max(0, pool.length - 200); x < pool.length; x++) {
      const e = pool[x]!;
      if (lastSeen[e]! > pos) {
        pos = lastSeen[e]!;
        best = e;
      }
    }
    return best;
  };
  for (const s of sentences) {
    for (let i = s.first; i < s.last; i++) {
      while (mp < mentions.length && mentions[mp]!.first <= i) {
        const m = mentions[mp]!;
        lastSeen[m.entity] = m.first;
        mp++;
      }
      if (mentionCover[i] !== -1) continue;
      const t = tokens[i]!;
      if (t.kind !== 'word') continue;
      // a role right before a name, set off by a comma: "as Russian president, Putin ..."
      if (mentionCover[i] === -1) {
        let r = i;
        if (t.cap && demonymCountry(t.lower) && tokens[i + 1]?.kind === 'word' && !tokens[i + 1]!.cap) r = i + 1;
        const role = tokens[r]!;
        const comma = tokens[r + 1];
        const after = r + 2 < n ? mentionAt[r + 2]! : -1;
        if (role.kind === 'word' && !role.cap && PERSON_ROLE_NOUNS.has(role.lower) && comma?.text === ',' && after >= 0 && mentions[after]!.type === 'PERSON' && mentions[after]!.kind === 'name') {
          extra.push({ start: t.start, end: role.end, first: i, last: r + 1, entity: mentions[after]!.entity, kind: 'nominal', type: 'PERSON' });
          i = r;
          continue;
        }
      }
      // headlines drop articles: "Mayor says ..." is "the mayor"
      if (t.cap && input.headlineBlocks.has(s.block) && PERSON_ROLE_NOUNS.has(t.lower) && !(mentionCover[i + 1] !== undefined && mentionCover[i + 1] !== -1)) {
        const pool = roleIndex.get(t.lower);
        // the headline comes before the body that names the person: the first one with the role
        const e = latest(pool) >= 0 ? latest(pool) : (pool?.[0] ?? -1);
        if (e >= 0) {
          extra.push({ start: t.start, end: t.end, first: i, last: i + 1, entity: e, kind: 'nominal', type: 'PERSON' });
          addPerson(t.sentence, e, i);
          continue;
        }
      }
      if (t.lower === 'the') {
        const nm = matchNominal(tokens, i, s.last, mentionCover, roleIndex, orgByHead, latest, (e) => lastSeen[e]!);
        if (nm) {
          extra.push(nm);
          lastSeen[nm.entity] = i;
          if (nm.type === 'PERSON') addPerson(tokens[i]!.sentence, nm.entity, i);
          i = nm.last - 1;
        }
        continue;
      }
      if (PERSON_PRONOUNS.has(t.lower)) {
        let e = -1;
        const g = PRONOUN_GENDER[t.lower] ?? null;
        const si = t.sentence;
        // same sentence: the first fitting person before the pronoun; else the subject of an earlier sentence
        for (const p of persons[si] ?? []) {
          if (p.tok >= i) break;
          if (fits(p.e, g)) {
            e = p.e;
            break;
          }
        }
        for (let k = si - 1; e < 0 && k >= 0 && k >= si - 4; k--) {
          if (s.block - sentences[k]!.block > 2) break;
          for (const p of persons[k] ?? []) {
            if (fits(p.e, g)) {
              e = p.e;
              break;
            }
          }
        }
        if (e >= 0) {
          extra.push({ start: t.start, end: t.end, first: i, last: i + 1, entity: e, kind: 'pronoun', type: 'PERSON' });
          // "Chris Lee said he ...": the pronoun tells the gender of a person whose name did not
          if (g !== null && gender[e] === null && SUBJECT_PRONOUNS.has(t.lower)) gender[e] = g;
        }
      }
    }
  }
  for (const m of extra) {
    mentions.push(m);
    entities[m.entity]!.count++;
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  fill();
  return { entities, mentions, mentionAt, mentionCover };

  /** "the Guardian", "the Channel": a capitalised ordinary word after a lower-case "the" is a name. */
  function theBefore(i: number): boolean {
    const p = tokens[i - 1];
    return !!p && p.lower === 'the' && !p.cap && p.sentence === tokens[i]!.sentence;
  }

  /** Links every part of a hyphenated token when each part is a known name; false when one is not. */
  function hyphenParts(c: Candidate): boolean {
    const tok = tokens[c.first]!;
    const parts: { text: string; start: number; end: number }[] = [];
    let off = 0;
    for (const p of tok.text.split('-')) {
      if (p) parts.push({ text: p, start: tok.start + off, end: tok.start + off + p.length });
      off += p.length + 1;
    }
    if (parts.length < 2 || !parts.every((p) => /^\p{Lu}/u.test(p.text))) return false;
    const resolved: number[] = [];
    for (const p of parts) {
      const l = p.text.toLowerCase();
      let e = byKey.get(l) ?? -1;
      if (e < 0) {
        const pl = lookupPlace(p.text);
        if (pl) e = byKey.get(pl.canonical.toLowerCase()) ?? newEntity('LOC', pl.canonical, true, p.text);
      }
      if (e < 0) {
        const pool = personIndex.get(l);
        if (pool && pool.length) e = findPersonByPart(entities, pool, [{ ...tok, text: p.text, lower: l }], { first: 0, last: 1, roles: [], forcedType: null, personCue: false });
      }
      if (e < 0) return false;
      resolved.push(e);
    }
    parts.forEach((p, k) => {
      const en = entities[resolved[k]!]!;
      en.count++;
      if (c.first > en.lastToken) en.lastToken = c.first;
      mentions.push({ start: p.start, end: p.end, first: c.first, last: c.last, entity: resolved[k]!, kind: 'name', type: en.type });
    });
    return true;
  }

  function newEntity(type: EntityType, canonical: string, fixed: boolean, surface: string): number {
    const e = entities.length;
    entities.push({ type, canonical, nameTokens: canonical.toLowerCase().split(/\s+/), aliases: [surface], count: 0, lastToken: -1, roles: new Set(), fixedCanonical: fixed });
    byKey.set(canonical.toLowerCase(), e);
    byKey.set(surface.toLowerCase(), e);
    indexEntity(e);
    return e;
  }

  // ---- helpers closing over tokens ----
  function classify(c: Candidate): { type: EntityType | null; canonical: string | null; place: boolean } {
    const surface = textOf(c.first, c.last);
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
}

const SUBJECT_PRONOUNS = new Set(['he', 'she']);
const PRONOUN_GENDER: Record<string, 'm' | 'f'> = { he: 'm', him: 'm', his: 'm', himself: 'm', she: 'f', her: 'f', hers: 'f', herself: 'f' };
const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'emperor', 'sultan', 'sheikh', 'pope', 'congressman', 'chairman', 'spokesman', 'businessman', 'duke']);
const FEMALE_TITLES = new Set(['ms', 'mrs', 'miss', 'dame', 'lady', 'queen', 'princess', 'empress', 'congresswoman', 'chairwoman', 'spokeswoman', 'businesswoman', 'duchess', 'actress', 'sister']);

/** Gender from titles seen with the name, then from the given name; null when unknown. */
function personGender(en: Entity): 'm' | 'f' | null {
  for (const r of en.roles) {
    if (MALE_TITLES.has(r)) return 'm';
    if (FEMALE_TITLES.has(r)) return 'f';
  }
  if (en.nameTokens.length < 2) return null;
  return genderOfGivenName(en.nameTokens[0]!);
}

/** True when tokens a..k-1 may stand before a title: places, nationalities, abbreviations. */
function titleMayFollow(tokens: Token[], a: number, k: number): boolean {
  const pre = textOfTokens(tokens, a, k);
  if (lookupPlace(pre) || demonymCountry(pre)) return true;
  for (let x = a; x < k; x++) {
    const t = tokens[x]!;
    if (!(t.allCaps || PERSON_TITLES.has(t.lower) || demonymCountry(t.lower) || lookupPlace(t.text) || t.lower === 'of' || t.lower === 'the')) return false;
  }
  return true;
}

const CORPORATE_SUFFIXES = new Set(['inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'ltd', 'ltd.', 'limited', 'plc', 'llc', 'ag', 'sa', 'gmbh', 'nv', 'bv', 'group', 'holdings', '&']);

/** A company's name without its legal-form words: "acme corp." -> "acme". */
function corporateCore(lower: string): string {
  const w = lower.split(' ');
  while (w.length > 1 && CORPORATE_SUFFIXES.has(w[w.length - 1]!)) w.pop();
  return w.join(' ');
}

function textOfTokens(tokens: Token[], a: number, b: number): string {
  let s = '';
  for (let k = a; k < b; k++) s += (k > a ? ' ' : '') + tokens[k]!.text;
  return s;
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

function runHasOrgHead(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ORG_HEADS_OF.has(tokens[k]!.lower) && !PERSON_TITLES.has(tokens[k]!.lower)) return true;
  return false;
}

function runHasOrgSuffix(tokens: Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (ORG_SUFFIXES.has(tokens[k]!.lower)) return true;
  return false;
}

/** A single capitalised word that is not a name: a title alone, a people or language, a common abbreviation, an English word opening a sentence. */
function skipSingle(t: Token, initial: boolean, lowerSeen: Set<string>, capMid: Set<string>, runInitials: Set<string>): boolean {
  const l = t.lower.replace(/\.$/, '');
  if (PERSON_TITLES.has(l) || PERSON_TITLES.has(t.lower)) return true;
  if (NON_ENTITY_CAPITALISED.has(l)) return true;
  if (demonymCountry(l) || (l.endsWith('s') && demonymCountry(l.slice(0, -1)))) return !lookupPlace(l);
  // a party and state after a politician's name: "D-N.Y.", "R-Ky."
  if (/^[dri]-\p{L}/u.test(l) && /^[DRI]-\p{Lu}/u.test(t.text)) return true;
  // a word in capitals for emphasis ("UNLESS", "NOT") is not an abbreviation, unless its expansion is here
  if (t.allCaps && ((l.length >= 5 && isEnglishWord(l)) || COMMON_WORDS.has(l)) && !lookupPlace(l) && !runInitials.has(l.replace(/\./g, ''))) return true;
  if (t.allCaps && !NON_ENTITY_ACRONYMS.has(l) && !/^[ivx]+$/.test(l)) return false;
  if (t.allCaps && (NON_ENTITY_ACRONYMS.has(l) || /^[ivx]+$/.test(l))) return true;
  if (l.indexOf('.') > 0 && /^[\p{L}\p{N}-]+\.(?:com|org|net|gov|edu|co|io|uk)$/u.test(l)) return true;
  if (lookupPlace(l)) return false;
  if (initial && isEnglishWord(l) && !capMid.has(l) && !isGivenName(l)) return true;
  if (FIRST_NAMES.has(l)) return false;
  if (lowerSeen.has(l) && !capMid.has(l)) return true;
  return false;
}

function isCommonCap(t: Token, lowerSeen: Set<string>): boolean {
  const l = t.lower;
  if (t.allCaps && t.text.length <= 6) return false;
  if (COMMON_WORDS.has(l)) return true;
  if (lowerSeen.has(l)) return true;
  if (SPEECH_VERBS.has(l)) return true;
  if (demonymCountry(l) && !lookupPlace(l)) return true;
  return false;
}

/** Splits a run of capitalised tokens into candidates at titles and nationality words. */
function splitRun(tokens: Token[], a: number, b: number, out: Candidate[]): void {
  // leading nationality / country words followed by a title: "US President Barack Obama", "Chinese President Xi"
  // "X and Y" joined only inside an organisation's name that starts with its head word or ends
  // with its organisation word ("Disaster and Emergency Management Authority")
  const andInside = (): boolean => {
    if (!ORG_SUFFIXES.has(tokens[b - 1]!.lower)) return false;
    for (let k = a; k < b - 1; k++) if (tokens[k]!.lower === 'and') return !runHasOrgSuffix(tokens, a, k);
    return false;
  };
  if (!(ORG_HEADS_OF.has(tokens[a]!.lower) && !PERSON_TITLES.has(tokens[a]!.lower)) && !andInside()) {
    for (let k = a + 1; k < b - 1; k++) {
      if (tokens[k]!.lower === 'and') {
        splitRun(tokens, a, k, out);
        splitRun(tokens, k + 1, b, out);
        return;
      }
    }
  }
  // laws, events and awards ("Clean Air Act", "World Cup", "Nobel Prize") are not entities of these
  // types; a place or organisation inside them still is ("Berlin Marathon" -> Berlin)
  if (b - a >= 2 && NON_ENTITY_NAME_ENDINGS.has(tokens[b - 1]!.lower) && !ORG_HEADS_OF.has(tokens[a]!.lower)) {
    // the organiser's name at the front stays: "FIFA World Cup" -> FIFA, "Google Science Fair" -> Google
    let p = a;
    while (p < b - 1) {
      const t = tokens[p]!;
      if (t.allCaps || PROPER_WORDS.has(t.lower) || !isEnglishWord(t.lower) || lookupPlace(t.text)) p++;
      else break;
    }
    if (p > a) splitRun(tokens, a, p, out);
    else nestPlaces(tokens, a, b, out);
    return;
  }
  // a trailing role word is not part of the name: "the Los Angeles Sheriff"
  while (b - a >= 2 && PERSON_ROLE_NOUNS.has(tokens[b - 1]!.lower) && tokens[b - 2]!.lower !== 'of' && !isGivenName(tokens[a]!.lower)) b--;
  // a currency code: "US$ 20", "HK$"
  if (b - a === 1 && /^[$€£¥]/.test(tokens[b]?.text ?? '') && tokens[b]!.start === tokens[a]!.end) return;
  let i = a;
  const roles: string[] = [];
  // words before the run that are lower-case roles: "leader Kim", "professor Smith"
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
  for (let k = a; k < b - 1; k++) {
    const t = tokens[k]!;
    // a title opens the run or follows a place or nationality ("US President", "Chinese Premier"), or
    // another title; inside a name it is a name ("Martin Luther King Jr.")
    if (titleStart < 0 && k > a && !titleMayFollow(tokens, a, k)) break;
    if (PERSON_TITLES.has(t.lower) && !(orgLike && !HONORIFICS.has(t.lower) && tokens[k + 1]?.lower !== 'of')) {
      if (titleStart < 0) titleStart = k;
      titleEnd = k + 1;
      // "Director of the National Museum", "Minister of Education Ana Ruiz": what follows "of" is
      // an organisation, maybe followed by the person's name
      if (tokens[k + 1]?.lower === 'of' && k + 2 < b) {
        let o = k + 2;
        if (tokens[o]?.lower === 'the') o++;
        if (o < b) {
          if (titleStart > a) {
            const preText = tokens.slice(a, titleStart).map((t) => t.text).join(' ');
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
    if (titleStart > a) {
      const pre = tokens.slice(a, titleStart);
      const preText = pre.map((t) => t.text).join(' ');
      const dem = demonymCountry(preText);
      if (dem) roles.push(preText.toLowerCase());
      else if (lookupPlace(preText) || (pre.length === 1 && pre[0]!.allCaps)) out.push({ first: a, last: titleStart, roles: [], forcedType: null, personCue: false });
    }
    const titleWords = tokens.slice(titleStart, titleEnd).map((t) => t.lower.replace(/\.$/, ''));
    roles.push(titleWords.join(' '));
    roles.push(titleWords[titleWords.length - 1]!);
    i = titleEnd;
    out.push({ first: i, last: b, roles, forcedType: null, personCue: true });
    return;
  }
  // an organisation's or place's name followed by a person's: "the Refugee Council Enver Solomon",
  // "Ambassador to the United States Hamdullah Mohib"
  if (b - a >= 3) {
    for (let k = Math.max(a + 1, b - 3); k <= b - 2; k++) {
      const pv = tokens[k - 1]!;
      const head = tokens[k]!;
      const placeEnds = !!lookupPlace(tokens.slice(Math.max(a, k - 2), k).map((t) => t.text).join(' ')) || !!lookupPlace(tokens.slice(Math.max(a, k - 3), k).map((t) => t.text).join(' '));
      const prefixIsName = placeEnds || (k - a >= 2 && (ORG_SUFFIXES.has(pv.lower) || LOC_SUFFIXES.has(pv.lower))) || (k - a >= 2 && pv.allCaps) || !!lookupPlace(pv.text) || (isEnglishWord(pv.lower) && !isNameLike(pv.lower));
      let tailOk = isGivenName(head.lower) || !isEnglishWord(head.lower);
      for (let m = k; m < b && tailOk; m++) if (!isNameLike(tokens[m]!.lower) && !(m === k && isGivenName(head.lower))) tailOk = false;
      if (prefixIsName && tailOk && !lookupPlace(head.text)) {
        splitRun(tokens, a, k, out);
        splitRun(tokens, k, b, out);
        return;
      }
    }
  }
  // a trailing ordinary word after a person's name ("Ana Ruiz Image")
  if (b - a >= 3) {
    const lt = tokens[b - 1]!;
    if (lt.text.length >= 4 && isEnglishWord(lt.lower) && !PROPER_WORDS.has(lt.lower) && !ORG_SUFFIXES.has(lt.lower) && !LOC_SUFFIXES.has(lt.lower) && isGivenName(tokens[a]!.lower) && looksLikePerson(tokens, a, b - 1)) {
      b--;
    }
  }
  // leading nationality word: "Russian Vladimir Putin" is rare; "North Korean" alone is not an entity
  const whole = tokens.slice(a, b).map((t) => t.text).join(' ');
  if (demonymCountry(whole) && !lookupPlace(whole)) return;
  if (b - a >= 2) {
    const firstDem = demonymCountry(tokens[a]!.text);
    if (firstDem && !lookupPlace(tokens[a]!.text) && !ORG_SUFFIXES.has(lastLower) && looksLikePerson(tokens, a + 1, b)) {
      i = a + 1;
      roles.push(tokens[a]!.lower);
    }
  }
  out.push({ first: i, last: b, roles, forcedType: null, personCue: roleBefore && b - i <= 3 && !ORG_SUFFIXES.has(lastLower) && !lookupPlace(tokens.slice(i, b).map((t) => t.text).join(' ')) });
  nestFacilityPrefix(tokens, i, b, out);
  // a place nested in an organisation's name ("University of Texas" -> Texas)
  nestPlaces(tokens, i, b, out);
}

/** Places inside a longer name: "University of Texas" -> Texas, "Berlin Marathon" -> Berlin. */
function nestPlaces(tokens: Token[], i: number, b: number, out: Candidate[]): void {
  const lastLower = tokens[b - 1]!.lower;
  if (b - i >= 2 && !ADMIN_SUFFIXES.has(lastLower) && !lookupPlace(tokens.slice(i, b).map((t) => t.text).join(' '))) {
    for (let k = i; k < b; k++) {
      if (!tokens[k]!.cap) continue;
      for (let m = Math.min(b, k + Math.min(4, MAX_PLACE_TOKENS)); m > k; m--) {
        if (k === i && m === b) continue;
        let sub = tokens[k]!.text;
        for (let x = k + 1; x < m; x++) sub += ' ' + tokens[x]!.text;
        const pl = lookupPlace(sub);
        if (pl && !(FIRST_NAMES.has(tokens[i]!.lower) && b - i <= 3 && !ORG_SUFFIXES.has(lastLower) && !LOC_SUFFIXES.has(lastLower))) {
          out.push({ first: k, last: m, roles: [], forcedType: 'LOC', personCue: false, nested: true });
          k = m - 1;
          break;
        }
      }
    }
  }
}

/** A facility named after a name: "Fisht Stadium" holds "Fisht", "NTU Hospital Station" holds "NTU Hospital". */
function nestFacilityPrefix(tokens: Token[], i: number, b: number, out: Candidate[]): void {
  const lastLower = tokens[b - 1]!.lower;
  if (b - i < 2 || !LOC_SUFFIXES.has(lastLower) || ADMIN_SUFFIXES.has(lastLower)) return;
  let preText = '';
  for (let k = i; k < b - 1; k++) {
    const t = tokens[k]!;
    if (!t.cap) return;
    const ok = t.allCaps || !isEnglishWord(t.lower) || !!lookupPlace(t.text) || (k > i && (LOC_SUFFIXES.has(t.lower) || isNameLike(t.lower)));
    if (!ok) return;
    preText += (k > i ? ' ' : '') + t.text;
  }
  if (lookupPlace(preText)) return; // already nested as a place
  splitRun(tokens, i, b - 1, out);
}

function looksLikePerson(tokens: Token[], a: number, b: number): boolean {
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

function initials(words: string[]): string {
  let s = '';
  for (const w of words) {
    if (w === 'of' || w === 'the' || w === 'and' || w === 'for' || w === '&' || w === 'on') continue;
    const parts = w.split('-');
    for (const p of parts) if (p) s += p[0];
  }
  return s;
}

function findPersonByPart(entities: Entity[], pool: number[], tokens: Token[], c: Candidate): number {
  const words = tokens.slice(c.first, c.last).map((t) => t.lower);
  let best = -1;
  let bestScore = -1;
  for (let x = Math.max(0, pool.length - 200); x < pool.length; x++) {
    const e = pool[x]!;
    const en = entities[e]!;
    if (en.type !== 'PERSON' || en.nameTokens.length <= words.length) continue;
    const nt = en.nameTokens;
    let score = -1;
    const lastMatch = words.every((w, k) => nt[nt.length - words.length + k] === w);
    const firstMatch = words.every((w, k) => nt[k] === w);
    if (lastMatch) score = 2;
    else if (firstMatch) score = 1;
    if (score < 0) continue;
    const total = score * 1000 + en.count * 10 + en.lastToken / 1e6;
    if (total > bestScore) {
      bestScore = total;
      best = e;
    }
  }
  return best;
}

function guessSingle(c: Candidate, tokens: Token[], personTokens: Map<string, number>): EntityType | null {
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

function collectRoles(tokens: Token[], m: Mention, roles: Set<string>): void {
  // up to three words before: lower-case role nouns and nationality words
  let k = m.first - 1;
  const words: string[] = [];
  while (k >= 0 && words.length < 3) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.block !== tokens[m.first]!.block) break;
    if (!t.cap && PERSON_ROLE_NOUNS.has(t.lower)) words.unshift(t.lower);
    else if (t.cap && (demonymCountry(t.lower) || demonymCountry(`${tokens[k - 1]?.lower ?? ''} ${t.lower}`))) words.unshift(t.lower);
    else if (t.cap && PERSON_TITLES.has(t.lower)) words.unshift(t.lower);
    else break;
    k--;
  }
  if (words.length) {
    const nouns = words.filter((w) => PERSON_ROLE_NOUNS.has(w) || PERSON_TITLES.has(w));
    for (const w of nouns) roles.add(w);
    const prefix = tokens[k]?.cap && demonymCountry(`${tokens[k]!.lower} ${words[0]}`) ? `${tokens[k]!.lower} ` : '';
    roles.add(prefix + words.join(' '));
  }
  // apposition after: "X, the Russian president," / "X, a professor at"
  const a = tokens[m.last];
  if (a && a.text === ',') {
    let j = m.last + 1;
    const det = tokens[j];
    if (det && (det.lower === 'the' || det.lower === 'a' || det.lower === 'an')) {
      j++;
      const ws: string[] = [];
      while (j < tokens.length && ws.length < 4 && tokens[j]!.kind === 'word') {
        const t = tokens[j]!;
        ws.push(t.lower);
        if (PERSON_ROLE_NOUNS.has(t.lower)) {
          roles.add(t.lower);
          roles.add(ws.join(' '));
          break;
        }
        j++;
      }
    }
  }
  // role right before with a comma: "as Russian president, Putin"
  const b = tokens[m.first - 1];
  if (b && b.text === ',') {
    const r = tokens[m.first - 2];
    if (r && r.kind === 'word' && !r.cap && PERSON_ROLE_NOUNS.has(r.lower)) {
      roles.add(r.lower);
      const q = tokens[m.first - 3];
      if (q && q.cap && demonymCountry(q.lower)) roles.add(`${q.lower} ${r.lower}`);
    }
  }
}

/** "the North Korean leader", "the agency": a nominal mention of a named entity. */
function matchNominal(
  tokens: Token[],
  i: number,
  end: number,
  cover: Int32Array,
  roleIndex: Map<string, number[]>,
  orgByHead: Map<string, number[]>,
  latest: (pool: number[] | undefined) => number,
  lastSeenPos: (e: number) => number,
): Mention | null {
  const det = tokens[i]!;
  let j = i + 1;
  const mods: string[] = [];
  while (j < end && mods.length < 3) {
    const t = tokens[j]!;
    if (t.kind !== 'word') return null;
    if (t.cap && cover[j] === -1) {
      mods.push(t.lower);
      j++;
      continue;
    }
    break;
  }
  const head = tokens[j];
  if (!head || j >= end || head.kind !== 'word' || head.cap) return null;
  const nextT = tokens[j + 1];
  // "the leader of the opposition" names someone else
  if (nextT && nextT.kind === 'word' && nextT.lower === 'of') return null;
  const modText = mods.join(' ');
  if (PERSON_ROLE_NOUNS.has(head.lower)) {
    const best = modText ? latest(roleIndex.get(`${modText} ${head.lower}`)) : latest(roleIndex.get(head.lower));
    if (best < 0) return null;
    return { start: det.start, end: head.end, first: i, last: j + 1, entity: best, kind: 'nominal', type: 'PERSON' };
  }
  if (ORG_ROLE_NOUNS.has(head.lower) && mods.length === 0) {
    let best = latest(orgByHead.get(head.lower));
    // "the company", "the firm": the organisation mentioned last, when it is close
    if (best < 0 && GENERIC_ORG_NOUNS.has(head.lower)) {
      const e = latest(orgByHead.get('*'));
      if (e >= 0 && i - lastSeenPos(e) <= 80) best = e;
    }
    if (best < 0) return null;
    return { start: det.start, end: head.end, first: i, last: j + 1, entity: best, kind: 'nominal', type: 'ORG' };
  }
  return null;
}

// Stage 5: candidates become mentions of entities, linked within the article: the same name or
// alias, a company with and without its legal form, a surname or given name to the person in
// focus, an acronym to its expansion (either way round), an abbreviation in brackets to the name
// before it, a single word that ends an organisation's name. The body is linked first and the
// headline last, because a headline's short forms refer to the body's names.

import { COMMON_WORDS } from '../data/common.js';
import { GROUP_WORDS, POST_NOMINALS } from '../data/entity-kinds.js';
import { demonymCountry, FIRST_NAMES, isEnglishWord, isGivenName, isNameLike, lookupPlace, PROPER_WORDS } from '../gazetteer.js';
import type { Token } from '../tokens.js';
import type { EntityType } from '../types.js';
import { type Classified, classifyCandidate, guessSingle } from './classify.js';
import type { Candidate, Entity, Mention } from './model.js';
import { typeProductLines } from './product-lines.js';
import { surfaceOfTokens } from './model.js';

/** How many recent entities a search looks back over: keeps linking linear on huge texts. */
const LOOKBACK = 200;
/** Aliases kept per entity: bounded so that a huge text cannot grow one entity without limit. */
const MAX_ALIASES = 50;

const CORPORATE_SUFFIXES = new Set(['inc', 'inc.', 'corp', 'corp.', 'corporation', 'co', 'co.', 'ltd', 'ltd.', 'limited', 'plc', 'llc', 'ag', 'sa', 'gmbh', 'nv', 'bv', 'group', 'holdings', '&']);

/**
 * A company's name without its legal-form words: "acme corp." -> "acme". (The words are cut from
 * the end by position rather than by splitting and joining: this runs for every name linked.)
 */
export function corporateCore(lower: string): string {
  let end = lower.length;
  for (;;) {
    let sp = end - 1;
    while (sp >= 0 && lower.charCodeAt(sp) !== 32) sp--;
    // one word left, or a last word that is no legal form
    if (sp < 0 || !CORPORATE_SUFFIXES.has(lower.slice(sp + 1, end))) break;
    end = sp;
  }
  return end === lower.length ? lower : lower.slice(0, end);
}

/** Initials of a name's words, function words left out: "world health organization" -> "who". */
export function initials(words: string[]): string {
  let s = '';
  for (const w of words) {
    if (w === 'of' || w === 'the' || w === 'and' || w === 'for' || w === '&' || w === 'on') continue;
    // the first character of each part between hyphens (without splitting the word)
    for (let i = 0; i < w.length; i++) if (w.charCodeAt(i) !== 45 && (i === 0 || w.charCodeAt(i - 1) === 45)) s += w[i];
  }
  return s;
}

export interface Linked {
  entities: Entity[];
  mentions: Mention[];
}

/** `caseless`: per sentence, 1 where capitals say nothing (headlines, Title Case and ALL-CAPS lines). */
export function linkCandidates(tokens: Token[], cands: Candidate[], caseless: Uint8Array): Linked {
  return new Linker(tokens, caseless).run(cands);
}

class Linker {
  readonly entities: Entity[] = [];
  readonly mentions: Mention[] = [];
  private readonly byKey = new Map<string, number>();
  /** organisation names without corporate suffixes ("acme" for "Acme Corp.") -> entity */
  private readonly coreKey = new Map<string, number>();
  /** name token -> person entities whose name holds it */
  private readonly personIndex = new Map<string, number[]>();
  /** initials of multi-word organisation/place names -> entity */
  private readonly byInitials = new Map<string, number>();

  constructor(
    private readonly tokens: Token[],
    private readonly caseless: Uint8Array,
  ) {}

  run(cands: Candidate[]): Linked {
    const { tokens } = this;
    // First pass: decide types of multi-token and strongly cued names, so that single tokens can
    // be linked to them afterwards (a surname may come before the full name only in the headline).
    const typed: ({ c: Candidate } & Classified)[] = cands.map((c) => ({ c, ...classifyCandidate(tokens, c) }));
    typeProductLines(tokens, typed);
    const personTokens = new Map<string, number>(); // token -> count of multi-token persons containing it
    for (const x of typed) {
      if (x.type === 'PERSON' && x.c.last - x.c.first >= 2) {
        for (let k = x.c.first; k < x.c.last; k++) {
          const l = tokens[k]!.lower;
          if (isNameLike(l) || isGivenName(l)) personTokens.set(l, (personTokens.get(l) ?? 0) + 1);
        }
      }
    }
    // caseless lines (headlines) last: their short forms refer to the body's names
    const inHeadline = (x: { c: Candidate }): number => (this.caseless[tokens[x.c.first]!.sentence]! > 0 ? 1 : 0);
    const order = typed.map((_, k) => k);
    order.sort((a, b) => inHeadline(typed[a]!) - inHeadline(typed[b]!) || typed[a]!.c.first - typed[b]!.c.first);
    for (const k of order) this.linkOne(typed[k]!, personTokens);
    return { entities: this.entities, mentions: this.mentions };
  }

  private linkOne(x: { c: Candidate } & Classified, personTokens: Map<string, number>): void {
    const { tokens, entities, mentions, byKey } = this;
    const { c } = x;
    const surface = surfaceOfTokens(tokens, c.first, c.last);
    const lower = surface.toLowerCase();
    const len = c.last - c.first;
    const inHeadline = this.caseless[tokens[c.first]!.sentence]! > 0;
    let type = x.type;
    let ent = -1;
    /** Linked as part of a person's name: the part's own type (a place) does not count. */
    let byPart = false;
    if (type === null && x.strength === 3) return;
    // no names nested in a person's name ("Lima" in "Lima Okafor"): the longer name was linked first
    if (c.nested && this.insidePerson(c)) return;
    // 0. a hyphenated compound of names ("Franco-German", "Ruiz-Hale talks"): a mention for each known part
    if (len === 1 && c.forcedType === null && surface.includes('-') && (this.hyphenParts(c) || this.nameBeforeModifier(c))) return;
    // 1. exact name or alias already known
    // honours after a person's name and a comma ("Ana Ruiz, QC,") are no organisation
    if (len === 1 && tokens[c.first]!.allCaps && POST_NOMINALS.has(lower.replace(/\./g, '')) && tokens[c.first - 1]?.text === ',') {
      const prev = mentions[mentions.length - 1];
      if (prev && prev.last === c.first - 1 && prev.type === 'PERSON') return;
    }
    let known = byKey.get(x.canonical ? x.canonical.toLowerCase() : lower) ?? byKey.get(lower);
    // "Acme" and "Acme Corp." are one company
    if (known === undefined && type !== 'PERSON') {
      const e = this.coreKey.get(corporateCore(lower));
      if (e !== undefined && entities[e]!.type === 'ORG') known = e;
    }
    if (known !== undefined) ent = known;
    // 2. part of a person's name (surname or given name): the most salient such person. A surname
    // that is also a place ("Jordan", "Washington") is the person's unless a preposition of place
    // comes before it ("in Jordan")
    if (ent < 0 && len <= 2 && (!x.place || !locativeBefore(tokens, c.first)) && c.forcedType === null) {
      const words = tokens.slice(c.first, c.last).map((t) => t.lower);
      // a place's name that is also a given name ("Madison", "Lincoln") may be the person's given name too
      const surnameOnly = x.place && !(len === 1 && FIRST_NAMES.has(words[0]!));
      const cand = findPersonByPart(entities, this.personIndex.get(tokens[c.last - 1]!.lower) ?? this.personIndex.get(tokens[c.first]!.lower) ?? [], words, surnameOnly);
      if (cand >= 0) {
        ent = cand;
        byPart = true;
      }
    }
    if (c.refersBack && (ent < 0 || entities[ent]!.type !== 'PERSON')) return;
    // 3. acronym of a known organisation or place, or a known acronym's expansion
    if (ent < 0 && len === 1 && tokens[c.first]!.allCaps) {
      const e = this.byInitials.get(tokens[c.first]!.text.replace(/\./g, '').toLowerCase());
      if (e !== undefined) ent = e;
    }
    // 3b. an abbreviation defined in brackets right after a name: "Partido Verde Unido (PVU)"
    if (ent < 0 && len === 1 && tokens[c.first]!.allCaps && tokens[c.first - 1]?.text === '(' && tokens[c.last]?.text === ')') {
      const prevTok = c.first - 2;
      for (let m = mentions.length - 1; m >= 0 && m >= mentions.length - 5; m--) {
        const mm = mentions[m]!;
        if (mm.last - 1 === prevTok && mm.type === 'ORG') {
          ent = mm.entity;
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
            this.indexEntity(e);
          }
        }
      }
    }
    // 4. a single word that ends a known name of an organisation, facility, product, event, law or
    // work ("the Tribunal" after "the Norvale Land Tribunal", "the Act" after "the Clean Air Act")
    if (ent < 0 && len === 1 && type === null) {
      for (let e = entities.length - 1; e >= 0 && e >= entities.length - LOOKBACK; e--) {
        const en = entities[e]!;
        if (en.type !== 'PERSON' && en.type !== 'LOC' && en.type !== 'NORP' && en.nameTokens.length >= 2 && en.nameTokens[en.nameTokens.length - 1] === lower) {
          ent = e;
          break;
        }
      }
    }
    // 4b. a single word that opens a known organisation's name of its own words, used as a modifier
    // or after "the" ("the Quillmere survey" after "the Quillmere Institute for Surveys")
    if (ent < 0 && len === 1 && type === null && lower.length >= 4 && !COMMON_WORDS.has(lower) && (this.theBefore(c.first) || (tokens[c.last]?.kind === 'word' && !tokens[c.last]!.cap))) {
      for (let e = entities.length - 1; e >= 0 && e >= entities.length - LOOKBACK; e--) {
        const en = entities[e]!;
        if (en.type === 'ORG' && en.nameTokens.length >= 2 && en.nameTokens[0] === lower && !en.fixedCanonical) {
          ent = e;
          break;
        }
      }
    }
    if (ent < 0) {
      if (inHeadline && type === null) return;
      // a lone ordinary English word ("Harvest", "Ladder") names something only when it refers back to a known name
      if (len === 1 && type === null && !tokens[c.first]!.allCaps && isEnglishWord(lower) && !PROPER_WORDS.has(lower) && !personTokens.has(lower) && !this.theBefore(c.first) && tokens[c.last]?.kind !== 'poss') return;
      let strength = x.strength;
      if (type === null) {
        type = guessSingle(c, tokens, personTokens);
        strength = 1;
      }
      if (type === null) return;
      ent = this.newEntity(type, x.canonical ?? surface, x.canonical !== null, surface);
      entities[ent]!.typeStrength = strength;
      if (type === 'ORG') this.coreKey.set(corporateCore(lower), ent);
    }
    const en = entities[ent]!;
    // stronger evidence from this mention retypes the entity ("Firefox" then "the Firefox browser")
    // (a building that speaks, "the X House said", is the body in it: the organisation's type
    // replaces the facility's at the same strength)
    if (x.type !== null && (x.strength > en.typeStrength || (x.type === 'ORG' && en.type === 'FAC' && x.strength === en.typeStrength)) && !byPart) {
      if (x.type !== en.type) {
        en.type = x.type;
        if (en.type === 'PERSON') this.indexEntity(ent);
      }
      en.typeStrength = x.strength;
    }
    // the fuller form of a company's name becomes canonical
    if (en.type === 'ORG' && !en.fixedCanonical && len > en.nameTokens.length && corporateCore(lower) === corporateCore(en.canonical.toLowerCase())) {
      en.canonical = surface;
      en.nameTokens = lower.split(/\s+/);
    }
    if (len > en.nameTokens.length && en.type === 'PERSON' && !en.fixedCanonical) {
      en.canonical = surface;
      en.nameTokens = tokens.slice(c.first, c.last).map((t) => t.lower);
      byKey.set(lower, ent);
      this.indexEntity(ent);
    }
    this.addMention(ent, c, tokens[c.first]!.start, tokens[c.last - 1]!.end, surface);
  }

  private addMention(ent: number, c: Candidate, start: number, end: number, surface: string | null): void {
    const en = this.entities[ent]!;
    if (surface !== null && en.aliases.length < MAX_ALIASES && !en.aliases.includes(surface)) en.aliases.push(surface);
    en.count++;
    if (c.first > en.lastToken) en.lastToken = c.first;
    for (const r of c.roles) en.roles.add(r);
    this.mentions.push({ start, end, first: c.first, last: c.last, entity: ent, kind: 'name', type: en.type });
  }

  private newEntity(type: EntityType, canonical: string, fixed: boolean, surface: string): number {
    const e = this.entities.length;
    const lower = canonical.toLowerCase();
    this.entities.push({ type, typeStrength: 1, canonical, nameTokens: lower.split(/\s+/), aliases: [], count: 0, lastToken: -1, roles: new Set(), fixedCanonical: fixed });
    this.byKey.set(lower, e);
    this.byKey.set(surface === canonical ? lower : surface.toLowerCase(), e);
    this.indexEntity(e);
    return e;
  }

  private indexEntity(e: number): void {
    const en = this.entities[e]!;
    if (en.type === 'PERSON') {
      for (const w of en.nameTokens) {
        const l = this.personIndex.get(w);
        if (!l) this.personIndex.set(w, [e]);
        else if (!l.includes(e)) l.push(e);
      }
    } else if (en.nameTokens.length >= 2) {
      const ini = initials(en.nameTokens);
      if (ini.length >= 2) this.byInitials.set(ini, e);
    }
  }

  /** A name mention of a person that covers the candidate's tokens (among the last few mentions). */
  private insidePerson(c: Candidate): boolean {
    for (let k = this.mentions.length - 1; k >= 0 && k >= this.mentions.length - 4; k--) {
      const m = this.mentions[k]!;
      if (m.first <= c.first && m.last >= c.last && this.entities[m.entity]!.type === 'PERSON') return true;
    }
    return false;
  }

  /** "the Observer", "the Channel": a capitalised ordinary word after a lower-case "the" is a name. */
  private theBefore(i: number): boolean {
    const p = this.tokens[i - 1];
    return !!p && p.lower === 'the' && !p.cap && p.sentence === this.tokens[i]!.sentence;
  }

  /**
   * A name used as a modifier in a hyphenated word ("Ruiz-era rules", "a Ruiz-appointed judge",
   * "Acme-backed"): the mention is the name part only. A known name links; an unknown one is a
   * person's before the parts that mostly follow a leader's name (an era, an appointment), and is
   * left to the usual typing otherwise; a party or nationality ("Republican-led", "Soviet-era") is
   * no entity. False when the word is no such compound.
   */
  private nameBeforeModifier(c: Candidate): boolean {
    const tok = this.tokens[c.first]!;
    const h = tok.text.indexOf('-');
    if (h < 2) return false;
    const part = tok.text.slice(h + 1);
    const rest = part.toLowerCase();
    // the modifier part in lower case (or recased with the rest of a Title Case or ALL-CAPS line)
    if (!NAME_MODIFIER_PARTS.has(rest) || !(part === rest || this.caseless[tok.sentence]! > 0)) return false;
    const name = tok.text.slice(0, h);
    const l = name.toLowerCase();
    if (!/^\p{Lu}/u.test(name)) return false;
    if (GROUP_WORDS.has(l) || demonymCountry(l)) return true;
    let e = this.byKey.get(l) ?? -1;
    if (e < 0) {
      const pl = lookupPlace(name);
      if (pl) e = this.byKey.get(pl.canonical.toLowerCase()) ?? this.newEntity('LOC', pl.canonical, true, name);
    }
    if (e < 0) {
      const pool = this.personIndex.get(l);
      if (pool && pool.length) e = findPersonByPart(this.entities, pool, [l]);
    }
    if (e < 0) {
      if (!PERSON_MODIFIER_PARTS.has(rest) || tok.allCaps || name.includes('.')) return false;
      e = this.newEntity('PERSON', name, false, name);
    }
    this.addMention(e, { ...c, roles: [] }, tok.start, tok.start + h, name);
    return true;
  }

  /** Links every part of a hyphenated token when each part is a known name; false when one is not. */
  private hyphenParts(c: Candidate): boolean {
    const tok = this.tokens[c.first]!;
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
      let e = this.byKey.get(l) ?? -1;
      if (e < 0) {
        const pl = lookupPlace(p.text);
        if (pl) e = this.byKey.get(pl.canonical.toLowerCase()) ?? this.newEntity('LOC', pl.canonical, true, p.text);
        if (pl && !this.entities[e]!.aliases.length) this.entities[e]!.aliases.push(p.text);
      }
      if (e < 0) {
        const pool = this.personIndex.get(l);
        if (pool && pool.length) e = findPersonByPart(this.entities, pool, [l]);
      }
      if (e < 0) return false;
      resolved.push(e);
    }
    parts.forEach((p, k) => this.addMention(resolved[k]!, { ...c, roles: [] }, p.start, p.end, null));
    return true;
  }
}

/** Lower-case second parts of a hyphenated word that make its capitalised first part a modifier: "X-era", "X-backed", "X-led". */
const NAME_MODIFIER_PARTS = new Set(['era', 'backed', 'led', 'appointed', 'nominated', 'aligned', 'allied', 'controlled', 'dominated', 'endorsed', 'funded', 'linked', 'affiliated', 'owned', 'run', 'style', 'friendly', 'supported', 'sponsored', 'brokered', 'inspired', 'leaning', 'connected', 'picked', 'appointee', 'appointees']);
/** Of those, the parts that mostly follow a leader's name: an era, an appointment ("X-era rules", "an X-appointed judge"). */
const PERSON_MODIFIER_PARTS = new Set(['era', 'appointed', 'nominated', 'picked', 'appointee', 'appointees']);

const LOCATIVE_BEFORE = new Set(['in', 'to', 'from', 'into', 'near', 'across', 'throughout', 'visit', 'visited', 'visiting', 'of', 'at', 'toward', 'towards', 'outside', 'inside', 'via']);

/** A preposition of place (or "visit") right before token i: "in Jordan", "visited Washington". */
function locativeBefore(tokens: Token[], i: number): boolean {
  const p = tokens[i - 1];
  return !!p && p.kind === 'word' && LOCATIVE_BEFORE.has(p.lower);
}

/**
 * The person whose name ends (better) or starts with `words`, most mentioned and most recent first.
 * For a word that is also a place, only a surname counts.
 */
function findPersonByPart(entities: Entity[], pool: number[], words: string[], surnameOnly = false): number {
  let best = -1;
  let bestScore = -1;
  for (let x = Math.max(0, pool.length - LOOKBACK); x < pool.length; x++) {
    const e = pool[x]!;
    const en = entities[e]!;
    if (en.type !== 'PERSON' || en.nameTokens.length <= words.length) continue;
    const nt = en.nameTokens;
    let score = -1;
    if (words.every((w, k) => nt[nt.length - words.length + k] === w)) score = 2;
    else if (!surnameOnly && words.every((w, k) => nt[k] === w)) score = 1;
    if (score < 0) continue;
    const total = score * 1000 + en.count * 10 + en.lastToken / 1e6;
    if (total > bestScore) {
      bestScore = total;
      best = e;
    }
  }
  return best;
}

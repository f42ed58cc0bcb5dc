// Stage 7: nominal and pronoun mentions, in one sweep in text order so that "latest" means the
// entity seen last before the word. Role phrases and "the agency" go through nominals.ts; a role
// set off by a comma before a name ("as Peruvian president, Ruiz") refers to that name; a
// headline's bare role word ("Mayor says") to the person with that role; he/she/him/her... to the
// first fitting person of the sentence before the pronoun, else to the subject of one of the few
// sentences before (pronouns.ts).

import { ORG_ROLE_NOUNS, PERSON_PRONOUNS, PERSON_ROLE_NOUNS } from '../data/titles.js';
import { nameGender } from '../gender.js';
import { demonymCountry } from '../gazetteer.js';
import type { Sentence, Token } from '../tokens.js';
import type { Entity, Mention } from './model.js';
import { matchNominal, type NominalContext } from './nominals.js';
import { PersonsBySentence, PRONOUN_GENDER, resolvePronoun } from './pronouns.js';

/**
 * Nouns for people that are no role to refer back to ("the resident" may be anyone), but that a
 * name set off by a comma right after names: "said one resident, Ana Ruiz", "one, Ana Ruiz".
 */
const APPOSITION_PERSON_NOUNS = new Set([
  'one', 'another', 'resident', 'residents', 'witness', 'neighbour', 'neighbor', 'survivor', 'voter', 'parent', 'mother', 'father',
  'worker', 'nurse', 'doctor', 'farmer', 'owner', 'shopkeeper', 'victim', 'passenger', 'fan', 'driver', 'teacher', 'officer',
]);

/** How many of a role's or head word's entities are searched for the latest one. */
const POOL_LOOKBACK = 200;

export interface ReferenceInput {
  tokens: Token[];
  sentences: Sentence[];
  headlineBlocks: Set<number>;
  entities: Entity[];
  /** Name mentions, sorted. */
  mentions: Mention[];
  mentionAt: Int32Array;
  mentionCover: Int32Array;
}

/** Pronoun mentions resolved per entity, by gender of the pronoun, for the gender estimate. */
export type PronounCounts = Map<number, { m: number; f: number }>;

export function findReferences(input: ReferenceInput): { extra: Mention[]; pronouns: PronounCounts } {
  const { tokens, sentences, entities, mentions, mentionAt, mentionCover } = input;
  const n = tokens.length;
  const extra: Mention[] = [];
  const pronouns: PronounCounts = new Map();
  const lastSeen = new Int32Array(entities.length).fill(-1);
  const roleIndex = new Map<string, number[]>();
  const orgByHead = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, k: string, e: number): void => {
    const l = map.get(k);
    if (l) l.push(e);
    else map.set(k, [e]);
  };
  entities.forEach((en, e) => {
    if (en.type === 'PERSON') for (const r of en.roles) push(roleIndex, r, e);
    if (en.type !== 'ORG') return;
    push(orgByHead, '*', e);
    for (const w of en.nameTokens) if (ORG_ROLE_NOUNS.has(w)) push(orgByHead, w, e);
  });
  const persons = new PersonsBySentence(sentences.length);
  for (const m of mentions) if (m.type === 'PERSON') persons.add(tokens[m.first]!.sentence, m.entity, m.first);
  const gender = entities.map((en) => (en.type === 'PERSON' ? nameGender(en.roles, en.nameTokens) : null));
  const latest = (pool: number[] | undefined): number => {
    if (!pool) return -1;
    let best = -1;
    let pos = -1;
    for (let x = Math.max(0, pool.length - POOL_LOOKBACK); x < pool.length; x++) {
      const e = pool[x]!;
      if (lastSeen[e]! > pos) {
        pos = lastSeen[e]!;
        best = e;
      }
    }
    return best;
  };
  const nominalCtx: NominalContext = { tokens, cover: mentionCover, roleIndex, orgByHead, latest, lastSeenPos: (e) => lastSeen[e]! };
  let mp = 0;
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    for (let i = s.first; i < s.last; i++) {
      while (mp < mentions.length && mentions[mp]!.first <= i) {
        const m = mentions[mp]!;
        lastSeen[m.entity] = m.first;
        mp++;
      }
      if (mentionCover[i] !== -1) continue;
      const t = tokens[i]!;
      if (t.kind !== 'word') continue;
      // a role right before a name, set off by a comma: "as Peruvian president, Ruiz ..."
      let r = i;
      if (t.cap && demonymCountry(t.lower) && tokens[i + 1]?.kind === 'word' && !tokens[i + 1]!.cap) r = i + 1;
      const role = tokens[r]!;
      const comma = tokens[r + 1];
      const after = r + 2 < n ? mentionAt[r + 2]! : -1;
      // (the comma and the name after it first: they rule out most words without a look-up)
      if (comma?.text === ',' && after >= 0 && role.kind === 'word' && !role.cap && mentions[after]!.type === 'PERSON' && mentions[after]!.kind === 'name' && (PERSON_ROLE_NOUNS.has(role.lower) || APPOSITION_PERSON_NOUNS.has(role.lower))) {
        extra.push({ start: t.start, end: role.end, first: i, last: r + 1, entity: mentions[after]!.entity, kind: 'nominal', type: 'PERSON' });
        i = r;
        continue;
      }
      // headlines drop articles: "Mayor says ..." is "the mayor"
      if (t.cap && input.headlineBlocks.has(s.block) && PERSON_ROLE_NOUNS.has(t.lower) && !(mentionCover[i + 1] !== undefined && mentionCover[i + 1] !== -1)) {
        const pool = roleIndex.get(t.lower);
        // the headline comes before the body that names the person: the first one with the role
        const e = latest(pool) >= 0 ? latest(pool) : (pool?.[0] ?? -1);
        if (e >= 0) {
          extra.push({ start: t.start, end: t.end, first: i, last: i + 1, entity: e, kind: 'nominal', type: 'PERSON' });
          persons.add(t.sentence, e, i);
          continue;
        }
      }
      if (t.lower === 'the') {
        const nm = matchNominal(nominalCtx, i, s.last);
        if (nm) {
          extra.push(nm);
          lastSeen[nm.entity] = i;
          if (nm.type === 'PERSON') persons.add(tokens[i]!.sentence, nm.entity, i);
          i = nm.last - 1;
        }
        continue;
      }
      if (PERSON_PRONOUNS.has(t.lower)) {
        const e = resolvePronoun(t, i, si, sentences, persons, gender);
        if (e >= 0) {
          extra.push({ start: t.start, end: t.end, first: i, last: i + 1, entity: e, kind: 'pronoun', type: 'PERSON' });
          const g = PRONOUN_GENDER[t.lower];
          if (g) {
            const c = pronouns.get(e) ?? { m: 0, f: 0 };
            c[g]++;
            pronouns.set(e, c);
          }
        }
      }
    }
  }
  return { extra, pronouns };
}

// Stage 6: the roles seen with each person ("Peruvian leader Ana Ruiz", "Ruiz, the Peruvian
// president,", "as Peruvian president, Ruiz"), so that a later "the Peruvian leader" or "the
// president" can refer back to the person (see references.ts).

import { PERSON_ROLE_NOUNS, PERSON_TITLES } from '../data/titles.js';
import { demonymCountry } from '../gazetteer.js';
import type { Token } from '../tokens.js';
import type { Entity, Mention } from './model.js';

/** Abbreviated titles and the role each names. */
const TITLE_IN_FULL: Record<string, string> = {
  'gov.': 'governor', 'sen.': 'senator', 'rep.': 'representative', 'gen.': 'general', 'lt.': 'lieutenant', 'sgt.': 'sergeant',
  'col.': 'colonel', 'capt.': 'captain', 'prof.': 'professor', 'cllr': 'councillor', 'cllr.': 'councillor', 'supt.': 'superintendent',
};

export function collectPersonRoles(tokens: Token[], entities: Entity[], mentions: Mention[]): void {
  for (const m of mentions) {
    const en = entities[m.entity]!;
    if (en.type === 'PERSON') collectRoles(tokens, m, en.roles);
  }
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
    for (const w of nouns) {
      roles.add(w);
      // "Gov. X" is the governor a later "the governor" or a headline's "Governor" means
      const full = TITLE_IN_FULL[w];
      if (full) roles.add(full);
    }
    const prefix = tokens[k]?.cap && demonymCountry(`${tokens[k]!.lower} ${words[0]}`) ? `${tokens[k]!.lower} ` : '';
    roles.add(prefix + words.join(' '));
  }
  // apposition after: "X, the Peruvian president," / "X, a professor at"
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
  // role right before with a comma: "as Peruvian president, Ruiz"
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

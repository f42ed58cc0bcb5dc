// Pronoun resolution: he/she/him/her/his/hers/himself/herself go to the first person of the same
// sentence before the pronoun whose gender fits, else to the first fitting person (the likely
// subject) of one of the few sentences before, within two paragraphs. "Robin Vell said he ...":
// a subject pronoun tells the gender of a person whose name did not.

import type { Sentence, Token } from '../tokens.js';

export const PRONOUN_GENDER: Record<string, 'm' | 'f'> = { he: 'm', him: 'm', his: 'm', himself: 'm', she: 'f', her: 'f', hers: 'f', herself: 'f' };
const SUBJECT_PRONOUNS = new Set(['he', 'she']);
/** Person mentions kept per sentence: the first ones are the likely subjects. */
const PERSONS_PER_SENTENCE = 8;
/** Sentences looked back over, and paragraphs a pronoun may reach back across. */
const SENTENCES_BACK = 4;
const BLOCKS_BACK = 2;

/** Person mentions of each sentence in token order (the first is its likely subject), a few at most. */
export class PersonsBySentence {
  private readonly lists: ({ e: number; tok: number }[] | undefined)[];
  constructor(count: number) {
    this.lists = new Array(count);
  }
  add(si: number, e: number, tok: number): void {
    if (si < 0) return;
    let l = this.lists[si];
    if (!l) l = this.lists[si] = [];
    if (l.length >= PERSONS_PER_SENTENCE) return;
    let k = l.length;
    while (k > 0 && l[k - 1]!.tok > tok) k--;
    l.splice(k, 0, { e, tok });
  }
  get(si: number): { e: number; tok: number }[] {
    return this.lists[si] ?? [];
  }
}

/** The person a pronoun at token i (sentence si) refers to, or -1; may set the person's gender. */
export function resolvePronoun(t: Token, i: number, si: number, sentences: Sentence[], persons: PersonsBySentence, gender: ('m' | 'f' | null)[]): number {
  const g = PRONOUN_GENDER[t.lower] ?? null;
  const fits = (e: number): boolean => g === null || gender[e] === null || gender[e] === g;
  let e = -1;
  for (const p of persons.get(si)) {
    if (p.tok >= i) break;
    if (fits(p.e)) {
      e = p.e;
      break;
    }
  }
  const block = sentences[si]!.block;
  for (let k = si - 1; e < 0 && k >= 0 && k >= si - SENTENCES_BACK; k--) {
    if (block - sentences[k]!.block > BLOCKS_BACK) break;
    for (const p of persons.get(k)) {
      if (fits(p.e)) {
        e = p.e;
        break;
      }
    }
  }
  if (e >= 0 && g !== null && gender[e] === null && SUBJECT_PRONOUNS.has(t.lower)) gender[e] = g;
  return e;
}

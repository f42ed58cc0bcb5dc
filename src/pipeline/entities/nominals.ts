// Nominal mentions: a role phrase that refers back to a named entity. "the Peruvian leader"
// and "the president" go to the person last seen with that role; "the agency" to the organisation
// whose name holds that word; "the company" to the organisation named just before.

import { ORG_ROLE_NOUNS, PERSON_ROLE_NOUNS } from '../data/titles.js';
import type { Token } from '../tokens.js';
import type { Mention } from './model.js';

/** Nouns that refer back to the organisation last named ("the company said"). */
const GENERIC_ORG_NOUNS = new Set(['company', 'firm', 'organisation', 'organization', 'corporation', 'charity', 'agency', 'broadcaster', 'newspaper', 'carrier', 'airline', 'retailer', 'manufacturer', 'bank']);
/** How far back (in tokens) "the company" may refer to the organisation named last. */
const GENERIC_ORG_DISTANCE = 80;

export interface NominalContext {
  tokens: Token[];
  cover: Int32Array;
  /** Person entities by role ("leader", "north korean leader"). */
  roleIndex: Map<string, number[]>;
  /** Organisations by a role noun of their name ("agency"), and all of them under "*". */
  orgByHead: Map<string, number[]>;
  /** The entity of the pool seen last, or -1. */
  latest: (pool: number[] | undefined) => number;
  /** Token where the entity was seen last. */
  lastSeenPos: (e: number) => number;
}

/** "the Peruvian leader", "the agency" starting at token i (a "the"): a nominal mention of a named entity. */
export function matchNominal(ctx: NominalContext, i: number, end: number): Mention | null {
  const { tokens, cover, roleIndex, orgByHead, latest } = ctx;
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
    if (best < 0 && GENERIC_ORG_NOUNS.has(head.lower)) best = generalOrganisation(ctx, i, orgByHead.get('*'));
    if (best < 0) return null;
    return { start: det.start, end: head.end, first: i, last: j + 1, entity: best, kind: 'nominal', type: 'ORG' };
  }
  return null;
}

/** How many of the organisations seen last "the company" may choose among. */
const GENERIC_ORG_CANDIDATES = 32;

/**
 * "the company": the organisation named last within reach, passing over one named only as a
 * person's affiliation ("Brightline cut its forecast ... said an analyst at Northgate. The company
 * also said ..." is Brightline); the one named last when every candidate is such.
 */
function generalOrganisation(ctx: NominalContext, i: number, pool: number[] | undefined): number {
  if (!pool) return -1;
  let best = -1;
  let bestPos = -1;
  let fallback = -1;
  let fallbackPos = -1;
  for (let x = Math.max(0, pool.length - GENERIC_ORG_CANDIDATES); x < pool.length; x++) {
    const e = pool[x]!;
    const pos = ctx.lastSeenPos(e);
    if (pos < 0 || pos >= i || i - pos > GENERIC_ORG_DISTANCE) continue;
    if (pos > fallbackPos) {
      fallbackPos = pos;
      fallback = e;
    }
    if (!isAffiliation(ctx.tokens, pos) && pos > bestPos) {
      bestPos = pos;
      best = e;
    }
  }
  return best >= 0 ? best : fallback;
}

/** The name at `pos` follows a person's role and "at", "for" or "with": "an analyst at X". */
function isAffiliation(tokens: Token[], pos: number): boolean {
  const p = tokens[pos - 1];
  const role = tokens[pos - 2];
  return !!p && !!role && (p.lower === 'at' || p.lower === 'for' || p.lower === 'with') && role.kind === 'word' && !role.cap && PERSON_ROLE_NOUNS.has(role.lower);
}

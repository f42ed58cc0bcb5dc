// Stage 1: what the whole article says about its words, gathered once before names are looked
// for. A word written in lower case somewhere is an ordinary word when it opens a sentence; a word
// capitalised in mid-sentence is a name even at a sentence start; the initials of every run of
// capitalised words let an abbreviation that is also a common word ("WMO") be taken when its
// expansion is in the text.

import { ORG_SUFFIXES } from '../data/orgs.js';
import type { Token } from '../tokens.js';
import type { LowerCaseWords } from './case-view.js';

export interface DocumentEvidence {
  /** Words seen in lower case anywhere. */
  lowerSeen: Set<string>;
  /** Words seen capitalised in the middle of a sentence. */
  capMid: Set<string>;
  /** Initials of every stretch of every run of capitalised words ("wmo" for "World Meteorological Organization"). */
  runInitials: Set<string>;
  /** Words seen capitalised anywhere (a place's name, for the demonyms the article makes of it). */
  capWords: Set<string>;
}

/** Longest stretch of initials kept per run: abbreviations are short. */
const MAX_INITIALS = 10;

/**
 * `caseless`: per sentence (case-view.ts); capitals of Title Case and ALL-CAPS lines (2) are not
 * counted as names. `lowerWords`: the words written in lower case, as case-view.ts read them (the
 * view changes no word in lower case); a lower-case brand such as "eBay" is not one.
 */
export function collectDocumentEvidence(tokens: Token[], caseless: Uint8Array, lowerWords: LowerCaseWords): DocumentEvidence {
  const lowerSeen = lowerWords.plain;

  const capMid = new Set<string>();
  const capWords = new Set<string>();
  if (tokens[0]?.kind === 'word' && tokens[0].cap) capWords.add(tokens[0].lower);
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === 'word' && t.cap) capWords.add(t.lower);
    const p = tokens[k - 1]!;
    if (caseless[t.sentence] === 2) continue;
    if (t.kind === 'word' && t.cap && p.kind === 'word' && p.sentence === t.sentence) capMid.add(t.lower);
    // "Acme" in "Acme Corp.": a word that names an organisation elsewhere counts as a name at a sentence start too
    if (t.kind === 'word' && t.cap && p.kind === 'word' && p.cap && ORG_SUFFIXES.has(t.lower)) capMid.add(p.lower);
  }

  const runInitials = new Set<string>();
  let ini = '';
  for (let k = 0; k <= tokens.length; k++) {
    const t = tokens[k];
    if (t && t.kind === 'word' && t.cap) {
      ini += t.lower[0];
      if (ini.length > MAX_INITIALS) ini = ini.slice(1);
    } else if (t && t.kind === 'word' && (t.lower === 'of' || t.lower === 'for' || t.lower === 'the' || t.lower === 'and') && ini) continue;
    else {
      // every stretch of the run: "The World Meteorological Organization" gives "wmo" too
      for (let x = 0; x < ini.length; x++) for (let y = x + 2; y <= ini.length; y++) runInitials.add(ini.slice(x, y));
      ini = '';
    }
  }
  return { lowerSeen, capMid, runInitials, capWords };
}

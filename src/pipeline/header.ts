// Header detection: wire layout (headline, source line, standfirst, dateline, byline) or plain
// body text whose first block may be a headline. Offsets are UTF-16 indices here.

import type { RawBlock } from './blocks.js';
import { isEnglishWord, lookupPlace } from './gazetteer.js';
import type { ParagraphRole } from './types.js';

export interface RawDateline {
  start: number;
  end: number;
  text: string;
  place: string | null;
  agency: string | null;
}

export interface HeaderResult {
  format: 'wire' | 'plain';
  roles: ParagraphRole[];
  headline: number;
  source: number;
  standfirst: number;
  byline: number;
  dateline: RawDateline | null;
}

export type Layout = 'auto' | 'headline-body';

// "VLADIVOSTOK (AFP) -", "WASHINGTON, March 3 (Reuters) —", "LONDON —", "PARIS, France (AP) --"
// "ISLAMABAD: ..." (a colon, as some agencies write it)
const DATELINE =
  /^([A-Z][A-Z\p{Lu}.'\- ]{1,40}?[A-Z\p{Lu}.])(?:,[^\n()]{1,40}?)?\s*(?:\(([^()\n]{1,30})\)\s*)?(?:-{1,2}|[\u2013\u2014]|:(?=\s))\s*/u;
const BYLINE = /^(?:By|BY|by)\s+\p{Lu}[^\n]{0,80}$/u;

export function matchDateline(block: RawBlock): RawDateline | null {
  const m = DATELINE.exec(block.text.slice(0, 120));
  if (!m) return null;
  const place = m[1]!.trim();
  // the place must be written in capitals (a dateline), and not be a whole sentence
  if (place.length < 2 || /[a-z]/.test(place)) return null;
  // with a colon, the word must be a place, not a label such as "UPDATE:" or "NOTE:"
  if (m[0].trimEnd().endsWith(':') && !lookupPlace(place) && isEnglishWord(place.toLowerCase())) return null;
  const agency = m[2] ? m[2].trim() : null;
  let text = m[0];
  text = text.replace(/\s+$/, '');
  return { start: block.start, end: block.start + text.length, text, place, agency };
}

/**
 * The dateline of block i, unless it is a speaker's label: a transcript opens several paragraphs
 * with the same "NAME:", a dateline opens one.
 */
function openingDateline(blocks: RawBlock[], i: number): RawDateline | null {
  const d = matchDateline(blocks[i]!);
  if (!d || !d.text.endsWith(':')) return d;
  for (let j = 0; j < blocks.length; j++) if (j !== i && blocks[j]!.text.startsWith(d.text)) return null;
  return d;
}

function words(s: string): number {
  const m = s.match(/\S+/g);
  return m ? m.length : 0;
}

function endsLikeSentence(s: string): boolean {
  return /[.!?]["'\u201d\u2019)]?$/.test(s);
}

function isHeadlineLike(b: RawBlock): boolean {
  return b.text.indexOf('\n') < 0 && words(b.text) <= 30 && b.text.length <= 250 && !/[.]["'\u201d\u2019)]?$/.test(b.text);
}

function isSourceLike(b: RawBlock): boolean {
  return b.text.indexOf('\n') < 0 && words(b.text) <= 6 && b.text.length <= 60 && !endsLikeSentence(b.text) && !/[,;:]$/.test(b.text);
}

/** Decides the role of every block. */
export function detectHeader(blocks: RawBlock[], layout: Layout = 'auto'): HeaderResult {
  const roles: ParagraphRole[] = blocks.map(() => 'body');
  const res: HeaderResult = { format: 'plain', roles, headline: -1, source: -1, standfirst: -1, byline: -1, dateline: null };
  if (blocks.length === 0) return res;
  if (layout === 'headline-body') {
    roles[0] = 'headline';
    res.headline = 0;
    // a dateline may still open the body
    if (blocks[1]) res.dateline = openingDateline(blocks, 1);
    if (res.dateline) res.format = 'wire';
    return res;
  }
  // Wire layout: a dateline within the first few blocks, preceded by header blocks.
  let dl = -1;
  for (let i = 0; i < Math.min(blocks.length, 6); i++) {
    const d = openingDateline(blocks, i);
    if (d) {
      dl = i;
      res.dateline = d;
      break;
    }
  }
  let bodyStart = 0;
  if (dl >= 0) {
    res.format = 'wire';
    bodyStart = dl;
  }
  const hasMore = blocks.length > 1;
  if (hasMore && isHeadlineLike(blocks[0]!) && (dl !== 0)) {
    roles[0] = 'headline';
    res.headline = 0;
    const limit = dl >= 0 ? dl : Math.min(blocks.length - 1, 4);
    for (let i = 1; i < limit; i++) {
      const b = blocks[i]!;
      if (res.byline < 0 && BYLINE.test(b.text)) {
        roles[i] = 'byline';
        res.byline = i;
      } else if (res.source < 0 && res.standfirst < 0 && res.byline < 0 && isSourceLike(b) && !looksLikeDate(b.text)) {
        roles[i] = 'source';
        res.source = i;
      } else if (dl >= 0 && res.standfirst < 0) {
        roles[i] = 'standfirst';
        res.standfirst = i;
      } else {
        break;
      }
    }
  }
  void bodyStart;
  return res;
}

const MONTH = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b/;
function looksLikeDate(s: string): boolean {
  return MONTH.test(s) && /\d/.test(s);
}

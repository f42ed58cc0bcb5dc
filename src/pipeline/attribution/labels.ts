// Stage: speaker labels. A headline "X: ..." gives the rest of the line to X ("Minister: we will
// not resign", "Reports: ..."); a transcript's paragraphs "NAME: answer" (two or more of them) give
// each answer to its label, as the speaker's own words.

import { PERSON_TITLES } from '../data/titles.js';
import { POS } from '../pos.js';
import { mentionEndingAt, tagIs, type Context } from './context.js';
import type { Cue, Source } from './model.js';

/**
 * Documents that speak for their findings in a label ("Poll: voters sour on ..."); not the names of
 * a genre ("Analysis:", "Review:", "Opinion:"), which say nothing of a source.
 */
const DOCUMENT_LABELS = new Set(['poll', 'survey', 'study', 'report', 'audit', 'census', 'filings', 'records', 'documents', 'data', 'lawsuit', 'indictment']);

/** Words a label may have before its colon. */
const MAX_LABEL_TOKENS = 5;

export function findLabelCues(c: Context): Cue[] {
  const cues: Cue[] = [];
  const transcript: Cue[] = [];
  c.blockTokens.forEach((b, block) => {
    const colon = labelColon(c, b.first, b.last);
    if (colon < 0 || colon + 1 >= b.last) return;
    const source = labelSource(c, b.first, colon);
    if (!source) return;
    const cue: Cue = { cue: { first: b.first, last: colon + 1 }, clause: b.first, source, via: null, content: { first: colon + 1, last: b.last }, rule: 'headline-colon', confidence: 0.6 };
    if (c.headlineBlocks.has(block)) {
      cues.push(cue);
      return;
    }
    transcript.push({ ...cue, rule: source.mention >= 0 ? 'transcript-label' : 'transcript-label-unnamed', confidence: 0.7, verbatim: true });
  });
  // one labelled paragraph is a heading or a list item; a transcript has several
  if (transcript.length >= 2) cues.push(...transcript);
  return cues;
}

function labelColon(c: Context, first: number, last: number): number {
  for (let i = first; i < last && i - first <= MAX_LABEL_TOKENS; i++) {
    const t = c.tokens[i]!;
    if (t.text === ':') return i > first ? i : -1;
    if ((t.kind !== 'word' && t.kind !== 'poss') || c.quoteOf[i] !== -1 || tagIs(c, i, POS.VERB, POS.AUX)) return -1;
  }
  return -1;
}

/**
 * The label names a source: an entity mention that fills it, an ALL-CAPS name, a one-letter
 * interview label (Q, A), a document ("Poll"), or a plural noun ("Reports", "Officials").
 */
function labelSource(c: Context, first: number, colon: number): Source | null {
  // "X to Y: ...": X speaks to Y
  for (let i = first + 1; i < colon; i++) {
    if (c.tokens[i]!.lower !== 'to') continue;
    const m = mentionEndingAt(c, i - 1);
    if (m >= 0 && c.ents.mentions[m]!.type !== 'LOC') return { mention: m, first: c.ents.mentions[m]!.first, last: i };
    return null;
  }
  const m = c.ents.mentionAt[first]!;
  if (m >= 0 && c.ents.mentions[m]!.last === colon && c.ents.mentions[m]!.type !== 'LOC') return { mention: m, first, last: colon };
  // "Mayor X: ...", "Prime Minister X: ...": titles, then a person's name that ends the label
  const named = mentionEndingAt(c, colon - 1);
  if (named >= 0 && c.ents.mentions[named]!.type === 'PERSON' && c.ents.mentions[named]!.first > first) {
    let titles = true;
    for (let i = first; i < c.ents.mentions[named]!.first && titles; i++) titles = c.tokens[i]!.cap && PERSON_TITLES.has(c.tokens[i]!.lower);
    if (titles) return { mention: named, first, last: colon };
  }
  let caps = true;
  for (let i = first; i < colon; i++) if (!c.tokens[i]!.allCaps && !(c.tokens[i]!.cap && c.tokens[i]!.text.length === 1)) caps = false;
  if (caps) return { mention: -1, first, last: colon };
  // "Poll: ...", "Study: ...": a document whose finding the line reports
  if (colon - first === 1 && DOCUMENT_LABELS.has(c.tokens[first]!.lower)) return { mention: -1, first, last: colon };
  if (colon - first === 1 && tagIs(c, first, POS.NOUN, POS.PROPN)) {
    const t = c.tokens[first]!;
    if (t.lower.endsWith('s') && c.lemma(first) !== t.lower) return { mention: -1, first, last: colon };
  }
  return null;
}

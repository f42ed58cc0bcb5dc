// Stage: quotations that no cue holds. News carries a speaker over from a cue nearby: a dash after
// the quotation ('"..." - X'), an earlier quotation of the same sentence, the speaker of the
// paragraph (or of the paragraph before, when a quotation opens the paragraph: long quotes run
// over several), a colon after a clause whose subject speaks ('X had a message: "..."'), a cue
// in the sentence before, or the person the paragraph before ended on. A quotation with none of
// these is kept without a source.

import { POS } from '../pos.js';
import { isTimeWord, isVerb, sentenceOf, tagIs, type Context } from './context.js';
import type { Attribution, Quotation, Source, TokenRange } from './model.js';
import { isPassive, mainClauseSubject } from './subjects.js';

const DASHES = new Set(['-', '--', '\u2014', '\u2013']);
/** A paragraph-opening quotation continues a speaker of at most this many paragraphs before. */
const MAX_PARAGRAPHS_BACK = 2;

export function attributeRemaining(c: Context, quotations: Quotation[], atts: Attribution[]): Attribution[] {
  const taken = new Uint8Array(quotations.length);
  for (const a of atts) for (const q of a.quotations) taken[q] = 1;
  const sorted = [...atts].sort((a, b) => a.start - b.start);
  const out: Attribution[] = [];
  let next = 0;
  /** The latest attribution with a source that starts before the quotation. */
  let prev: Attribution | null = null;
  quotations.forEach((q, i) => {
    if (taken[i] || q.title) return;
    while (next < sorted.length && sorted[next]!.start < q.start) {
      const a = sorted[next++]!;
      if (a.source) prev = a;
    }
    const direct = (source: Source | null, cue: TokenRange | null, via: Source | null, rule: string, confidence: number): void => {
      const a: Attribution = { first: q.first, last: q.last, start: q.start, end: q.end, block: q.block, kind: 'direct', source, via, cue, clause: q.open, rule, confidence, quotations: [i], headline: c.headlineBlocks.has(q.block) };
      out.push(a);
      if (source) prev = a;
    };
    const dash = dashSpeaker(c, q);
    if (dash) return direct(dash, { first: q.close + 1, last: q.close + 2 }, null, 'dash-after-quote', 0.7);
    const p = prev as Attribution | null;
    const qSentence = c.tokens[q.open]!.sentence;
    if (p && p.source) {
      const pSentence = c.tokens[Math.max(p.first, (p.cue ?? p).first)]!.sentence;
      const sameSentence = p.block === q.block && (c.tokens[p.last - 1]!.sentence === qSentence || pSentence === qSentence);
      const opensParagraph = q.continued || q.open === c.blockTokens[q.block]!.first;
      if (sameSentence) return direct(p.source, p.cue, p.via, 'same-speaker-in-sentence', 0.75);
      if (p.block === q.block && p.cue && c.tokens[p.cue.first]!.sentence === qSentence - 1) {
        return direct(p.source, p.cue, p.via, 'previous-sentence-cue', 0.7);
      }
      if (p.block === q.block || (opensParagraph && q.block - p.block <= MAX_PARAGRAPHS_BACK && !colonBefore(c, q))) {
        return direct(p.source, p.cue, p.via, 'continues-previous-speaker', 0.7);
      }
    }
    const colon = colonSpeaker(c, q);
    if (colon) return direct(colon.source, colon.cue, null, colon.rule, 0.6);
    const before = previousSentenceSpeaker(c, q);
    if (before) return direct(before, null, null, 'previous-sentence-subject', 0.5);
    const introduced = previousParagraphSubject(c, q);
    if (introduced) return direct(introduced, null, null, 'previous-paragraph-subject', 0.45);
    direct(null, null, null, 'none', 0);
  });
  return [...atts, ...out];
}

/**
 * 'Jane Doe was blunt. "We lost."': a quotation that is a sentence of its own, after a sentence of
 * the same paragraph that opens with a person (its subject, in news).
 */
function previousSentenceSpeaker(c: Context, q: Quotation): Source | null {
  const si = c.tokens[q.open]!.sentence;
  const s = c.sentences[si]!;
  if (si === 0 || s.first !== q.open || c.sentences[si - 1]!.block !== q.block) return null;
  const prev = c.sentences[si - 1]!;
  let m = c.ents.mentionAt[prev.first]!;
  // "Asked whether she would run, X laughed.", "In Dayton, X was blunter.": a phrase set off
  // before the main clause, whose subject opens right after its comma
  if (m < 0 && c.ents.mentionCover[prev.first] === -1) {
    for (let k = prev.first + 1; k < prev.last && k < prev.first + 25 && c.quoteOf[k] === -1; k++) {
      if (c.tokens[k]!.text !== ',') continue;
      m = c.ents.mentionAt[k + 1] ?? -1;
      break;
    }
  }
  if (m < 0 || c.ents.mentions[m]!.type !== 'PERSON') return null;
  return { mention: m, first: c.ents.mentions[m]!.first, last: c.ents.mentions[m]!.last };
}

/**
 * 'Opposition leader X attacked the plan.\n\n"It is a tax on families ..."': a quotation that
 * opens its paragraph with no cue anywhere near takes the person the paragraph before ended on,
 * the subject of its last sentence, when that sentence quotes nobody.
 */
function previousParagraphSubject(c: Context, q: Quotation): Source | null {
  const si = c.tokens[q.open]!.sentence;
  if (si === 0 || q.open !== c.blockTokens[q.block]!.first) return null;
  const prev = c.sentences[si - 1]!;
  if (prev.block !== q.block - 1 || c.headlineBlocks.has(prev.block)) return null;
  for (let k = prev.first; k < prev.last; k++) if (c.quoteOf[k] !== -1) return null;
  const sub = mainClauseSubject(c, prev.first, prev.last, 1);
  const m = sub?.source.mention ?? -1;
  if (m < 0 || c.ents.mentions[m]!.type !== 'PERSON') return null;
  // "X was arrested in May.": what was done to someone does not introduce their words
  let v = sub!.source.last;
  while (v < prev.last && v < sub!.source.last + 4 && !isVerb(c, v) && tagIs(c, v, POS.AUX, POS.ADV, POS.PART)) v++;
  if (v < prev.last && isVerb(c, v) && isPassive(c, v)) return null;
  return sub!.source;
}

/** '"..." - Jane Doe': a name right after a dash that follows the quotation. */
function dashSpeaker(c: Context, q: Quotation): Source | null {
  if (q.close < 0) return null;
  const d = c.tokens[q.close + 1];
  if (!d || d.block !== q.block || !DASHES.has(d.text)) return null;
  const m = c.ents.mentionAt[q.close + 2] ?? -1;
  if (m < 0 || c.ents.mentions[m]!.type === 'LOC') return null;
  return { mention: m, first: c.ents.mentions[m]!.first, last: c.ents.mentions[m]!.last };
}

function colonBefore(c: Context, q: Quotation): boolean {
  return c.tokens[q.open - 1]?.text === ':';
}

/** 'X had a message for them: "..."': the subject of the clause before the colon. */
function colonSpeaker(c: Context, q: Quotation): { source: Source; cue: TokenRange; rule: string } | null {
  const colon = q.open - 1;
  if (colon < 0 || c.tokens[colon]!.text !== ':') return null;
  const s = sentenceOf(c, colon);
  const sub = mainClauseSubject(c, s.first, colon, 1);
  if (!sub || isTimeWord(c, sub.source.last - 1) || tagIs(c, sub.source.first, POS.NUM)) return null;
  if (sub.source.mention >= 0 && c.ents.mentions[sub.source.mention]!.type === 'LOC') return null;
  const rule = c.tokens[colon]!.block === q.block ? 'colon-subject' : 'colon-subject-previous-paragraph';
  return { source: sub.source, cue: { first: colon, last: colon + 1 }, rule };
}

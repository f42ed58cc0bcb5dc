// Quotes and attribution: quotation spans from the marks (straight, curly, single in headlines,
// across paragraphs), then the speaker from cues in the sentence (before, after or around the
// quote), relayed speech ("X quoted Y as saying"), and continuation of the previous speaker.
// Works on tokens; offsets are UTF-16 indices here.

import { INVERTABLE_SPEECH_VERBS, SPEECH_VERBS, STRONG_SPEECH_VERBS } from './data/speech.js';
import { PERSON_TITLES } from './data/titles.js';
import type { EntityResult } from './entities.js';
import type { Sentence, Token } from './tokens.js';
import type { QuoteKind } from './types.js';

export interface RawQuote {
  /** Content span (inside the marks). */
  start: number;
  end: number;
  /** Token range of the content [first, last). */
  first: number;
  last: number;
  /** Token index of the opening mark, and of the closing mark or -1. */
  open: number;
  close: number;
  block: number;
  kind: QuoteKind;
  single: boolean;
  speakerEntity: number;
  speakerMention: number;
  /** Words naming the speaker when no entity does ("one poster", "the report's authors"). */
  speakerSpan: { start: number; end: number } | null;
  viaEntity: number;
  /** The quote has no opening mark: it continues a quote left open in the previous paragraph. */
  continued: boolean;
  /** The quote is left open at the end of its paragraph. */
  openEnded: boolean;
  cue: { start: number; end: number } | null;
  rule: string;
  confidence: number;
}

export interface QuoteInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  /** Per block: first and last+1 token index. */
  blockTokens: { first: number; last: number }[];
  headlineBlocks: Set<number>;
  ents: EntityResult;
}

const DOUBLE = '"\u201c\u201d\u201e\u201f\u00ab\u00bb';
const ADVERBS = new Set([
  'also', 'has', 'had', 'have', 'was', 'were', 'is', 'are', 'would', 'will', 'later', 'then', 'previously', 'repeatedly', 'reportedly',
  'once', 'recently', 'further', 'again', 'just', 'quickly', 'simply', 'always', 'often', 'earlier', 'finally', 'publicly', 'privately',
  'separately', 'could', 'may', 'might', 'did', 'does', 'do', 'has', 'already', 'even', 'still', 'then', 'however', 'told', 'bluntly',
  'flatly', 'angrily', 'proudly', 'openly', 'subsequently', 'additionally', 'yesterday', 'today', 'recently', 'herself', 'himself',
]);
/** Words right before a quoted name: "a group called \"X\"", "nicknamed \"X\"". */
const NAMING_WORDS = new Set(['called', 'named', 'labelled', 'labeled', 'titled', 'entitled', 'dubbed', 'nicknamed', 'name', 'alias', 'codenamed', 'hashtag']);
/** Things whose titles are quoted: "the book \"X\"", "the website \"X\"". */
const TITLED_THINGS = new Set(['book', 'film', 'movie', 'song', 'album', 'show', 'series', 'programme', 'program', 'website', 'site', 'blog', 'article', 'report', 'play', 'novel', 'poem', 'campaign', 'operation', 'project', 'slogan', 'hashtag', 'video', 'game', 'exhibition', 'documentary', 'column', 'headline', 'paper', 'study']);
/** Words that end a subject noun phrase when reading backwards from its verb. */
const NP_STOP = new Set([
  'and', 'but', 'or', 'that', 'which', 'who', 'whom', 'as', 'while', 'when', 'because', 'after', 'before', 'if', 'with', 'in', 'on',
  'at', 'by', 'for', 'from', 'to', 'of', 'into', 'than', 'then', 'so', 'it', 'they', 'we', 'i', 'you', 'this', 'there', 'is', 'was',
  'were', 'are', 'be', 'been', 'has', 'have', 'had', 'not', 'also', 'said', 'says', 'say', 'during', 'about', 'where', 'saying', 'whilst',
]);
/** What may stand right before a participle cue whose subject is the main clause's (", saying", "while adding"). */
const PARTICIPLE_OPENERS = new Set([',', 'while', 'whilst', 'when', 'after', 'before', 'by', 'also', 'and']);
const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'some', 'many', 'its', 'his', 'her', 'their', 'our', 'several', 'two', 'three', 'another', 'each', 'every', 'most', 'other', 'these', 'those']);
const RELAY_VERBS = new Set(['said', 'says', 'added', 'adds', 'reported', 'reports', 'quoted', 'quotes', 'cited', 'stated', 'announced']);

export function findQuotes(input: QuoteInput): RawQuote[] {
  const { tokens, blockTokens } = input;
  const quotes: RawQuote[] = [];
  const inDouble = new Uint8Array(tokens.length);
  for (let b = 0; b < blockTokens.length; b++) {
    const { first, last } = blockTokens[b]!;
    const qStart = quotes.length;
    // double quotes: pair opening and closing marks
    let openIdx = -1;
    const prevQ = quotes[quotes.length - 1];
    const carried = !!prevQ && prevQ.openEnded && prevQ.block === b - 1;
    let seenMark = false;
    for (let i = first; i < last; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'quote' || DOUBLE.indexOf(t.text) < 0) continue;
      const firstMark = !seenMark;
      seenMark = true;
      if (firstMark && carried && t.quoteRole === 'close' && i > first) {
        // the quote left open in the previous paragraph goes on without a new opening mark
        pushQuote(first, i, i, b, false, false);
        continue;
      }
      if (t.quoteRole === 'open') {
        if (openIdx >= 0 && i - openIdx > 1) {
          // an opening mark while one is open: the earlier quote ran on; close it here
          pushQuote(openIdx, i, i, b, false);
        }
        openIdx = i;
      } else if (openIdx >= 0) {
        pushQuote(openIdx, i, i, b, false);
        openIdx = -1;
      }
    }
    if (openIdx >= 0 && openIdx + 1 < last) pushQuote(openIdx, -1, last, b, false);
    for (let k = qStart; k < quotes.length; k++) {
      const q = quotes[k]!;
      inDouble.fill(1, q.open, q.close >= 0 ? q.close + 1 : q.last);
    }
    // single quotes: outside double quotes, paired within the block
    let sOpen = -1;
    for (let i = first; i < last; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'quote' || DOUBLE.indexOf(t.text) >= 0) continue;
      if (inDouble[i]) continue;
      if (t.quoteRole === 'open' && sOpen < 0) sOpen = i;
      else if (t.quoteRole === 'close' && sOpen >= 0) {
        if (i - sOpen > 1 && i - sOpen <= 60) pushQuote(sOpen, i, i, b, true);
        sOpen = -1;
      }
    }
  }
  quotes.sort((a, b) => a.start - b.start);
  attribute(input, quotes);
  return quotes;

  function pushQuote(open: number, close: number, lastTok: number, block: number, single: boolean, openMark = true): void {
    const firstTok = openMark ? open + 1 : open;
    if (firstTok >= lastTok) return;
    const start = tokens[firstTok]!.start;
    const end = tokens[lastTok - 1]!.end;
    if (end <= start) return;
    quotes.push({
      start,
      end,
      first: firstTok,
      last: lastTok,
      open,
      close,
      block,
      kind: 'direct',
      single,
      speakerEntity: -1,
      speakerMention: -1,
      speakerSpan: null,
      viaEntity: -1,
      continued: !openMark,
      openEnded: close < 0,
      cue: null,
      rule: 'none',
      confidence: 0,
    });
  }
}

interface Cue {
  speakerMention: number;
  speakerEntity: number;
  viaEntity: number;
  cueFirst: number;
  cueLast: number;
  distance: number;
  rule: string;
  confidence: number;
  verb: string;
  /** For a cue whose subject is not an entity: the words of the subject, or null when there are none ("and said"). */
  np: { start: number; end: number } | null;
}

function attribute(input: QuoteInput, quotes: RawQuote[]): void {
  const { tokens, sentences, ents } = input;
  const { mentions, entities, mentionCover } = ents;
  // tokens inside any quote
  const inQuote = new Int32Array(tokens.length).fill(-1);
  quotes.forEach((q, k) => {
    for (let i = q.open; i < (q.close >= 0 ? q.close + 1 : q.last); i++) if (inQuote[i] === -1) inQuote[i] = k;
  });

  /** The mention ending right before token `i` (skipping adverbs), the subject of a verb at i. */
  const subjectBefore = (i: number, lo: number): number => {
    let k = i - 1;
    let skipped = 0;
    while (k >= lo && tokens[k]!.kind === 'word' && ADVERBS.has(tokens[k]!.lower) && mentionCover[k] === -1 && skipped < 3) {
      k--;
      skipped++;
    }
    // apposition: "X, a professor at Y, said" / "Its president, X, said"
    if (k >= lo && tokens[k]!.text === ',' ) {
      if (k - 1 >= lo && mentionCover[k - 1] !== -1) {
        const mi = mentionCover[k - 1]!;
        if (mentions[mi]!.type === 'PERSON' && mentions[mi]!.last - 1 === k - 1) return mi;
      }
      let j = k - 1;
      let steps = 0;
      while (j >= lo && tokens[j]!.text !== "," && steps < 25 && inQuote[j] === -1) {
        j--;
        steps++;
      }
      if (j >= lo && tokens[j]!.text === ',' && j - 1 >= lo && mentionCover[j - 1] !== -1) {
        const mi = mentionCover[j - 1]!;
        if (mentions[mi]!.type !== 'LOC') return mi;
      }
      return -1;
    }
    if (k < lo) return -1;
    const mi = mentionCover[k]!;
    if (mi === -1) return -1;
    // the mention must end at k
    const m = mentions[mi]!;
    if (m.last - 1 !== k) {
      // outermost covering mention may be longer; find one ending at k
      for (let x = mi; x < mentions.length && mentions[x]!.first <= k; x++) if (mentions[x]!.last - 1 === k) return x;
      return -1;
    }
    return mi;
  };
  /** The mention starting right after token `i` (skipping "the"), e.g. "said Putin". */
  const subjectAfter = (i: number, hi: number): number => {
    let k = i + 1;
    if (k < hi && tokens[k]!.kind === 'word' && !tokens[k]!.cap && (tokens[k]!.lower === 'the' || tokens[k]!.lower === 'a')) {
      // nominal mentions start at "the"
      if (ents.mentionAt[k] !== -1) return ents.mentionAt[k]!;
      k++;
    }
    while (k < hi && k - i <= 5 && tokens[k]!.kind === 'word' && mentionCover[k] === -1 && (!tokens[k]!.cap || PERSON_TITLES.has(tokens[k]!.lower))) k++;
    if (k >= hi) return -1;
    return ents.mentionAt[k] !== -1 ? ents.mentionAt[k]! : mentionCover[k]!;
  };
  /** The words of a subject that names no entity, right before a verb at i ("one poster writing"). */
  const nounPhraseBefore = (i: number, lo: number): { start: number; end: number } | null => {
    let k = i - 1;
    while (k >= lo && tokens[k]!.kind === 'word' && ADVERBS.has(tokens[k]!.lower) && k > i - 4) k--;
    // "The central bank, for its part, said": the subject is before the inserted phrase
    if (k >= lo && tokens[k]!.text === ',') {
      let j = k - 1;
      while (j >= lo && j > k - 25 && tokens[j]!.text !== ',' && inQuote[j] === -1) j--;
      if (j > lo && tokens[j]!.text === ',') k = j - 1;
      else return null;
    }
    const end = k;
    if (end < lo) return null;
    const head = tokens[end]!;
    if (head.kind !== 'word' || NP_STOP.has(head.lower)) return null;
    let start = end;
    while (start - 1 >= lo && start > end - 7) {
      const t = tokens[start - 1]!;
      if (t.kind === 'poss') {
        start--;
        continue;
      }
      if (t.kind !== 'word' || NP_STOP.has(t.lower) || inQuote[start - 1] !== -1) break;
      start--;
      if (DETERMINERS.has(t.lower)) break;
    }
    return { start: tokens[start]!.start, end: head.end };
  };
  /** The words of a subject after an inverted verb ('"...", said one witness'). */
  const nounPhraseAfter = (i: number, hi: number): { start: number; end: number } | null => {
    let k = i + 1;
    const start = k;
    while (k < hi && k < i + 6 && tokens[k]!.kind === 'word' && !NP_STOP.has(tokens[k]!.lower)) k++;
    if (k === start) return null;
    return { start: tokens[start]!.start, end: tokens[k - 1]!.end };
  };
  /** The subject of the sentence's main clause, for a participle cue at i (", saying"). */
  const mainClauseSubject = (i: number, lo: number, dist: number, verb: string): Cue | null => {
    // a person first (an organisation may only qualify them: "the head of X, Y, resigned, saying")
    let org = -1;
    for (let k = Math.max(lo, i - 60); k < i; k++) {
      if (inQuote[k] !== -1) break;
      const mi = ents.mentionAt[k]!;
      if (mi < 0) continue;
      if (mentions[mi]!.type === 'PERSON') return mk(mi, i, i + 1, dist, 'participle-main-subject', 0.75, verb);
      if (org < 0 && mentions[mi]!.type === 'ORG') org = mi;
    }
    if (org >= 0) return mk(org, i, i + 1, dist, 'participle-main-subject', 0.7, verb);
    const np = nounPhraseAfter(lo - 1, i);
    if (!np) return null;
    const c = mk(-1, i, i + 1, dist, 'participle-main-subject-unnamed', 0.5, verb);
    c.np = np;
    return c;
  };
  const isSpeaker = (mi: number): boolean => mi >= 0 && mentions[mi]!.type !== 'LOC';

  const cuesFor = (q: RawQuote): Cue[] => {
    const cues: Cue[] = [];
    const sOpen = tokens[q.open]!.sentence;
    const closeTok = q.close >= 0 ? q.close : q.last - 1;
    const sClose = tokens[closeTok]!.sentence;
    const lo = sentences[sOpen]!.first;
    const hi = sentences[sClose]!.last;
    // ---- left context: scan back from the opening mark to the sentence start, not across another quote
    for (let i = q.open - 1, dist = 0; i >= lo && dist < 60; i--, dist++) {
      if (inQuote[i] !== -1) break;
      const t = tokens[i]!;
      if (t.kind !== 'word') continue;
      const l = t.lower;
      // "according to X"
      if (l === 'according' && tokens[i + 1]?.lower === 'to') {
        const mi = subjectAfter(i + 1, q.open);
        if (isSpeaker(mi)) cues.push(mk(mi, i, i + 2, dist, 'according-to', 0.9, l));
        continue;
      }
      if (!SPEECH_VERBS.has(l) || mentionCover[i] !== -1) continue;
      // "was quoted as saying", "X quoted Y as saying": the cue is the verb before "as"
      if ((l === 'saying' || l === 'telling' || l === 'writing') && tokens[i - 1]?.lower === 'as') continue;
      // "X quoted Y as saying"
      if ((l === 'quoted' || l === 'quoting') && q.open - i <= 8) {
        const y = subjectAfter(i, q.open);
        const x = subjectBefore(i, lo);
        if (isSpeaker(y)) {
          cues.push(mk(y, i, Math.min(q.open, i + 5), dist, 'relayed-quote', 0.9, l, x >= 0 ? mentions[x]!.entity : -1));
          continue;
        }
      }
      // "described by X as"
      if (tokens[i + 1]?.lower === 'by') {
        const mi = subjectAfter(i + 1, q.open);
        if (isSpeaker(mi)) {
          cues.push(mk(mi, i, i + 2, dist, 'passive-by', 0.85, l));
          continue;
        }
      }
      // ", saying ...", ", writing in a blog post": the subject of the main clause speaks
      if (l.endsWith('ing') && PARTICIPLE_OPENERS.has(tokens[i - 1]?.lower ?? '')) {
        const c = mainClauseSubject(i, lo, dist, l);
        if (c) {
          cues.push(c);
          break;
        }
      }
      let mi = subjectBefore(i, lo);
      if (isSpeaker(mi)) {
        cues.push(mk(mi, i, i + 1, dist, 'cue-before', dist <= 3 ? 0.9 : 0.75, l));
        break;
      }
      // "said X" before the quote: 'said Putin: "..."'
      if (INVERTABLE_SPEECH_VERBS.has(l)) {
        mi = subjectAfter(i, q.open);
        if (isSpeaker(mi)) {
          cues.push(mk(mi, i, i + 1, dist, 'cue-before-inverted', 0.85, l));
          break;
        }
      }
      // a speech verb whose subject is not an entity ("analysts said"): stop here
      if (dist <= 12 && (tokens[i - 1]?.kind === 'word' || tokens[i - 1]?.text === ',')) {
        const c = mk(-1, i, i + 1, dist, 'cue-before-unnamed', 0.5, l);
        c.np = nounPhraseBefore(i, lo);
        cues.push(c);
        break;
      }
    }
    // ---- right context: after the closing mark to the sentence end, not across another quote
    if (q.close >= 0) {
      for (let i = q.close + 1, dist = 0; i < hi && dist < 25; i++, dist++) {
        if (inQuote[i] !== -1) break;
        const t = tokens[i]!;
        if (t.kind !== 'word' || mentionCover[i] !== -1) continue;
        const l = t.lower;
        if (l === 'according' && tokens[i + 1]?.lower === 'to') {
          const mi = subjectAfter(i + 1, hi);
          if (isSpeaker(mi)) cues.push(mk(mi, i, i + 2, dist, 'according-to', 0.9, l));
          break;
        }
        if (!SPEECH_VERBS.has(l)) continue;
        // "KCNA quoted Kim as saying"
        if (l === 'quoted' || l === 'quoting') {
          const y = subjectAfter(i, hi);
          const x = subjectBefore(i, q.close + 1);
          if (isSpeaker(y)) {
            cues.push(mk(y, i, Math.min(hi, i + 4), dist, 'relayed-quote', 0.9, l, x >= 0 ? mentions[x]!.entity : -1));
            break;
          }
        }
        // "..., said X" (inverted)
        if (INVERTABLE_SPEECH_VERBS.has(l)) {
          const before = subjectBefore(i, q.close + 1);
          if (isSpeaker(before)) {
            cues.push(mk(before, i, i + 1, dist, 'cue-after', 0.9, l));
            break;
          }
          const mi = subjectAfter(i, hi);
          if (isSpeaker(mi)) {
            cues.push(mk(mi, i, i + 1, dist, 'cue-after-inverted', 0.9, l));
            break;
          }
        } else {
          const before = subjectBefore(i, q.close + 1);
          if (isSpeaker(before)) {
            cues.push(mk(before, i, i + 1, dist, 'cue-after', 0.8, l));
            break;
          }
        }
        if (dist <= 4) {
          const c = mk(-1, i, i + 1, dist, 'cue-after-unnamed', 0.5, l);
          c.np = nounPhraseBefore(i, q.close + 1) ?? nounPhraseAfter(i, hi);
          cues.push(c);
          break;
        }
      }
    }
    return cues;
  };

  function mk(mi: number, a: number, b: number, distance: number, rule: string, confidence: number, verb: string, via = -1): Cue {
    return { speakerMention: mi, speakerEntity: mi >= 0 ? mentions[mi]!.entity : -1, viaEntity: via, cueFirst: a, cueLast: b, distance, rule, confidence, verb, np: null };
  }

  let prev: RawQuote | null = null;
  for (const q of quotes) {
    if (input.headlineBlocks.has(q.block)) continue;
    // a name or title in quotes ("a group called \"Anonymous\"", "the book \"Blown for Good\"") is not speech
    if (isNameInQuotes(q)) {
      q.rule = 'name-or-title';
      q.kind = 'mixed';
      continue;
    }
    const cues = cuesFor(q);
    const named = cues.filter((c) => c.speakerEntity >= 0);
    let chosen: Cue | null = null;
    let via = -1;
    if (named.length) {
      const persons = named.filter((c) => entities[c.speakerEntity]!.type === 'PERSON');
      const orgs = named.filter((c) => entities[c.speakerEntity]!.type !== 'PERSON' && RELAY_VERBS.has(c.verb));
      chosen = persons.length ? persons.sort((a, b) => a.distance - b.distance)[0]! : named.sort((a, b) => a.distance - b.distance)[0]!;
      via = chosen.viaEntity;
      if (via < 0 && entities[chosen.speakerEntity]!.type === 'PERSON' && orgs.length) via = orgs[0]!.speakerEntity;
    }
    // a via from any other cue in the sentence: "... , the agency added."
    if (chosen && via < 0 && entities[chosen.speakerEntity]!.type === 'PERSON') {
      via = sentenceRelay(q, chosen.speakerEntity);
    }
    const unnamed = cues.find((c) => c.speakerEntity < 0);
    const sameSentencePrev = !!prev && prev.block === q.block && tokens[prev.close >= 0 ? prev.close : prev.last - 1]!.sentence === tokens[q.open]!.sentence;
    const extraCue = chosen ? null : colonOrDashCue(q);
    if (chosen) {
      setSpeaker(q, chosen, via);
    } else if (extraCue && extraCue.rule === 'dash-after-quote') {
      setSpeaker(q, extraCue, -1);
    } else if (unnamed && unnamed.np) {
      // a speaker that is no entity: "one poster wrote", "the report's authors say"
      q.speakerSpan = unnamed.np;
      q.cue = { start: tokens[unnamed.cueFirst]!.start, end: tokens[unnamed.cueLast - 1]!.end };
      q.rule = unnamed.rule;
      q.confidence = 0.5;
    } else if (prev && (prev.speakerEntity >= 0 || prev.speakerSpan) && (sameSentencePrev || (unnamed && prev.block === q.block) || (cues.length === 0 && continues(prev, q)))) {
      inherit(q, prev, sameSentencePrev || unnamed ? 'same-speaker-in-sentence' : 'continues-previous-speaker', sameSentencePrev ? 0.75 : 0.7);
    } else {
      const c = extraCue ?? previousSentenceCue(q);
      if (c) setSpeaker(q, c, c.viaEntity);
      else if (unnamed) {
        q.cue = { start: tokens[unnamed.cueFirst]!.start, end: tokens[unnamed.cueLast - 1]!.end };
        q.rule = unnamed.rule;
        q.confidence = 0.3;
      }
    }
    q.kind = quoteKind(q);
    prev = q;
  }
  // headline quotes: a body quote with the same words gives the speaker; else "X to Y: ..."
  for (const q of quotes) {
    if (!input.headlineBlocks.has(q.block)) continue;
    const words = norm(input.text.slice(q.start, q.end));
    const same = quotes.find((o) => o !== q && !input.headlineBlocks.has(o.block) && o.speakerEntity >= 0 && norm(input.text.slice(o.start, o.end)).includes(words));
    if (same) {
      q.speakerEntity = same.speakerEntity;
      q.speakerMention = same.speakerMention;
      q.rule = 'headline-same-words';
      q.confidence = 0.8;
      q.cue = same.cue;
    } else if (headlineCue(q)) {
      // "Minister says plan 'unfair'": a cue in the headline itself
    } else {
      // "X to Y: ..." or "X: ..." headlines
      const b = input.blockTokens[q.block]!;
      for (let i = b.first; i < q.open; i++) {
        const t = tokens[i]!;
        if (t.text === ':') {
          let mi = -1;
          for (let k = b.first; k < i; k++) {
            const m = ents.mentionAt[k]!;
            if (m !== -1 && mentions[m]!.type === 'PERSON') {
              mi = m;
              break;
            }
          }
          if (mi >= 0) {
            q.speakerEntity = mentions[mi]!.entity;
            q.speakerMention = mi;
            q.rule = 'headline-colon';
            q.confidence = 0.6;
          }
          break;
        }
      }
    }
    q.kind = 'mixed';
  }

  function headlineCue(q: RawQuote): boolean {
    const named = cuesFor(q).filter((c) => c.speakerEntity >= 0);
    if (!named.length) return false;
    named.sort((a, b) => a.distance - b.distance);
    setSpeaker(q, named[0]!, named[0]!.viaEntity);
    q.rule = `headline-${named[0]!.rule}`;
    q.confidence = Math.min(q.confidence, 0.7);
    return true;
  }

  function sentenceRelay(q: RawQuote, speaker: number): number {
    const s = sentences[tokens[q.close >= 0 ? q.close : q.last - 1]!.sentence]!;
    const from = Math.max(q.close, q.last);
    for (let i = from; i < s.last && i < from + 40; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'word' || !RELAY_VERBS.has(t.lower)) continue;
      const mi = subjectBefore(i, s.first);
      if (mi >= 0 && mentions[mi]!.entity !== speaker && mentions[mi]!.type === 'ORG') return mentions[mi]!.entity;
    }
    return -1;
  }

  function inherit(q: RawQuote, p: RawQuote, rule: string, confidence: number): void {
    q.speakerEntity = p.speakerEntity;
    q.speakerMention = p.speakerMention;
    q.speakerSpan = p.speakerSpan;
    q.viaEntity = p.viaEntity;
    q.cue = p.cue;
    q.rule = rule;
    q.confidence = confidence;
  }

  /**
   * Cues outside the quote's sentence: a paragraph ending in a colon before a quote that opens the
   * next paragraph ("X tweeted:"), the subject of a sentence whose quote follows a colon, and a
   * dash after the quote ('"..." - X').
   */
  function colonOrDashCue(q: RawQuote): Cue | null {
    const before = tokens[q.open - 1];
    // '"..." - X' / '"..." -- X'
    if (q.close >= 0) {
      const d = tokens[q.close + 1];
      if (d && d.block === q.block && (d.text === '-' || d.text === '--' || d.text === '\u2014' || d.text === '\u2013')) {
        const mi = ents.mentionAt[q.close + 2] ?? -1;
        if (mi >= 0 && isSpeaker(mi)) return mk(mi, q.close + 1, q.close + 3, 0, 'dash-after-quote', 0.7, '-');
      }
    }
    if (!before) return null;
    if (before.text === ':' || (before.text === ',' && before.block !== q.block)) {
      const s = sentences[before.sentence]!;
      // a speech verb with its subject before the colon
      for (let i = q.open - 2; i >= s.first && i > q.open - 60; i--) {
        if (inQuote[i] !== -1) continue;
        const t = tokens[i]!;
        if (t.kind !== 'word' || !SPEECH_VERBS.has(t.lower) || mentionCover[i] !== -1) continue;
        const mi = subjectBefore(i, s.first);
        if (isSpeaker(mi)) return mk(mi, i, i + 1, q.open - i, before.block === q.block ? 'colon-cue' : 'colon-cue-previous-paragraph', 0.8, t.lower);
      }
      // the sentence's subject: the first person or organisation before the colon
      for (let i = Math.max(s.first, q.open - 60); i < q.open - 1; i++) {
        if (inQuote[i] !== -1) continue;
        const mi = ents.mentionAt[i]!;
        if (mi >= 0 && isSpeaker(mi)) return mk(mi, i, i + 1, q.open - i, 'colon-subject', 0.6, ':');
      }
    }
    return null;
  }

  /** "Lang added that funding was cut. \"We cannot...\"": a cue with a named subject in the sentence before, in the same paragraph. */
  function previousSentenceCue(q: RawQuote): Cue | null {
    const si = tokens[q.open]!.sentence;
    if (si <= 0) return null;
    const ps = sentences[si - 1]!;
    if (ps.block !== q.block) return null;
    for (let i = ps.first; i < ps.last; i++) {
      if (inQuote[i] !== -1) return null;
      const t = tokens[i]!;
      if (t.kind !== 'word' || !STRONG_SPEECH_VERBS.has(t.lower) || mentionCover[i] !== -1) continue;
      const mi = subjectBefore(i, ps.first);
      if (isSpeaker(mi)) return mk(mi, i, i + 1, q.open - i, 'previous-sentence-cue', 0.65, t.lower);
    }
    return null;
  }

  function isNameInQuotes(q: RawQuote): boolean {
    if (q.last - q.first > 10) return false;
    const b1 = tokens[q.open - 1];
    const b2 = tokens[q.open - 2];
    if (!b1 || b1.block !== q.block) return false;
    if (NAMING_WORDS.has(b1.lower)) return true;
    if (b1.lower === 'as' && b2 && (b2.lower === 'known' || b2.lower === 'billed')) return true;
    if (b2 && b2.lower === 'the' && TITLED_THINGS.has(b1.lower)) return true;
    return false;
  }

  function setSpeaker(q: RawQuote, c: Cue, via: number): void {
    q.speakerEntity = c.speakerEntity;
    q.speakerMention = c.speakerMention;
    q.viaEntity = via;
    q.cue = { start: tokens[c.cueFirst]!.start, end: tokens[c.cueLast - 1]!.end };
    q.rule = c.rule;
    q.confidence = c.confidence;
  }

  function continues(p: RawQuote, q: RawQuote): boolean {
    // same block, or the next block starting with the quote (a paragraph-long quote)
    if (p.block === q.block) return true;
    if (q.block - p.block > 2) return false;
    const bt = input.blockTokens[q.block]!;
    return q.open === bt.first;
  }

  function quoteKind(q: RawQuote): QuoteKind {
    const before = tokens[q.open - 1];
    const startsSentence = !before || before.block !== q.block || before.text === ':' || before.text === ',' || before.kind === 'quote' || tokens[q.open]!.sentence !== before.sentence;
    const lastT = tokens[q.last - 1]!;
    const endsPunct = lastT.kind === 'punct' && /[.,!?…]/.test(lastT.text);
    return startsSentence || endsPunct ? 'direct' : 'mixed';
  }
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

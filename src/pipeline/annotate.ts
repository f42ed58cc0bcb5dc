// The annotation pipeline: header -> blocks/paragraphs -> sentences/tokens -> entities and
// mentions -> quotes and attribution. Pure: text in, annotations out.

import { splitBlocks } from './blocks.js';
import { extractEntities } from './entities.js';
import { findAttributions } from './attribution/index.js';
import { detectHeader, type Layout } from './header.js';
import { normalizeForMatching } from './normalize.js';
import { utf16ToCodePoint } from './offsets.js';
import { assignQuoteRoles, splitSentences, tokenize, type Sentence, type Token } from './tokens.js';
import type { ArticleAnnotation, Block, EntityAnnotation, EntityType, MentionAnnotation, QuoteAnnotation, TextSpan } from './types.js';

export const PIPELINE_VERSION = '1.6.4';

export interface AnnotateOptions {
  layout?: Layout;
}

export function annotate(text: string, options: AnnotateOptions = {}): ArticleAnnotation {
  const layout = options.layout ?? 'auto';
  const norm = normalizeForMatching(text);
  const raw = splitBlocks(text);
  const header = detectHeader(raw, layout);
  const cp = utf16ToCodePoint(text);
  const span = (s: number, e: number): TextSpan => ({ start: cp(s), end: cp(e), text: text.slice(s, e) });

  // tokens and sentences per block
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const blockTokens: { first: number; last: number }[] = [];
  for (let b = 0; b < raw.length; b++) {
    const blk = raw[b]!;
    const first = tokens.length;
    tokenize(norm, blk.start, blk.end, b, tokens);
    const last = tokens.length;
    assignQuoteRoles(norm, tokens, first, last);
    splitSentences(tokens, first, last, b, sentences);
    blockTokens.push({ first, last });
  }

  const headlineBlocks = new Set<number>();
  if (header.headline >= 0) headlineBlocks.add(header.headline);
  const forced: { first: number; last: number; type: EntityType }[] = [];
  const tokenRange = (start: number, end: number, b: number): { first: number; last: number } | null => {
    const bt = blockTokens[b]!;
    let first = -1;
    let last = -1;
    for (let i = bt.first; i < bt.last; i++) {
      const t = tokens[i]!;
      if (t.start >= start && t.end <= end) {
        if (first < 0) first = i;
        last = i + 1;
      } else if (t.start >= end) break;
    }
    return first >= 0 ? { first, last } : null;
  };
  if (header.source >= 0) {
    const b = raw[header.source]!;
    const r = tokenRange(b.start, b.end, header.source);
    if (r) forced.push({ ...r, type: 'ORG' });
  }
  const dl = header.dateline;
  let dlBlock = -1;
  if (dl) {
    dlBlock = raw.findIndex((b) => b.start === dl.start);
    if (dlBlock >= 0 && dl.place) {
      const pStart = dl.start + dl.text.indexOf(dl.place);
      const r = tokenRange(pStart, pStart + dl.place.length, dlBlock);
      if (r) forced.push({ ...r, type: 'LOC' });
    }
    if (dlBlock >= 0 && dl.agency) {
      const aStart = dl.start + dl.text.indexOf(dl.agency, dl.place ? dl.place.length : 0);
      const r = tokenRange(aStart, aStart + dl.agency.length, dlBlock);
      if (r) forced.push({ ...r, type: 'ORG' });
    }
  }

  const ents = extractEntities({ text, tokens, sentences, headlineBlocks, forced });
  const rawQuotes = findAttributions({ text, tokens, sentences, blockTokens, headlineBlocks, ents });

  // ---- output in code points ----
  const blocks: Block[] = raw.map((b, k) => ({ ...span(b.start, b.end), role: header.roles[k]! }));
  const paragraphIndexOfBlock = new Int32Array(raw.length).fill(-1);
  const paragraphs: Block[] = [];
  blocks.forEach((b, k) => {
    if (b.role === 'standfirst' || b.role === 'body') {
      paragraphIndexOfBlock[k] = paragraphs.length;
      paragraphs.push(b);
    }
  });

  // only entities with at least one mention, keys in order of first mention
  const keyOf = new Map<number, string>();
  const entities: EntityAnnotation[] = [];
  const mentions: MentionAnnotation[] = [];
  for (const m of ents.mentions) {
    let key = keyOf.get(m.entity);
    if (key === undefined) {
      key = `e${entities.length}`;
      keyOf.set(m.entity, key);
      const en = ents.entities[m.entity]!;
      entities.push({ key, type: en.type, canonicalName: en.canonical, aliases: [], ...(en.type === 'PERSON' ? { gender: en.gender ?? 'unknown' } : {}) });
    }
    // written out rather than spread from span(): the spread costs more than the rest of this loop
    mentions.push({ start: cp(m.start), end: cp(m.end), text: text.slice(m.start, m.end), entityKey: key, kind: m.kind });
  }
  for (const [e, key] of keyOf) {
    const ea = entities[Number(key.slice(1))]!;
    ea.aliases = [...ents.entities[e]!.aliases];
  }

  const quotes: QuoteAnnotation[] = [];
  for (const q of rawQuotes) {
    const pIndex = headlineBlocks.has(q.block) ? -1 : paragraphIndexOfBlock[q.block]!;
    const viaEntityKey = q.viaEntity >= 0 && q.viaEntity !== q.speakerEntity ? (keyOf.get(q.viaEntity) ?? null) : null;
    const quote: QuoteAnnotation = {
      start: cp(q.start),
      end: cp(q.end),
      text: text.slice(q.start, q.end),
      kind: q.kind,
      paragraphIndex: pIndex,
      speakerEntityKey: q.speakerEntity >= 0 ? (keyOf.get(q.speakerEntity) ?? null) : null,
      speakerMentionIndex: q.speakerMention >= 0 ? q.speakerMention : null,
      speakerText: q.speakerEntity < 0 && q.speakerSpan ? span(q.speakerSpan.start, q.speakerSpan.end) : null,
      viaEntityKey,
      viaText: !viaEntityKey && q.viaSpan ? span(q.viaSpan.start, q.viaSpan.end) : null,
      cue: q.cue ? span(q.cue.start, q.cue.end) : null,
      rule: q.rule,
      confidence: q.confidence,
    };
    if (q.quoted.length) quote.quotedSpans = q.quoted.map((x) => span(x.start, x.end));
    quotes.push(quote);
  }

  return {
    pipelineVersion: PIPELINE_VERSION,
    header: {
      format: header.format,
      headline: header.headline >= 0 ? span(raw[header.headline]!.start, raw[header.headline]!.end) : null,
      source: header.source >= 0 ? span(raw[header.source]!.start, raw[header.source]!.end) : null,
      standfirst: header.standfirst >= 0 ? span(raw[header.standfirst]!.start, raw[header.standfirst]!.end) : null,
      dateline: dl ? { ...span(dl.start, dl.end), place: dl.place, agency: dl.agency } : null,
      byline: header.byline >= 0 ? span(raw[header.byline]!.start, raw[header.byline]!.end) : null,
    },
    blocks,
    paragraphs,
    entities,
    mentions,
    quotes,
  };
}

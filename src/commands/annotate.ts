// `annotate` command: JSON lines {"id","text"} in, one line of annotations per document out
// (code-point offsets; entity, speaker and via as canonical names; entities, quotes and
// attributions in the shape ../shared/eval/score.mjs reads as predictions).

import { createInterface } from 'node:readline';
import { annotate } from '../pipeline/annotate.js';
import type { ArticleAnnotation, EntityType, QuoteAnnotation, QuoteKind } from '../pipeline/types.js';

/** A speaker or source as the line gives it: its words, and the entity's name (or the same words). */
export interface LineSource {
  start: number;
  end: number;
  text: string;
  name: string;
}

export interface AnnotateLine {
  id: unknown;
  paragraphs: { start: number; end: number }[];
  /** Entity mentions in the scorer's three types (see scorerType). */
  entities: { start: number; end: number; type: 'PERSON' | 'ORG' | 'LOC'; kind: string; text: string; entity: string }[];
  /** Spans in quotation marks with their speaker: direct quotes, and the quoted parts of mixed ones. */
  quotes: { start: number; end: number; text: string; speaker: LineSource | null; via: string | null }[];
  /** Every attribution (direct, mixed and indirect) in the scorer's prediction format. */
  attributions: {
    content: { start: number; end: number; text: string };
    source: LineSource | null;
    cue: { start: number; end: number; text: string } | null;
    /** At least half of the content's words are in quotation marks. */
    direct: boolean;
    kind: QuoteKind;
    via: string | null;
    rule: string;
  }[];
}

/**
 * The scorer knows PERSON, ORG and LOC. A facility is a place there; nationalities and groups
 * (NORP), products, events, works and laws have no counterpart and are left out.
 */
export function scorerType(type: EntityType): 'PERSON' | 'ORG' | 'LOC' | null {
  if (type === 'PERSON' || type === 'ORG' || type === 'LOC') return type;
  return type === 'FAC' ? 'LOC' : null;
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordCount(s: string): number {
  return s.match(WORD)?.length ?? 0;
}

/** Converts one annotation to the command's output line. */
export function toAnnotateLine(id: unknown, a: ArticleAnnotation): AnnotateLine {
  const byKey = new Map(a.entities.map((e) => [e.key, e]));
  const sourceOf = (q: QuoteAnnotation): LineSource | null => {
    const m = q.speakerMentionIndex !== null ? a.mentions[q.speakerMentionIndex] : undefined;
    const e = q.speakerEntityKey ? byKey.get(q.speakerEntityKey) : undefined;
    if (m && e) return { start: m.start, end: m.end, text: m.text, name: e.canonicalName };
    // a source that is no entity ("analysts"): its words stand for its name
    if (q.speakerText) return { start: q.speakerText.start, end: q.speakerText.end, text: q.speakerText.text, name: q.speakerText.text };
    return null;
  };
  const viaOf = (q: QuoteAnnotation): string | null => (q.viaEntityKey ? (byKey.get(q.viaEntityKey)?.canonicalName ?? null) : (q.viaText?.text ?? null));
  const entities: AnnotateLine['entities'] = [];
  for (const m of a.mentions) {
    const e = byKey.get(m.entityKey)!;
    const type = scorerType(e.type);
    if (type) entities.push({ start: m.start, end: m.end, type, kind: m.kind, text: m.text, entity: e.canonicalName });
  }
  const quotes: AnnotateLine['quotes'] = [];
  const attributions: AnnotateLine['attributions'] = [];
  for (const q of a.quotes) {
    const speaker = sourceOf(q);
    const via = viaOf(q);
    // a transcript's answer after its speaker's label is verbatim but stands in no quotation marks
    const inMarks = q.kind === 'direct' && !q.rule.startsWith('transcript-label');
    const quoted = inMarks ? [q] : (q.quotedSpans ?? []);
    for (const x of quoted) quotes.push({ start: x.start, end: x.end, text: x.text, speaker, via });
    const quotedWords = quoted.reduce((n, x) => n + wordCount(x.text), 0);
    attributions.push({
      content: { start: q.start, end: q.end, text: q.text },
      source: speaker,
      cue: q.cue,
      direct: q.kind === 'direct' || (q.kind === 'mixed' && quotedWords * 2 >= wordCount(q.text)),
      kind: q.kind,
      via,
      rule: q.rule,
    });
  }
  return { id, paragraphs: a.paragraphs.map((p) => ({ start: p.start, end: p.end })), entities, quotes, attributions };
}

export async function runAnnotate(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let doc: { id?: unknown; text?: unknown };
    try {
      doc = JSON.parse(line) as { id?: unknown; text?: unknown };
    } catch {
      output.write(JSON.stringify({ id: null, error: 'invalid JSON line' }) + '\n');
      continue;
    }
    const text = typeof doc.text === 'string' ? doc.text.replace(/\r\n?/g, '\n') : '';
    const out = toAnnotateLine(doc.id ?? null, annotate(text));
    if (!output.write(JSON.stringify(out) + '\n')) {
      await new Promise<void>((resolve) => output.once('drain', () => resolve()));
    }
  }
}

// `annotate` command: JSON lines {"id","text"} in, one line of annotations per document out
// (code-point offsets; entity, speaker and via as canonical names).

import { createInterface } from 'node:readline';
import { annotate } from '../pipeline/annotate.js';
import type { ArticleAnnotation } from '../pipeline/types.js';

export interface AnnotateLine {
  id: unknown;
  paragraphs: { start: number; end: number }[];
  entities: { start: number; end: number; type: string; kind: string; text: string; entity: string }[];
  quotes: {
    start: number;
    end: number;
    text: string;
    speaker: { start: number; end: number; text: string; name: string } | null;
    via: string | null;
  }[];
}

/** Converts one annotation to the command's output line. */
export function toAnnotateLine(id: unknown, a: ArticleAnnotation): AnnotateLine {
  const byKey = new Map(a.entities.map((e) => [e.key, e]));
  return {
    id,
    paragraphs: a.paragraphs.map((p) => ({ start: p.start, end: p.end })),
    entities: a.mentions.map((m) => {
      const e = byKey.get(m.entityKey)!;
      return { start: m.start, end: m.end, type: e.type, kind: m.kind, text: m.text, entity: e.canonicalName };
    }),
    quotes: a.quotes.map((q) => {
      const m = q.speakerMentionIndex !== null ? a.mentions[q.speakerMentionIndex] : undefined;
      const e = q.speakerEntityKey ? byKey.get(q.speakerEntityKey) : undefined;
      let speaker = m && e ? { start: m.start, end: m.end, text: m.text, name: e.canonicalName } : null;
      // a speaker that is no entity ("one poster"): its words stand for its name
      if (!speaker && q.speakerText) speaker = { start: q.speakerText.start, end: q.speakerText.end, text: q.speakerText.text, name: q.speakerText.text };
      const via = q.viaEntityKey ? (byKey.get(q.viaEntityKey)?.canonicalName ?? null) : null;
      return { start: q.start, end: q.end, text: q.text, speaker, via };
    }),
  };
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

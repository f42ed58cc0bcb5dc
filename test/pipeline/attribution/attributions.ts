// Test helper: the attributions of a text, with names instead of keys.
import { annotate } from '../../../src/pipeline/annotate.js';

export interface Found {
  text: string;
  kind: string;
  /** The source's entity name, or the words of an unnamed source, or null. */
  source: string | null;
  /** The words that named the source here (a pronoun, a nominal, a name). */
  sourceWords: string | null;
  via: string | null;
  cue: string | null;
  rule: string;
  confidence: number;
  quoted: string[];
}

export function attributions(text: string): Found[] {
  const a = annotate(text);
  const byKey = new Map(a.entities.map((e) => [e.key, e]));
  return a.quotes.map((q) => ({
    text: q.text,
    kind: q.kind,
    source: q.speakerEntityKey ? byKey.get(q.speakerEntityKey)!.canonicalName : (q.speakerText?.text ?? null),
    sourceWords: q.speakerMentionIndex !== null ? a.mentions[q.speakerMentionIndex]!.text : (q.speakerText?.text ?? null),
    via: q.viaEntityKey ? byKey.get(q.viaEntityKey)!.canonicalName : (q.viaText?.text ?? null),
    cue: q.cue?.text ?? null,
    rule: q.rule,
    confidence: q.confidence,
    quoted: (q.quotedSpans ?? []).map((s) => s.text),
  }));
}

/** The one attribution whose content contains `words`. */
export function about(found: Found[], words: string): Found | undefined {
  return found.find((f) => f.text.includes(words));
}

// Runs the pipeline on a short invented passage and lists its mentions with their entity's type and name.
import type { Test } from 'tap';
import { annotate } from '../../../src/pipeline/annotate.js';

export function mentionsOf(text: string) {
  const a = annotate(text);
  const byKey = new Map(a.entities.map((e) => [e.key, e]));
  return a.mentions.map((m) => {
    const e = byKey.get(m.entityKey)!;
    return { text: m.text, kind: m.kind, type: e.type, name: e.canonicalName, key: m.entityKey, gender: e.gender };
  });
}

export type Listed = ReturnType<typeof mentionsOf>[number];

/** The type of the first mention with exactly this text, or undefined. */
export function typeOf(mentions: Listed[], text: string): string | undefined {
  return mentions.find((m) => m.text === text)?.type;
}

/** Asserts the type of each named mention at once: `{ name: type }`. */
export function expectTypes(t: Test, mentions: Listed[], expected: Record<string, string>): void {
  t.same(Object.fromEntries(Object.keys(expected).map((name) => [name, typeOf(mentions, name)])), expected);
}

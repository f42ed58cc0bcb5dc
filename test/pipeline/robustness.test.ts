// No input makes the pipeline throw or hang, and offsets stay correct in code points.
import fc from 'fast-check';
import t, { type Test } from 'tap';
import { annotate } from '../../src/pipeline/annotate.js';
import type { ArticleAnnotation, TextSpan } from '../../src/pipeline/types.js';

function cpSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

function checkSpans(t: Test, text: string, a: ArticleAnnotation): void {
  const n = [...text].length;
  const spans: TextSpan[] = [...a.blocks, ...a.mentions, ...a.quotes, ...a.quotes.flatMap((q) => (q.cue ? [q.cue] : []))];
  let bad = 0;
  for (const s of spans) {
    if (!(s.start >= 0 && s.end <= n && s.start <= s.end) || cpSlice(text, s.start, s.end) !== s.text) bad++;
  }
  t.equal(bad, 0, 'every span is in range and its text is the code-point slice of the input');
  for (const q of a.quotes) {
    if (q.speakerMentionIndex !== null) t.ok(a.mentions[q.speakerMentionIndex], 'the speaker mention exists');
    if (q.speakerEntityKey !== null) t.ok(a.entities.some((e) => e.key === q.speakerEntityKey), 'the speaker entity exists');
  }
  for (const m of a.mentions) if (!a.entities.some((e) => e.key === m.entityKey)) t.fail('mention without entity');
}

const timed = (text: string): { a: ArticleAnnotation; ms: number } => {
  const t0 = performance.now();
  const a = annotate(text);
  return { a, ms: performance.now() - t0 };
};

t.test('edge cases: empty, blank, only quotes, unbalanced quotes', async (t) => {
  for (const text of ['', ' ', '\n\n\n', '"', '""', '"""""', "''''", '"a" "b', '“unclosed', 'closed”', '"\n\n"\n\n"', '-- -- --', '...', 'A.B.C.D.']) {
    const { a } = timed(text);
    checkSpans(t, text, a);
  }
});

t.test('emoji and astral characters keep offsets in code points', async (t) => {
  const text = 'Party 🎉 news\n\n🎉 "Great day 😀," said Lina Park 👩‍🚀 in 𝔹erlin.\n\nShe left Paris 🇫🇷 at noon.';
  const { a } = timed(text);
  checkSpans(t, text, a);
  const q = a.quotes[0];
  t.equal(q?.text, 'Great day 😀,');
  t.ok(a.mentions.some((m) => m.text === 'Lina Park'));
});

t.test('mixed scripts do not break names or offsets', async (t) => {
  const text = 'Москва и Tokyo: 東京で "会議" があった, said Yuki Tanaka. Αθήνα ✓ مرحبا Ahmed.';
  const { a } = timed(text);
  checkSpans(t, text, a);
});

t.test('one megabyte of one word is handled in linear time', async (t) => {
  const word = 'Abracadabra';
  const big = (word + ' ').repeat(Math.ceil(1_000_000 / (word.length + 1)));
  const { a, ms } = timed(big);
  t.ok(ms < 10_000, `took ${Math.round(ms)} ms`);
  t.equal(a.paragraphs.length, 1);
  const single = 'x'.repeat(1_000_000);
  const r = timed(single);
  t.ok(r.ms < 5_000, `one 1 MB token took ${Math.round(r.ms)} ms`);
});

t.test('large pathological inputs stay fast: many quotes, names, pronouns, paragraphs', async (t) => {
  const cases = [
    '"a" \'b\' '.repeat(50_000),
    'Kim Lee said he met Lee. '.repeat(20_000),
    '"\n\n'.repeat(50_000),
    'The agency said "yes", the agency added. '.repeat(10_000),
    'He '.repeat(100_000),
    'A-B-C-D-E-F '.repeat(50_000),
    'U.S. '.repeat(100_000),
  ];
  for (const text of cases) {
    const { a, ms } = timed(text);
    t.ok(ms < 10_000, `${JSON.stringify(text.slice(0, 20))}... took ${Math.round(ms)} ms`);
    t.ok(a.paragraphs.length >= 0);
  }
});

t.test('random text never throws and spans stay consistent', async (t) => {
  const piece = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('"', '“', '”', "'", '‘', '’', '\n\n', '\n', ' ', '.', '...', '--', '—', 'Mr.', 'U.S.', ' said ', ' he ', 'The ', '\u00a0s ', '😀', '𝔸', 'Anna Berg', 'Paris', 'NATO', ':', ',', '(AP) -', 'LONDON'),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
      const text = parts.join('');
      const a = annotate(text);
      const n = [...text].length;
      for (const s of [...a.blocks, ...a.mentions, ...a.quotes]) {
        if (s.start < 0 || s.end > n || s.start > s.end) return false;
        if (cpSlice(text, s.start, s.end) !== s.text) return false;
      }
      return JSON.stringify(annotate(text)) === JSON.stringify(a);
    }),
    { numRuns: 400, seed: 20240501 },
  );
  t.pass('400 random texts annotated deterministically with consistent spans');
});

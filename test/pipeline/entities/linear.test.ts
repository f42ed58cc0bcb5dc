// The entity stages stay linear and bounded on a huge article of repeated names: no stage compares
// every name with every other, and no entity grows without limit. The time bound is a guard against
// quadratic work (which would take minutes here), not a speed target (bench:pipeline measures that).
import t from 'tap';
import { annotate } from '../../../src/pipeline/annotate.js';

const paragraph =
  'Ana Ruiz of the Norvale Water Board met Tomas Vell in Lisbon on Monday. Ruiz said the Harbour Act ' +
  'would pass, and Vell told the Board that he agreed with her. WAFA and the Acme Corp. board watched. ' +
  'The company said the Zendrix browser and the Vantor 9 would ship.\n\n';

t.test('one megabyte of repeated names: linear time, one entity per name, bounded aliases', async (t) => {
  const text = paragraph.repeat(Math.ceil(1_000_000 / paragraph.length));
  const t0 = performance.now();
  const a = annotate(text);
  const ms = performance.now() - t0;
  t.ok(ms < 30_000, `took ${Math.round(ms)} ms`);
  const names = new Set(a.entities.map((e) => e.canonicalName));
  t.ok(a.entities.length <= 20, `${a.entities.length} entities for a dozen names`);
  t.ok(names.has('Ana Ruiz') && names.has('Tomas Vell') && names.has('Lisbon'));
  t.ok(a.entities.every((e) => e.aliases.length <= 50), 'aliases are bounded');
  const perParagraph = a.mentions.length / Math.ceil(1_000_000 / paragraph.length);
  t.ok(perParagraph >= 10 && perParagraph <= 30, `${perParagraph.toFixed(1)} mentions a paragraph, as in one paragraph`);
});

t.test('the time grows with the length, not with its square', async (t) => {
  const run = (n: number): number => {
    const text = paragraph.repeat(n);
    const t0 = performance.now();
    annotate(text);
    return performance.now() - t0;
  };
  run(200); // warm-up
  const small = Math.min(run(400), run(400));
  const large = Math.min(run(1600), run(1600));
  // four times the text: about four times the time; a quadratic stage would take sixteen
  t.ok(large < small * 10, `400 paragraphs ${small.toFixed(0)} ms, 1600 paragraphs ${large.toFixed(0)} ms`);
});

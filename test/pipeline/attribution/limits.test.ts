// A long article full of quotations is annotated in one pass and gives a bounded number of
// attributions (the service stores each one as a row).
import t from 'tap';
import { annotate } from '../../../src/pipeline/annotate.js';
import { MAX_ATTRIBUTIONS_PER_ARTICLE } from '../../../src/pipeline/attribution/index.js';

t.test('one megabyte of short quoted sentences finishes and keeps at most the cap of attributions', async (t) => {
  const unit = '"We are ready," said Ilse Berger. Officials said the line would open in May. ';
  const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
  t.ok(text.length >= 1_000_000);
  const a = annotate(text);
  t.equal(a.quotes.length, MAX_ATTRIBUTIONS_PER_ARTICLE, 'the first attributions in text order, up to the cap');
  t.ok(
    a.quotes.every((q, i) => i === 0 || a.quotes[i - 1]!.start <= q.start),
    'in text order',
  );
  t.same(
    a.quotes.slice(0, 2).map((q) => [q.kind, q.text]),
    [
      ['direct', 'We are ready,'],
      ['indirect', 'the line would open in May.'],
    ],
  );
  t.ok(a.quotes.every((q) => text.slice(q.start, q.end) === q.text), 'spans point at their text (ASCII: code points are UTF-16 units)');
});

t.test('a paragraph of many quotations without cues keeps each one unattributed and stays bounded', async (t) => {
  const text = '"a" "b" '.repeat(100_000);
  const a = annotate(text);
  t.ok(a.quotes.length <= MAX_ATTRIBUTIONS_PER_ARTICLE);
});

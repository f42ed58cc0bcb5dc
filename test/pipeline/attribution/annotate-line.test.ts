// The annotate command's line in the scorer's prediction format: quotation-mark spans as quotes,
// every attribution with content, source, cue and direct, and entity types the scorer knows.
import t from 'tap';
import { scorerType, toAnnotateLine } from '../../../src/commands/annotate.js';
import { annotate } from '../../../src/pipeline/annotate.js';

const text = 'Ilse Berger said the depot had been "a mess for years". Officials said the line would open in May.\n\n"We are ready," said Ilse Berger.';

t.test('quotes are the spans in quotation marks, attributions every reported speech', async (t) => {
  const line = toAnnotateLine('d1', annotate(text));
  const cps = [...text];
  const slice = (s: { start: number; end: number }) => cps.slice(s.start, s.end).join('');
  t.same(
    line.quotes.map((q) => [slice(q), q.speaker?.name]),
    [
      ['a mess for years', 'Ilse Berger'],
      ['We are ready,', 'Ilse Berger'],
    ],
  );
  t.same(
    line.attributions.map((a) => [a.kind, a.direct, a.source?.name]),
    [
      ['mixed', true, 'Ilse Berger'], // four of its eight words are quoted: "direct" is at least half
      ['indirect', false, 'Officials'],
      ['direct', true, 'Ilse Berger'],
    ],
  );
  t.equal(slice(line.attributions[1]!.content), 'the line would open in May.');
  t.equal(slice(line.attributions[1]!.cue!), 'said');
});

t.test('entity types for the scorer: a facility is a place, types it lacks are left out', async (t) => {
  t.equal(scorerType('PERSON'), 'PERSON');
  t.equal(scorerType('ORG'), 'ORG');
  t.equal(scorerType('LOC'), 'LOC');
  t.equal(scorerType('FAC'), 'LOC');
  for (const type of ['NORP', 'PRODUCT', 'EVENT', 'WORK_OF_ART', 'LAW'] as const) t.equal(scorerType(type), null, type);
  const line = toAnnotateLine('d2', annotate(text));
  t.ok(line.entities.every((e) => ['PERSON', 'ORG', 'LOC'].includes(e.type)));
});

t.test("a transcript's answers are direct attributions but no quotes: they stand in no quotation marks", async (t) => {
  const transcript = 'Interview with the harbour master\n\nQ: When will the ferry sail again?\n\nVANDERMEER: We hope to sail on Friday.\n\nQ: And the fares?\n\nVANDERMEER: They will not change.\n\nThe port reopened, "at long last," Vandermeer said later.';
  const line = toAnnotateLine('d3', annotate(transcript));
  const cps = [...transcript];
  const slice = (s: { start: number; end: number }) => cps.slice(s.start, s.end).join('');
  const answers = line.attributions.filter((a) => a.rule?.startsWith('transcript-label'));
  t.ok(answers.length >= 2, 'the answers are attributed to their speaker');
  t.ok(answers.every((a) => a.kind === 'direct' && a.direct));
  t.same(line.quotes.map(slice), ['at long last,'], 'only the words in quotation marks are quotes');
});

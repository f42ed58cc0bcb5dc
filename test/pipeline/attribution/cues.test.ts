// Cues are recognised from syntax, not from a list of verbs: any verb whose complement is a "that"
// clause or a quotation reports its subject's words; nouns made from reporting verbs carry
// messages too; belief, perception and findings count. Verbs that only look similar do not.
// The passages are invented for these tests.
import t from 'tap';
import { attributions } from './attributions.js';

t.test('verbs no list holds are cues by their complement', async (t) => {
  const cases: [string, string, string][] = [
    ['"We were ready," interjected Tomas Lind.', 'interjected', 'Tomas Lind'],
    ['Carla Ruiz groused that the clinic was too small.', 'groused', 'Carla Ruiz'],
    ['Tomas Lind insinuated that the vote had been rigged.', 'insinuated', 'Tomas Lind'],
    ['Governor Ada Ellis upbraided the board: "You have failed these families."', 'upbraided', 'Ada Ellis'],
    ['Ada Ellis referred to her as "the architect of the deal".', 'referred', 'Ada Ellis'],
    ['"It is over," Carla Ruiz sighed.', 'sighed', 'Carla Ruiz'],
  ];
  for (const [text, cue, source] of cases) {
    const [a] = attributions(text);
    t.equal(a?.cue, cue, text);
    t.equal(a?.source, source, text);
  }
});

t.test('nouns made from reporting verbs: "allegations of", "her claim that", "came to the conclusion that"', async (t) => {
  const [a] = attributions('The lawsuit repeated allegations of fraud against the firm.');
  t.equal(a!.cue, 'allegations');
  t.equal(a!.text, 'fraud');
  t.equal(a!.source, 'The lawsuit');
  const [b] = attributions('Her claim that the vote was rigged was rejected.');
  t.equal(b!.cue, 'claim');
  t.equal(b!.text, 'the vote was rigged');
  const [c] = attributions('After a long review, Carla Ruiz came to the conclusion that the records were false.');
  t.equal(c!.text, 'the records were false.');
  t.equal(c!.source, 'Carla Ruiz');
});

t.test('belief, perception and findings are attributions too', async (t) => {
  const cases: [string, string, string][] = [
    ['Officers believe the driver fell asleep.', 'believe', 'the driver fell asleep.'],
    ['Figures from the statistics office show that exports fell.', 'show', 'exports fell.'],
    ['The inspectors found that the wiring was unsafe.', 'found', 'the wiring was unsafe.'],
    ['A teacher wrongly thought the device was a bomb.', 'thought', 'the device was a bomb.'],
  ];
  for (const [text, cue, content] of cases) {
    const [a] = attributions(text);
    t.equal(a?.cue, cue, text);
    t.equal(a?.text, content, text);
  }
});

t.test('verbs with "that" that report nothing are no cues', async (t) => {
  for (const text of [
    'The council approved the plan that the mayor proposed.',
    'The engineers ensured that the bridge was safe.',
    'It seems that the tide has turned.',
    'The storm was so strong that the pier collapsed.',
    'The rain fell so heavily that the river burst its banks.',
    'The crew ran fast enough that nobody caught them.',
    'The delay means that the line will open late.',
  ]) {
    t.same(attributions(text), [], text);
  }
});

t.test('a quotation that only modifies a noun or names a work is nobody\'s speech', async (t) => {
  t.same(attributions('Museum shows \'lost\' paintings\n\nThe museum opened a new wing on Friday.'), []);
  t.same(attributions('The band played its hit "Northern Lights" twice.'), []);
  t.same(attributions('Critics wrote about the film "Blue Harbour" for weeks.'), []);
});

t.test('every attribution explains itself: a cue, a rule and a confidence', async (t) => {
  for (const a of attributions('"We are ready," said Ilse Berger. Officials believe the line will open in May.')) {
    t.ok(a.cue, 'a cue');
    t.match(a.rule, /^[a-z-]+$/);
    t.ok(a.confidence > 0 && a.confidence < 1);
  }
});

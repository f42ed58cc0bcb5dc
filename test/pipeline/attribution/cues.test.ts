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

t.test('a stance after "be" is a cue: "are concerned the law will change", "was confident that ..."', async (t) => {
  const [a] = attributions('Several teachers unions are concerned the government will change the law.');
  t.equal(a!.cue, 'concerned');
  t.equal(a!.source, 'Several teachers unions');
  t.equal(a!.text, 'the government will change the law.');
  const [b] = attributions('Ilse Berger was confident that the vote would pass.');
  t.equal(b!.source, 'Ilse Berger');
  t.same(attributions('It is clear that the plan failed.'), [], '"it" names no source');
  t.same(attributions('Ilse Berger is sure to win.'), []);
});

t.test('verbs the tagger reads as nouns after their subject: "the agency notes, \'...\'", "findings show ..."', async (t) => {
  const [a] = attributions('The Department of Agriculture notes, "Ozone harms crops more than any other pollutant."');
  t.equal(a!.cue, 'notes');
  t.equal(a!.kind, 'direct');
  const found = attributions('Carla Ruiz noted the findings show pollution control also matters.');
  t.ok(found.some((f) => f.cue === 'show' && f.source === 'the findings'));
  t.same(attributions('Local officials, "tired of waiting," walked out.').filter((f) => f.cue === 'officials'), []);
});

t.test('after an insert set off by commas, a reporting -s form before "that" is the verb of the phrase before it', async (t) => {
  const [report] = attributions("The report, by the state auditor's office, estimates that the repairs will cost $40 million.");
  t.equal(report!.cue, 'estimates');
  t.equal(report!.source, 'The report', 'the subject before the insert, not none');
  t.equal(report!.text, 'the repairs will cost $40 million.');
  const [agency] = attributions('The agency, in a filing on Monday, claims that the merger would raise prices.');
  t.equal(agency!.source, 'The agency');
  const [governor] = attributions('Governor Lena Marsh, speaking in Albany on Tuesday, insists that the budget is balanced.');
  t.equal(governor!.source, 'Lena Marsh', 'a named subject is the entity');
  t.equal(governor!.cue, 'insists');
  // a plural noun after one comma only, or one that opens no clause, stays a noun
  t.notOk(attributions('After the vote, claims that the count was rigged spread online.').some((f) => f.cue === 'claims' && f.source !== null));
  t.notOk(attributions('The union, which represents 4,000 nurses, says claims that were filed in March were lost.').some((f) => f.cue === 'claims'));
});

t.test('an -ing form after a preposition is a noun, not a cue: "barred from claiming asylum"', async (t) => {
  t.same(attributions('New rules bar migrants from claiming asylum after a crossing.'), []);
});

t.test('content clauses with a gerund subject, long prepositional modifiers or a fronted phrase', async (t) => {
  t.equal(attributions('Doctors say adding iodine to salt is the simplest remedy.')[0]!.text, 'adding iodine to salt is the simplest remedy.');
  t.equal(attributions('The scientists found losses of crop yields by 2050 exceeded a tenth.')[0]!.text, 'losses of crop yields by 2050 exceeded a tenth.');
  t.equal(attributions('They estimated by 2050, rising population would double demand.')[0]!.text, 'by 2050, rising population would double demand.');
});

t.test('words after a colon are a report only after a verb of speech', async (t) => {
  t.same(attributions('The study focuses on one question: ozone rises with heat.'), []);
  t.equal(attributions('The minister explained: costs had risen.')[0]!.text, 'costs had risen.');
});

t.test('"questioned whether", "signaled", "hinted" report what their subject said or doubted', async (t) => {
  const [a] = attributions('Several auditors have questioned whether the new levy will cover the shortfall.');
  t.equal(a!.text, 'whether the new levy will cover the shortfall.');
  t.equal(a!.source, 'Several auditors');
  const [b] = attributions('The harbour master has signalled he could accept a shorter season.');
  t.equal(b!.text, 'he could accept a shorter season.');
  t.equal(b!.cue, 'signalled');
  const [d] = attributions('The coach hinted the veteran striker would start on Sunday.');
  t.equal(d!.text, 'the veteran striker would start on Sunday.');
});

t.test('a participle with a time after the cue\'s phrase modifies its noun: "argued in a motion filed Friday that ..."', async (t) => {
  const found = attributions('Attorneys for the ferry operator argued in a motion filed Friday that the fine was excessive.');
  t.equal(found.length, 1);
  t.equal(found[0]!.cue, 'argued');
  t.equal(found[0]!.text, 'the fine was excessive.');
  t.equal(found[0]!.source, 'Attorneys for the ferry operator');
});

t.test('a quotation right after a verb of thought or finding is its object, quoted from someone else: had shown "real grit"', async (t) => {
  const found = attributions('The manager said her riders had shown "real grit" on the final climb.');
  t.equal(found.length, 1);
  t.equal(found[0]!.cue, 'said');
  t.equal(found[0]!.kind, 'mixed');
  t.same(attributions('The riders have found "a second wind" this spring.').filter((a) => a.cue === 'found'), []);
  // a document's findings are its own words
  const [a] = attributions('The inspection report found "serious lapses" in record keeping.');
  t.equal(a!.source, 'The inspection report');
});

// A view or a statement the speaker reports in the first person inside a quotation ('"I think we
// have learned a lot," the coach said'): its own attribution, nested in the quotation, with the
// quotation's source. The passages are invented for these tests.
import t from 'tap';
import { attributions } from './attributions.js';

t.test('"I think <clause>" inside a quotation is the quotation\'s source reporting a view', async (t) => {
  const found = attributions('"I think we have learned a lot from this defeat," coach Ilse Berger said after the match.');
  const outer = found.find((f) => f.cue === 'said');
  const nested = found.find((f) => f.rule === 'first-person-in-quotation');
  t.equal(outer?.text, 'I think we have learned a lot from this defeat,', 'the quotation is kept whole');
  t.equal(nested?.text, 'we have learned a lot from this defeat,');
  t.equal(nested?.source, 'Ilse Berger', 'the "I" is the quotation\'s speaker');
  t.equal(nested?.cue, 'think');
  t.equal(nested?.kind, 'direct', 'its words are quoted words');
});

t.test('the nested content ends with the sentence, or where a comma opens a clause of its own', async (t) => {
  const spliced = attributions('"I suspect they will not do it on their own, we have asked them for years," said Tomas Vik, the minister.');
  t.equal(spliced.find((f) => f.rule === 'first-person-in-quotation')?.text, 'they will not do it on their own,');
  const twoSentences = attributions('Marta Kowal said: "I really believe the plan will fail. We must act now."');
  const nested = twoSentences.find((f) => f.rule === 'first-person-in-quotation');
  t.equal(nested?.text, 'the plan will fail.');
  t.equal(nested?.cue, 'believe');
  t.equal(nested?.source, 'Marta Kowal');
});

t.test('"I" with no clause after the verb, or outside a quotation, gives no nested attribution', async (t) => {
  for (const text of [
    '"I think so," Marta Kowal said.',
    '"I hope to win. I believe in this team," Marta Kowal said.',
    '"I fear for them," Marta Kowal said.',
    '"If I think about it, that is all," Marta Kowal said.',
  ]) {
    t.notOk(attributions(text).some((f) => f.rule === 'first-person-in-quotation'), text);
  }
});

t.test('"I told them (that) <clause>" inside a quotation: what the speaker told others', async (t) => {
  const pronoun = attributions('"At the break I told them that nothing had changed, that we were still the better side," said coach Ilse Berger.');
  const told = pronoun.find((f) => f.rule === 'first-person-in-quotation');
  t.equal(told?.cue, 'told');
  t.equal(told?.text, 'nothing had changed, that we were still the better side,');
  t.equal(told?.source, 'Ilse Berger');
  const longer = attributions('"I warned the council members that the bridge would not last," engineer Pavel Novak said on Monday.');
  const warned = longer.find((f) => f.rule === 'first-person-in-quotation');
  t.equal(warned?.cue, 'warned');
  t.equal(warned?.text, 'the bridge would not last,');
  t.equal(warned?.source, 'Pavel Novak');
});

t.test('"we" with a verb of thinking speaks for the speaker\'s side', async (t) => {
  const found = attributions('"We believe the new rules will cost jobs," said Ana Ruiz, who chairs the growers\' union.');
  const nested = found.find((f) => f.rule === 'first-person-in-quotation');
  t.equal(nested?.cue, 'believe');
  t.equal(nested?.text, 'the new rules will cost jobs,');
  t.equal(nested?.source, 'Ana Ruiz');
});

t.test('telling with no clause, or a view supposed or asked about, gives no nested attribution', async (t) => {
  for (const text of [
    '"I told you so," Marta Kowal said.',
    '"I told them to leave before dark," Marta Kowal said.',
    '"I warned the council about it," Marta Kowal said.',
    '"If we think the plan will fail, we should say so," Marta Kowal said.',
    '"Do we believe the numbers are right? Not yet," Marta Kowal said.',
  ]) {
    t.notOk(attributions(text).some((f) => f.rule === 'first-person-in-quotation'), text);
  }
});

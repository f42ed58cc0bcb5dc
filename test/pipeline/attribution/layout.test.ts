// Attribution across the shapes news comes in: UK single quotation marks, interview transcripts
// ("NAME: answer"), Title Case headlines, "X: ..." headlines, names in capitals. The passages are
// invented for these tests.
import t from 'tap';
import { attributions } from './attributions.js';

t.test('UK style: single quotation marks are the quotation marks of an article that has no double ones', async (t) => {
  const found = attributions("Ilse Berger said: 'The trams are ready.'\n\n'We open on Monday,' she added, 'and the fares will be low.'");
  t.same(
    found.map((f) => [f.kind, f.text, f.source]),
    [
      ['direct', 'The trams are ready.', 'Ilse Berger'],
      ['direct', 'We open on Monday,', 'Ilse Berger'],
      ['direct', 'and the fares will be low.', 'Ilse Berger'],
    ],
  );
});

t.test('an apostrophe is not a quotation mark, whatever the style', async (t) => {
  const [a] = attributions("Norvik Shipping Ltd.'s statement said the ferry's engine had failed.");
  t.equal(a!.kind, 'indirect');
  t.equal(a!.source, 'Norvik Shipping Ltd.');
});

t.test('a transcript: each "LABEL: answer" paragraph is the labelled speaker\'s own words', async (t) => {
  const found = attributions(
    'Ilse Berger spoke to us about the new line.\n\nQ: When will it open?\n\nILSE BERGER: In May, if the weather holds.\n\nQ: And the cost?\n\nILSE BERGER: Within budget, as promised.',
  );
  const answers = found.filter((f) => f.cue === 'ILSE BERGER:');
  t.same(
    answers.map((f) => f.text),
    ['In May, if the weather holds.', 'Within budget, as promised.'],
  );
  t.ok(answers.every((f) => f.kind === 'direct' && f.rule.startsWith('transcript-label')));
  t.same(
    found.filter((f) => f.cue === 'Q:').map((f) => f.text),
    ['When will it open?', 'And the cost?'],
  );
});

t.test('one "Label: text" paragraph alone is no transcript', async (t) => {
  t.same(attributions('Update: the road has reopened.\n\nTraffic is flowing again.'), []);
});

t.test('a Title Case headline is read like running text', async (t) => {
  const found = attributions(
    'Transport Minister Says Tram Line Will Open In May\n\nTransport minister Ilse Berger said on Tuesday that the line would open in May.',
  );
  const headline = found.find((f) => f.cue === 'Says');
  t.equal(headline?.text, 'Tram Line Will Open In May');
  t.equal(headline?.source, 'Ilse Berger');
});

t.test('"X: ..." and "X to Y: ..." headlines give the line to X', async (t) => {
  const [a] = attributions('Berger: trams will run on time\n\nTransport minister Ilse Berger said on Tuesday that the line would open in May.');
  t.equal(a!.text, 'trams will run on time');
  t.equal(a!.source, 'Ilse Berger');
  const [b] = attributions("Berger to unions: 'the trams will run'\n\nTransport minister Ilse Berger met union leaders on Tuesday.");
  t.equal(b!.source, 'Ilse Berger');
  t.equal(b!.kind, 'direct');
});

t.test('a headline label of titles and a name gives the line to that person', async (t) => {
  const [a] = attributions('Mayor Lena Ortiz: "We will not raise taxes"\n\nLena Ortiz spoke at city hall on Monday.');
  t.equal(a?.source, 'Lena Ortiz');
  t.equal(a?.text, 'We will not raise taxes');
  const found = attributions('Harbour Road: "closed until May"\n\nThe road was flooded on Monday.');
  t.notOk(found.some((f) => f.cue === 'Harbour Road:'), 'a place before the colon names no speaker');
});

t.test('a name in capitals in running text is a speaker like any other', async (t) => {
  const [a] = attributions('HARBOUR CITY (Reuters) - ILSE BERGER, the transport minister, said on Tuesday that the line would open in May.');
  t.equal(a!.source, 'Ilse Berger');
  t.equal(a!.text, 'the line would open in May.');
});

t.test('a quotation opening the next paragraph after "X wrote:" is X\'s', async (t) => {
  const [a] = attributions('Ilse Berger wrote on her blog:\n\n"The results speak for themselves."');
  t.equal(a!.source, 'Ilse Berger');
  t.equal(a!.kind, 'direct');
});

t.test('a quotation in a Title Case headline takes the speaker of the same words in the body', async (t) => {
  const found = attributions('Mayor Vows To "Fight On" After Vote\n\nMayor Ana Ruiz said on Monday she would "fight on".');
  const headline = found.find((f) => f.text === 'Fight On');
  t.equal(headline?.source, 'Ana Ruiz');
  const body = found.find((f) => f.kind === 'mixed');
  t.equal(body?.text, 'she would "fight on".', 'a pronoun after "on Monday" starts the content');
});

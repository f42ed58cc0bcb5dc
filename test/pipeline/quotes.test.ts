import t from 'tap';
import { attributions } from './attribution/attributions.js';

// the attributions of a text under the names these tests were written with
function quotes(text: string) {
  return attributions(text).map((a) => ({ ...a, speaker: a.source, mention: a.sourceWords }));
}

t.test('a quote followed by "X said" is attributed to X; the span excludes the marks', async (t) => {
  const [q] = quotes('"The bridge will reopen in June," Laura Finch said.');
  t.equal(q!.text, 'The bridge will reopen in June,');
  t.equal(q!.speaker, 'Laura Finch');
  t.equal(q!.cue, 'said');
  t.ok(q!.confidence > 0.5);
  t.equal(q!.kind, 'direct');
});

t.test('inverted cues with an apposition: "said X, a professor at ..."', async (t) => {
  const [q] = quotes('"Prices will keep rising," said Omar Haddad, a professor at the University of Lyon.');
  t.equal(q!.speaker, 'Omar Haddad');
});

t.test('curly quotes and a cue before the quote', async (t) => {
  const [q] = quotes('Ines Caro told reporters: \u201cWe will not give up.\u201d');
  t.equal(q!.text, 'We will not give up.');
  t.equal(q!.speaker, 'Ines Caro');
});

t.test('"according to X"', async (t) => {
  const [q] = quotes('According to Bruno Weiss, the plan was "a serious mistake".');
  t.equal(q!.speaker, 'Bruno Weiss');
  t.equal(q!.kind, 'mixed');
});

t.test('a pronoun speaker resolves to the person named before', async (t) => {
  const qs = quotes('Anika Rao spoke first. She warned that costs "could double by next year".');
  t.equal(qs[0]!.speaker, 'Anika Rao');
  t.equal(qs[0]!.mention, 'She', 'the mention is the pronoun that names the speaker here');
});

t.test('relayed speech: "X quoted Y as saying" gives speaker Y via X', async (t) => {
  const text = 'Felix Moreau met the staff of the Northern Weather Service. "We are ready for the storm," the Northern Weather Service quoted Moreau as saying.';
  const qs = quotes(text);
  t.equal(qs[0]!.speaker, 'Felix Moreau');
  t.equal(qs[0]!.via, 'Northern Weather Service');
  t.equal(qs[0]!.rule, 'relayed-quote');
});

t.test('an organisation reporting a person\'s words is the via, the person the speaker', async (t) => {
  const text = 'Lena Voss said "the border will stay open", the Baltic News Agency said.';
  const [q] = quotes(text);
  t.equal(q!.speaker, 'Lena Voss');
  t.equal(q!.via, 'Baltic News Agency');
});

t.test('a paragraph-long quote without a cue continues the previous speaker', async (t) => {
  const text = '"We lost the first match," said Pablo Ferrer.\n\n"We will win the next one."';
  const qs = quotes(text);
  t.equal(qs.length, 2);
  t.equal(qs[1]!.speaker, 'Pablo Ferrer');
  t.equal(qs[1]!.rule, 'continues-previous-speaker');
});

t.test('a quote left open at the end of a paragraph continues in the next one', async (t) => {
  const text = 'Greta Lind said: "The first part is done.\n\n"The second part starts now."';
  const qs = quotes(text);
  t.equal(qs.length, 2);
  t.equal(qs[0]!.text, 'The first part is done.');
  t.equal(qs[1]!.speaker, 'Greta Lind');
});

t.test('a speaker that is no named entity is kept as words', async (t) => {
  const [q] = quotes('One witness wrote that "the sky turned green".');
  t.equal(q!.speaker, 'One witness');
  t.equal(q!.rule, 'cue-before-unnamed');
});

t.test('a headline quote takes the speaker of the same words in the body', async (t) => {
  const text = "Mayor slams 'reckless' plan\n\nCITYVILLE (AP) - Mayor Dora Quist called the plan \"reckless\" on Monday.\n\nShe spoke at city hall.";
  const qs = quotes(text);
  const h = qs.find((q) => q.rule === 'headline-same-words');
  t.ok(h);
  t.equal(h!.speaker, 'Dora Quist');
});

t.test('quotes with no speaker in reach are kept, unattributed; a quoted title is not a quote', async (t) => {
  const [q] = quotes('The words "never again" were painted on the wall.');
  t.equal(q!.text, 'never again');
  t.equal(q!.speaker, null);
  t.same(quotes('The film "Blue Harbour" opened on Friday.'), []);
});

t.test('single quotes in a headline without a speaker are not reported', async (t) => {
  const qs = quotes("Museum shows 'lost' paintings\n\nThe museum opened a new wing.");
  t.same(qs, []);
});

t.test('a participle cue after a comma gives the subject of the main clause', async (t) => {
  const [q] = quotes('The head of the Harbour Authority, Nina Kowalski, resigned on Monday, saying the failures were "unacceptable".');
  t.equal(q!.speaker, 'Nina Kowalski');
  t.equal(q!.rule, 'participle-main-subject');
});

t.test('a quote introduced by a colon at the end of the previous paragraph', async (t) => {
  const qs = quotes('Victor Hale wrote on his blog:\n\n"The results speak for themselves."');
  t.equal(qs[0]!.speaker, 'Victor Hale');
});

t.test('a dash after the quote names the speaker', async (t) => {
  const qs = quotes('"Simplicity is hard." - Irene Novak');
  t.equal(qs[0]!.speaker, 'Irene Novak');
  t.equal(qs[0]!.rule, 'dash-after-quote');
});

t.test('"was quoted as saying": the subject of "quoted" is the speaker', async (t) => {
  const [q] = quotes('Omar Said, head of the Delta Trust, was quoted as saying "the river is dying".');
  t.equal(q!.speaker, 'Omar Said');
});

t.test('a quote without a cue takes the speaker named with a speech verb in the sentence before', async (t) => {
  const qs = quotes('Rosa Lind added that funding had been cut. "We cannot monitor anything anymore."');
  const q = qs.find((x) => x.kind === 'direct');
  t.equal(q!.speaker, 'Rosa Lind');
  t.equal(q!.rule, 'previous-sentence-cue');
});

t.test('single quotes in the body count as speech only when a named speaker is found', async (t) => {
  const qs = quotes("The plan would clear the 'legacy backlog' by June.\n\n'We are ready,' Maya Okafor said.");
  t.same(qs.map((q) => q.text), ['We are ready,']);
  t.equal(qs[0]!.speaker, 'Maya Okafor');
});

t.test('a headline quote with a cue in the headline itself', async (t) => {
  const qs = quotes("Mayor says budget 'unfair'\n\nMayor Lena Ortiz spoke on Friday about the city budget.");
  t.equal(qs.length, 1);
  t.equal(qs[0]!.text, 'unfair');
  t.equal(qs[0]!.speaker, 'Lena Ortiz');
});

t.test('a quotation ending in "!" or "?" stays in one sentence with the cue after it', async (t) => {
  const qs = quotes('"Shut it down!" Marta Vidal wrote. "Why now?" asked Leo Brandt.');
  t.equal(qs[0]!.speaker, 'Marta Vidal');
  t.equal(qs[1]!.speaker, 'Leo Brandt');
});

t.test('a quoted name or title is not speech: the sentence around it is reported, without quoted words', async (t) => {
  const qs = quotes('Ines Moreau joined a group called "Night Owls" and read the book "Silent Rivers", she said.');
  t.equal(qs.length, 1);
  t.equal(qs[0]!.kind, 'indirect');
  t.equal(qs[0]!.speaker, 'Ines Moreau');
});

t.test('a first paragraph that is a quoted sentence is not a headline', async (t) => {
  const qs = quotes('"Prices will fall," says Laura Jensen, an economist at Nordbank. "But not soon."\n\nJensen\'s view is shared by others.');
  t.equal(qs.length, 2);
  t.equal(qs[0]!.speaker, 'Laura Jensen');
  t.equal(qs[1]!.speaker, 'Laura Jensen');
});

t.test('an unnamed subject before an inserted phrase: "The central bank, for its part, said ..."', async (t) => {
  const [q] = quotes('The central bank, for its part, said in a statement that it would "act decisively" if needed.');
  t.equal(q!.speaker, 'The central bank');
});

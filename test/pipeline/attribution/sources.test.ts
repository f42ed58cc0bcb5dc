// Who the source is: a person or organisation named, resolved from a pronoun or a nominal, or a
// source that names no entity (a report, a survey, officials). Never a time word, an adverb or an
// object of the cue. The passages are invented for these tests.
import t, { type Test } from 'tap';
import { attributions } from './attributions.js';

t.test('documents and findings are sources in their own words: report, survey, study, filing', async (t) => {
  const cases: [string, string][] = [
    ['A survey of 2,000 households found that most families had cut spending.', 'A survey of 2,000 households'],
    ['The study concluded that the river was safe for swimming.', 'The study'],
    ['A court filing showed that the firm had large debts.', 'A court filing'],
    ['The report said the dam needed repairs.', 'The report'],
  ];
  for (const [text, source] of cases) {
    const [a] = attributions(text);
    t.equal(a?.source, source, text);
    t.equal(a?.kind, 'indirect', text);
  }
});

t.test('"\'...,\' according to the report": a quotation attributed to a document after it', async (t) => {
  const [a] = attributions('"The numbers do not add up," according to the report.');
  t.equal(a!.kind, 'direct');
  t.equal(a!.text, 'The numbers do not add up,');
  t.equal(a!.source, 'the report');
});

t.test('unnamed people are sources as words: officials, analysts, a spokesman, state media', async (t) => {
  t.equal(attributions('Officials said the road would reopen on Sunday.')[0]!.source, 'Officials');
  t.equal(attributions('Analysts say the merger could fail.')[0]!.source, 'Analysts');
  t.equal(attributions('"The ship is safe," a spokesman for the port said.')[0]!.source, 'a spokesman for the port');
  t.equal(attributions('The talks ended without a deal, state media reported.')[0]!.source, 'state media');
});

t.test('time words and adverbs are never sources', async (t) => {
  const texts = [
    'Friday morning the harbour authority announced that ships would be diverted.',
    '"We are ready," Ilse Berger said quietly.',
    'On Tuesday, officials said the road was closed.',
    'The mayor last week said the budget was balanced.',
    'Norvik Shipping Ltd. said Friday that the ferry would not sail.',
  ];
  for (const text of texts) {
    const found = attributions(text);
    t.equal(found.length, 1, text);
    t.notMatch(found[0]!.sourceWords ?? '', /friday|morning|tuesday|week|quietly/i, text);
  }
});

t.test('two verbs share one subject: "X denounced ... and said, \'...\'"', async (t) => {
  const [a] = attributions('Senator Ruth Okafor denounced the ruling and said, "This is a dark day for the state."');
  t.equal(a!.source, 'Ruth Okafor');
  t.equal(a!.kind, 'direct');
  t.equal(a!.cue, 'said');
});

t.test('the speaker before a long apposition', async (t) => {
  const [a] = attributions(
    'Daniel Brandt, the former head of the northern division of the port authority who was dismissed in 2019 after a long dispute over pay, said the audit was wrong.',
  );
  t.equal(a!.source, 'Daniel Brandt');
  t.equal(a!.text, 'the audit was wrong.');
});

t.test('a pronoun or a nominal subject resolves to the person it stands for', async (t) => {
  const [a] = attributions('Ilse Berger spoke at the depot. She said the trams were ready.');
  t.equal(a!.source, 'Ilse Berger');
  t.equal(a!.sourceWords, 'She');
  const [b] = attributions('Transport minister Ilse Berger visited the depot. The minister said the trams were ready.');
  t.equal(b!.source, 'Ilse Berger');
});

t.test('an object of the cue is never its source', async (t) => {
  t.equal(attributions('The council thanked Ilse Berger, saying the depot was ready.')[0]!.source, 'The council');
  t.equal(attributions('Pavel Novak warned Ilse Berger that the budget was gone.')[0]!.source, 'Pavel Novak');
  t.equal(attributions('Ilse Berger was told by the engineers that the bridge was safe.')[0]!.source, 'the engineers');
});

t.test('"X quoted Y as saying": Y speaks, X relays', async (t) => {
  const [a] = attributions('The Baltic News Agency quoted Pavel Novak as saying that the port would close.');
  t.equal(a!.source, 'Pavel Novak');
  t.equal(a!.via, 'Baltic News Agency');
  t.equal(a!.text, 'the port would close.');
});

t.test('the subject is the noun a clause modifies, not the object inside that clause', async (t) => {
  t.equal(attributions('Voters who backed the measure hope that it will lower rents.')[0]!.source, 'Voters');
  t.equal(attributions('Documents seen by reporters show that the firm paid no tax.')[0]!.source, 'Documents');
});

t.test('a message as subject reports with any verb: "the letter reads \'...\'"', async (t) => {
  const [a] = attributions('A leaked letter from the ministry reads "we may extend the scheme to other claimants".');
  t.equal(a!.source, 'A leaked letter from the ministry');
  t.equal(a!.kind, 'direct');
});

t.test('"according to people familiar with the matter": people, though the tagger reads "to people" as a verb', async (t) => {
  const [a] = attributions('The company plans to cut 500 jobs, according to people familiar with the matter.');
  t.equal(a!.text, 'The company plans to cut 500 jobs');
  t.match(a!.source, /^people/);
});

t.test('a pronoun no entity stands for takes the unnamed source of the attribution before', async (t) => {
  const found = attributions('Officials said the road would reopen on Sunday. They added that repairs would cost $2 million.');
  t.same(found.map((f) => f.source), ['Officials', 'Officials']);
  const spokesman = attributions('A spokesman for the port said the ship was safe. He added that no one had been hurt.');
  t.same(spokesman.map((f) => f.source), ['A spokesman for the port', 'A spokesman for the port']);
  t.match(spokesman[1]!.rule, /-pronoun$/);
});

t.test('a quotation standing alone after a sentence that opens with a person is that person\'s', async (t) => {
  const [a] = attributions('Ilse Berger was blunt. "We lost."');
  t.equal(a!.source, 'Ilse Berger');
  t.equal(a!.rule, 'previous-sentence-subject');
  t.equal(attributions('The crowd grew restless. "We want answers."')[0]!.source, null);
});

t.test('a paragraph that a quotation opens, with no cue near, is the words of the person the paragraph before ended on', async (t) => {
  for (const intro of ['Opposition leader Henrik Dahl attacked the plan on Monday.', 'The opposition leader, Henrik Dahl, was scathing.']) {
    const [a] = attributions(`${intro}\n\n"It is a tax on working families, and the prime minister knows it."`);
    t.equal(a!.source, 'Henrik Dahl', intro);
    t.equal(a!.rule, 'previous-paragraph-subject');
  }
  for (const intro of [
    'Henrik Dahl was arrested in May.',
    'The plan was attacked by the opposition.',
    'Henrik Dahl said the plan was "a tax".',
  ]) {
    const found = attributions(`${intro}\n\n"It is a tax on working families, and the prime minister knows it."`);
    t.notOk(found.some((f) => f.rule === 'previous-paragraph-subject'), intro);
  }
  const cued = attributions('Henrik Dahl attacked the plan.\n\n"It is a tax," said Ada Ellis, the finance minister.');
  t.equal(cued[0]!.source, 'Ada Ellis', 'a cue of its own wins');
});

t.test('a subject with a participle phrase before a stray comma: "The results of X published this week, revealed ..."', async (t) => {
  const [a] = attributions('The results of the national study published in the journal this week, revealed that children lack iodine.');
  t.match(a!.source, /^The results/);
  t.equal(a!.text, 'children lack iodine.');
});


/** Each passage reports that the levy would pass, and its source is the one named with it. */
function levySources(t: Test, cases: [passage: string, source: string][]): void {
  for (const [passage, source] of cases) {
    const [a] = attributions(passage);
    t.equal(a?.source, source, passage);
    t.equal(a?.text, 'the levy would pass.', passage);
  }
}

t.test('a place with its state ("of Tulsa, Okla.") or an insert that holds commas of its own (an age, "of Place", "City, State") still leads back to the named source', async (t) => {
  levySources(t, [
    ['Rosa Imlay of Tulsa, Okla. said the levy would pass.', 'Rosa Imlay'],
    ['Rosa Imlay, 54, of Tulsa, said the levy would pass.', 'Rosa Imlay'],
    ['Rosa Imlay, 54, said the levy would pass.', 'Rosa Imlay'],
    ['Rep. Cal Denny, a Democrat from Springfield, Ill., said the levy would pass.', 'Cal Denny'],
    ['Ivo Petrak, a farmer from Ames, Iowa, said the levy would pass.', 'Ivo Petrak'],
  ]);
});

t.test('a short aside in brackets between the source and its verb ("Sen. X (R-Ohio) said") is skipped', async (t) => {
  levySources(t, [
    ['Sen. Cal Denny (R-Ohio) said the levy would pass.', 'Cal Denny'],
    ['Rep. Rosa Imlay (D-Calif.) told reporters the levy would pass.', 'Rosa Imlay'],
    ['The port authority (which sets the fees) said the levy would pass.', 'The port authority'],
  ]);
});

t.test('a quotation followed by a name with an age and "told": the name is the source, the listener never', async (t) => {
  const [a] = attributions('"I did nothing wrong," Rosa Imlay, 54, told the court.');
  t.equal(a?.text, 'I did nothing wrong,');
  t.equal(a?.source, 'Rosa Imlay');
  const [c] = attributions("Resident Ivo Petrak, 67, who has farmed there for decades, told the meeting: 'The levy will pass.'");
  t.equal(c?.source, 'Ivo Petrak', 'over an age and a relative clause');
  const [b] = attributions('"It is over," told the court.');
  t.not(b?.source, 'the court', 'the phrase after "told" is who was told');
});

t.test('people named by whom they serve ("aides to X", "an adviser to X") are the source, not X', async (t) => {
  levySources(t, [
    ['Campaign aides to Rosa Imlay said the levy would pass.', 'Campaign aides to Rosa Imlay'],
    ['An adviser to the mayor said the levy would pass.', 'An adviser to the mayor'],
    ['Aides to Rosa Imlay said the levy would pass.', 'Aides to Rosa Imlay'],
  ]);
});

t.test('a participle phrase after the source ("released Monday", "published in May", "briefed on the talks") stands between source and verb', async (t) => {
  levySources(t, [
    ['A Harrow Research poll released Monday found the levy would pass.', 'A Harrow Research poll'],
    ['A survey published in May found the levy would pass.', 'A survey'],
    ['Officials briefed on the count said the levy would pass.', 'Officials'],
    ['Figures to be published today show the levy would pass.', 'Figures'],
  ]);
  const [a] = attributions('Tolls will double, a report by the Fenwick Trust published last year estimated.');
  t.equal(a?.text, 'Tolls will double', 'also before a cue that follows its content');
  t.equal(a?.source, 'Fenwick Trust', 'a report by X is X\'s');
  t.same(attributions('The firm the minister criticized reported the levy would pass.').map((f) => f.source), [], 'a participle after a second noun phrase is a clause of its own, not a modifier');
});

t.test('a possessive is never a source: "their continued absence" holds no cue', async (t) => {
  const found = attributions('Their continued absence from the hearings was "an insult," the mayor said.');
  t.same(found.map((f) => [f.source, f.cue]), [['the mayor', 'said']]);
});

t.test('a bare verb form between a name and a noun modifies the noun ("Norland state television reported")', async (t) => {
  const found = attributions('Norland state television reported that talks with the strikers had resumed.');
  t.same(found.map((f) => [f.source, f.cue, f.text]), [['Norland state television', 'reported', 'talks with the strikers had resumed.']]);
  const [a] = attributions('They report that talks with the strikers had resumed.');
  t.equal(a?.cue, 'report', 'after a pronoun the bare form is a verb');
});

t.test('a quotation after a verb of thought or finding is no words of its subject ("has shown \\"real courage\\"")', async (t) => {
  const found = attributions('The council has shown "remarkable patience," Ilse Berger said.');
  t.same(found.map((f) => [f.kind, f.source, f.cue]), [['mixed', 'Ilse Berger', 'said']]);
});

t.test('a participle after a verb of speech goes with that verb\'s subject, not the reported clause\'s', async (t) => {
  const found = attributions('The mayor will veto the budget if it reaches her desk, her spokeswoman Ana Ruiz told reporters Thursday, calling the plan "a wish list."');
  t.same(found.map((f) => [f.cue, f.source]), [
    ['told', 'Ana Ruiz'],
    ['calling', 'Ana Ruiz'],
  ]);
  const [a, b] = attributions('Ivo Kerr said the plan, which costs a lot, would fail, adding that he would vote against it.');
  t.equal(a?.text, 'the plan, which costs a lot, would fail', 'the participle ends the first content');
  t.equal(b?.source, 'Ivo Kerr');
  t.equal(attributions('Ivo Kerr resigned on Monday, saying he had lost the board\'s trust.')[0]?.source, 'Ivo Kerr', 'without a verb of speech, the main clause\'s subject');
});

t.test('"with each accusing the other of ...": a quantifier after "with" is the participle\'s source', async (t) => {
  const [a] = attributions('Ana Ruiz and Ivo Kerr clashed over taxes on Thursday, with each accusing the other of misleading voters.');
  t.equal(a?.source, 'each');
  t.equal(a?.text, 'misleading voters.');
});

t.test('a description with a participle before the name ("lead author X") and a name with a title in an apposition still lead to the person', async (t) => {
  const found = attributions('"Nobody needs to run marathons," said lead author Dr. Priya Raman. "Even a brisk walk helps."');
  t.same(found.map((f) => f.source), ['Priya Raman', 'Priya Raman']);
  const [a] = attributions('"This is good news for the river," the report\'s lead author, Dr. Camila Ortiz, told the paper.');
  t.equal(a?.source, 'Camila Ortiz');
  t.equal(a?.text, 'This is good news for the river,', 'the content holds nothing of the source\'s phrase');
  const [b] = attributions('"This is good news for the river," the report\'s author, Camila Ortiz, told the paper.');
  t.equal(b?.text, 'This is good news for the river,');
  t.equal(b?.kind, 'direct');
});

t.test('an apposition after an age is part of the insert ("X, 54, a former teacher who ..., told")', async (t) => {
  const [a] = attributions("Rosa Imlay, 54, a former teacher who now runs the county's housing office, told reporters the levy would pass.");
  t.equal(a?.source, 'Rosa Imlay');
  t.equal(a?.text, 'the levy would pass.');
});

t.test('"according to" takes the source\'s whole phrase ("a person familiar with the matter") and skips a description after a name', async (t) => {
  const cases: [passage: string, source: string, content: string][] = [
    ['According to a person familiar with the matter, the levy would pass.', 'a person familiar with the matter', 'the levy would pass.'],
    ['The levy would pass, according to two people familiar with the count.', 'two people familiar with the count', 'The levy would pass'],
    ['According to documents obtained by the Ledger, the levy would pass.', 'documents obtained by the Ledger', 'the levy would pass.'],
    ["According to Rosa Imlay, the county's budget director, the levy would pass.", 'Rosa Imlay', 'the levy would pass.'],
  ];
  for (const [passage, source, content] of cases) {
    const found = attributions(passage);
    t.same(found.map((f) => [f.source, f.text]), [[source, content]], passage);
  }
});

t.test('a verb of thought with "of" has an object and closes no content before it; "said of" does', async (t) => {
  t.same(attributions('According to the Ledger, the mayor knew of the flaw in May.').map((f) => f.cue), ['According to']);
  const [a] = attributions('"It is a disaster," Rosa Imlay said of the plan.');
  t.equal(a?.source, 'Rosa Imlay');
});

t.test('"who" after a phrase that ends in a name stands for the name: "criticism from the Farmers Union, who called it ..."', async (t) => {
  const found = attributions('The proposal drew sharp criticism from the Farmers Union, who called it "a tax on harvests."');
  t.equal(found.length, 1);
  t.equal(found[0]!.source, 'Farmers Union');
  t.equal(found[0]!.text, 'a tax on harvests.');
});

t.test('a relative clause after an inverted speaker describes the speaker: \'"...," said X, 52, whose shop flooded\'', async (t) => {
  const found = attributions('"The water came in within minutes," said Lena Ortlieb, 52, whose bakery on the quay was flooded.');
  t.equal(found.length, 1);
  t.equal(found[0]!.source, 'Lena Ortlieb');
  t.equal(found[0]!.text, 'The water came in within minutes,');
});

t.test('"It said" stands for the organisation or document before it: the source of the attribution before, or the subject of the sentence before', async (t) => {
  const found = attributions('The water board published its annual review on Monday. It said leaks had fallen by a third.');
  t.equal(found.length, 1);
  t.equal(found[0]!.source, 'The water board');
  t.equal(found[0]!.text, 'leaks had fallen by a third.');
  const [a] = attributions('The regulator\'s report criticised the operator. It found that inspections had been skipped.');
  t.equal(a!.source, 'The regulator');
  // a person is no "it"; "it seems" is no report
  t.same(attributions('The treasurer left early. It said the budget was late.').map((x) => x.source), ['It']);
  t.same(attributions('The weather turned. It seems that winter has come early.'), []);
});

t.test('"one of them said": a part of a group is a source', async (t) => {
  const found = attributions('Two nurses described the ward as "chaotic." One of them said staff had not been paid for weeks.');
  t.equal(found.length, 2);
  t.equal(found[1]!.source, 'One of them');
  t.equal(found[1]!.text, 'staff had not been paid for weeks.');
  t.equal(attributions('One of the nurses said the ward was chaotic.')[0]!.source, 'One of the nurses');
});

t.test('a state before a title is a modifier, not a verb: "Democratic state Rep. X told reporters ..."', async (t) => {
  const found = attributions('Republican state Sen. Orla Brandt of Yakima told reporters the levy was unfair.');
  t.equal(found.length, 1);
  t.equal(found[0]!.source, 'Orla Brandt');
  t.equal(found[0]!.cue, 'told');
});

t.test('after a quotation, a name set off after a role is the speaker: \'"...," the panel\'s chairwoman, X, told reporters\'', async (t) => {
  const [a] = attributions('"The hearing will go ahead," the panel\'s chairwoman, Greta Park, told reporters on Monday.');
  t.equal(a!.source, 'Greta Park');
  t.equal(a!.text, 'The hearing will go ahead,');
});

t.test('a party tag set off after a name belongs to the name: "Sen. X, R-Ind., a member of ..., said", "X, D-Calif., who called it ..."', async (t) => {
  const [a] = attributions('Sen. Hal Brenner, R-Ind., a member of the farm committee, said the subsidy was "a giveaway."');
  t.equal(a!.source, 'Hal Brenner');
  const [b] = attributions('The plan drew fire from Rep. Ines Tovar, D-Calif., who called it "a shell game."');
  t.equal(b!.source, 'Ines Tovar');
  const [d] = attributions('Brenner, R-Ind., who chairs the panel, said the vote would slip.');
  t.equal(d!.source, 'Brenner');
});

t.test('"Asked by a reporter whether ..., X laughed" gives the asker no words, and a quotation after it is X\'s', async (t) => {
  const found = attributions('Asked by a reporter whether she would stand again, Nadia Holm laughed. "Ask me in the spring."');
  t.same(found.map((f) => [f.source, f.text]), [['Nadia Holm', 'Ask me in the spring.']]);
  // a description by someone stays theirs
  t.equal(attributions('Described by critics as "a giveaway," the levy passed anyway.')[0]!.source, 'critics');
});

t.test('a quotation that opens a sentence after one whose subject follows a phrase set off by a comma is that subject\'s', async (t) => {
  const [a] = attributions('In Tulsa, Nadia Holm was blunter. "We will win this."');
  t.equal(a!.source, 'Nadia Holm');
});

t.test('an inverted speaker keeps its modifiers: \'"...," said a spokeswoman for X\', not where it was said', async (t) => {
  t.equal(attributions('"No comment," said a spokeswoman for the harbour board.')[0]!.source, 'a spokeswoman for the harbour board');
  t.equal(attributions('"It is early," said one aide familiar with the talks.')[0]!.source, 'one aide familiar with the talks');
  t.equal(attributions('"No comment," said the mayor at a news conference.')[0]!.source, 'the mayor');
  t.equal(attributions('"No comment," said a spokeswoman in a statement.')[0]!.source, 'a spokeswoman');
});

t.test('"said one resident, <name>": a name set off after an unnamed person is the source', async (t) => {
  t.equal(attributions('"It was loud," said one resident, Elif Kaya, 34.')[0]!.source, 'Elif Kaya');
  t.equal(attributions('"I thought it was thunder," said one, Elif Kaya.')[0]!.source, 'Elif Kaya');
  t.equal(attributions('One witness, Sam Ortiz, said he saw smoke.')[0]!.source, 'Sam Ortiz');
  t.equal(attributions('In the kitchen, Ana Ruiz said the stove was broken.')[0]!.sourceWords, 'Ana Ruiz', 'a word for no person before the comma stays out');
});

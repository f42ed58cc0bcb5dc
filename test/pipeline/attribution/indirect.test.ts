// Reported speech without quotation marks, and speech that mixes both: where the content is, and
// who said it. The passages are invented for these tests.
import t from 'tap';
import { about, attributions } from './attributions.js';

t.test('a cue before its content: "X said the plan ..." is indirect speech by X', async (t) => {
  const [a] = attributions('The transport minister, Ilse Berger, said the new tram line would open in May.');
  t.equal(a!.kind, 'indirect');
  t.equal(a!.text, 'the new tram line would open in May.');
  t.equal(a!.source, 'Ilse Berger');
  t.equal(a!.cue, 'said');
});

t.test('a cue after its content: "..., X said on Tuesday" and "..., said X, an economist"', async (t) => {
  const [a] = attributions('The new tram line will open in May, Ilse Berger said on Tuesday.');
  t.equal(a!.text, 'The new tram line will open in May');
  t.equal(a!.source, 'Ilse Berger');
  t.equal(a!.rule, 'cue-after');
  const [b] = attributions('Costs will rise, said Pavel Novak, an economist at the Baltic Institute.');
  t.equal(b!.text, 'Costs will rise');
  t.equal(b!.source, 'Pavel Novak');
});

t.test('a cue set into its content: "The line, she said, will open in May."', async (t) => {
  const [a] = attributions('Ilse Berger visited the depot. The line, she said, will open in May.');
  t.equal(a!.text, 'The line, she said, will open in May.');
  t.equal(a!.source, 'Ilse Berger');
  t.equal(a!.sourceWords, 'she');
});

t.test('"according to X" before or after the content', async (t) => {
  const [a] = attributions('According to Ines Carvalho, ships will be diverted from Monday.');
  t.equal(a!.text, 'ships will be diverted from Monday.');
  t.equal(a!.source, 'Ines Carvalho');
  t.equal(a!.rule, 'according-to');
  const [b] = attributions('Ships will be diverted from Monday, according to Ines Carvalho.');
  t.equal(b!.text, 'Ships will be diverted from Monday');
  t.equal(b!.source, 'Ines Carvalho');
});

t.test('"X told Y that ...": the speaker is X; the listener is never the source', async (t) => {
  const [a] = attributions('Pavel Novak told Ilse Berger that the budget was gone.');
  t.equal(a!.text, 'the budget was gone.');
  t.equal(a!.source, 'Pavel Novak');
  const [b] = attributions('Ilse Berger told reporters the tram would be free for a week.');
  t.equal(b!.source, 'Ilse Berger');
  t.equal(b!.text, 'the tram would be free for a week.');
});

t.test('"X told <a name or her staff> <a clause>" without "that": the listener is no part of the content', async (t) => {
  const [a] = attributions('Mara Lind told Norvik Radio the company had no plans to cut jobs.');
  t.equal(a?.text, 'the company had no plans to cut jobs.');
  t.equal(a?.source, 'Mara Lind');
  const [b] = attributions('Mara Lind told The Harbour Courier the plant would reopen in May.');
  t.equal(b?.text, 'the plant would reopen in May.');
  const [d] = attributions('Mara Lind told her staff the company had no plans to cut jobs.');
  t.equal(d?.text, 'the company had no plans to cut jobs.', '"her staff" is the listener');
  t.equal(d?.source, 'Mara Lind');
});

t.test('"X\'s statement said ..." and "X issued a statement saying ...": the source is X', async (t) => {
  const [a] = attributions("Norvik Shipping Ltd.'s statement said the ferry would not sail.");
  t.equal(a!.source, 'Norvik Shipping Ltd.');
  t.equal(a!.text, 'the ferry would not sail.');
  const [b] = attributions('Norvik Shipping Ltd. issued a statement on Friday morning saying the ferry would not sail.');
  t.equal(b!.source, 'Norvik Shipping Ltd.');
  t.equal(b!.cue, 'saying');
});

t.test('"in the words of X": the quoted words inside make the speech mixed', async (t) => {
  const [a] = attributions('In the words of one harbour pilot, the storm was "the worst in forty years".');
  t.equal(a!.kind, 'mixed');
  t.equal(a!.source, 'one harbour pilot');
  t.same(a!.quoted, ['the worst in forty years']);
  t.equal(a!.text, 'the storm was "the worst in forty years".');
});

t.test('"X, who said ...": the content ends where the main clause goes on', async (t) => {
  const [a] = attributions('Pavel Novak, who said the audit was flawed, resigned on Friday.');
  t.equal(a!.text, 'the audit was flawed');
  t.equal(a!.source, 'Pavel Novak');
});

t.test('a direct quote continued by indirect speech keeps the speaker', async (t) => {
  const found = attributions('"We will rebuild the pier," said Ilse Berger, adding that the state would pay for it.');
  t.equal(found.length, 2);
  t.same(
    found.map((f) => [f.kind, f.source]),
    [
      ['direct', 'Ilse Berger'],
      ['indirect', 'Ilse Berger'],
    ],
  );
  t.equal(about(found, 'state')!.cue, 'adding');
});

t.test('a quotation over several sentences is one content', async (t) => {
  const [a] = attributions('"The line is ready. The drivers are trained. We only need the permit," said Ilse Berger.');
  t.equal(a!.kind, 'direct');
  t.equal(a!.text, 'The line is ready. The drivers are trained. We only need the permit,');
  t.equal(a!.source, 'Ilse Berger');
});

t.test('a quotation inside reported speech is part of it: one mixed attribution', async (t) => {
  const found = attributions('Ilse Berger said the depot had been "a mess for years" before the works.');
  t.equal(found.length, 1);
  t.equal(found[0]!.kind, 'mixed');
  t.same(found[0]!.quoted, ['a mess for years']);
});

t.test('"X said A, and Y said B": two contents, each ending where the other clause starts', async (t) => {
  const found = attributions('Ilse Berger said the trams were ready, but Pavel Novak said the tracks were not.');
  t.equal(about(found, 'trams')!.text, 'the trams were ready');
  t.equal(about(found, 'trams')!.source, 'Ilse Berger');
  t.equal(about(found, 'tracks')!.text, 'the tracks were not.');
  t.equal(about(found, 'tracks')!.source, 'Pavel Novak');
});

t.test('a report of a report: the inner speaker speaks, relayed by the outer one', async (t) => {
  const found = attributions('Pavel Novak said "the tracks are not ready", the Baltic News Agency reported.');
  t.equal(found.length, 1, 'the relaying clause adds no words of its own');
  t.equal(found[0]!.source, 'Pavel Novak');
  t.equal(found[0]!.via, 'Baltic News Agency');
  const unnamed = attributions('Pavel Novak accused the council of "wasting a decade", state radio said on Monday.');
  t.equal(unnamed[0]!.source, 'Pavel Novak');
  t.equal(unnamed[0]!.via, 'state radio');
});

t.test('"X was quoted by Y as saying ...": X speaks, relayed by Y', async (t) => {
  const [a] = attributions('Ana Ruiz was quoted by the Harbour Courier as saying the port would close.');
  t.equal(a?.source, 'Ana Ruiz');
  t.equal(a?.via, 'Harbour Courier');
  t.equal(a?.text, 'the port would close.');
  const [b] = attributions('The minister was quoted by state media as saying: "We will not retreat."');
  t.equal(b?.source, 'The minister');
  t.equal(b?.via, 'state media');
  t.equal(b?.kind, 'direct');
});

t.test('nested speech: "X said she believed ..." gives both', async (t) => {
  const found = attributions('Ilse Berger said she believed the vote had been fair.');
  t.equal(found.length, 2);
  t.equal(about(found, 'she believed')!.source, 'Ilse Berger');
  t.equal(found.find((f) => f.cue === 'believed')!.text, 'the vote had been fair.');
});

t.test('the reporter\'s own clause ends a content: ", but critics disagree", ", with X reporting ..."', async (t) => {
  t.equal(attributions('Mark Dalton says the economy is strong, but critics disagree.')[0]!.text, 'the economy is strong');
  const found = attributions('Officials said every case would be reviewed, with the Herald reporting that no one would be refused "based only on a form".');
  t.equal(found[0]!.text, 'every case would be reviewed');
  t.equal(found[1]!.source, 'Herald');
  t.equal(found[1]!.via, null, 'the second report is the reporter\'s, not relayed by the officials');
});

t.test('wire-copy shapes: a subject with an apposition inside the content, a clause of time after the cue', async (t) => {
  const [a] = attributions('Police say the suspect, a 34-year-old man, fled on foot.');
  t.equal(a!.text, 'the suspect, a 34-year-old man, fled on foot.');
  t.equal(a!.source, 'Police');
  const [b] = attributions('"I never said that," Mark Dalton said when asked about the remark.');
  t.equal(b!.text, 'I never said that,');
  t.equal(b!.source, 'Mark Dalton');
});

t.test('"X, asked whether ..., said": X was asked, and what X said is the content', async (t) => {
  const found = attributions('Tom Briggs, asked whether he would back the bill, said: "I\'ll look at anything, but not this."');
  t.equal(found.length, 1);
  t.equal(found[0]!.text, "I'll look at anything, but not this.");
  t.equal(found[0]!.source, 'Tom Briggs');
});

t.test('an infinitive cue takes the subject of the verb it completes: "declined to say whether ...", "went on to say ..."', async (t) => {
  const [a] = attributions('A spokeswoman for the university declined to say when the next phase would begin.');
  t.equal(a!.source, 'A spokeswoman for the university');
  t.equal(a!.text, 'when the next phase would begin.');
  const [b] = attributions('A spokeswoman for the university went on to say the next phase would begin in May.');
  t.equal(b!.source, 'A spokeswoman for the university');
  t.equal(b!.text, 'the next phase would begin in May.');
  t.same(attributions('Ilse Berger hoped to win.'), []);
});

t.test('a comma after an object ends a clause: the quotation after it is not that verb\'s', async (t) => {
  const [a] = attributions('Ilse Berger said although heat and drought are known to harm crops, "nobody has looked at both together".');
  t.equal(a!.source, 'Ilse Berger');
  t.equal(a!.kind, 'mixed');
});

t.test('"said after the call" is a time, not a content; a coordinated subject opens one', async (t) => {
  const found = attributions('"We discussed the grain corridor in detail," Pavel Novak said after the call.');
  t.equal(found.length, 1);
  t.equal(found[0]!.text, 'We discussed the grain corridor in detail,');
  t.equal(found[0]!.source, 'Pavel Novak');
  const [b] = attributions('Ilse Berger said although heat and drought are known to hurt crops, "nobody has looked at both together".');
  t.equal(b!.kind, 'mixed');
  t.match(b!.text, /^although heat and drought/);
});

t.test('a counterpoint after ", while" or ", whereas" ends the content; a clause without a subject does not', async (t) => {
  const [a, b] = attributions('Ines Varo insisted the count was fair, while her rivals claimed it was rigged.');
  t.equal(a?.text, 'the count was fair');
  t.equal(a?.source, 'Ines Varo');
  t.equal(b?.text, 'it was rigged.');
  const [c] = attributions('Ines Varo said the count was fair, while standing at the podium.');
  t.equal(c?.text, 'the count was fair, while standing at the podium.');
});

t.test('contents that open with a number, after a time phrase, or with a verb in -s the tagger reads as a noun', async (t) => {
  const cases: [passage: string, content: string][] = [
    ['Ines Varo said 820,000 ballots had been cast.', '820,000 ballots had been cast.'],
    ['The campaign said 87% of its gifts were small.', '87% of its gifts were small.'],
    ['Ines Varo said about 9,000 people had left.', 'about 9,000 people had left.'],
    ['The trust said last week it would add funds.', 'it would add funds.'],
    ['Aides said the governor plans to visit every county.', 'the governor plans to visit every county.'],
    ['Ines Varo said Nov. 5 that the count was over.', 'the count was over.'],
  ];
  for (const [passage, content] of cases) t.equal(attributions(passage)[0]?.text, content, passage);
});

t.test('a cue\'s prepositional phrase may have its own modifier before the content ("said in a filing with X that")', async (t) => {
  const [a] = attributions('The fund said in a filing with the Bonds and Exchange Commission that it had sold its stake.');
  t.equal(a?.text, 'it had sold its stake.');
  t.equal(a?.source, 'The fund');
  const [b] = attributions('Ines Varo said in a letter to colleagues that the vote would wait.');
  t.equal(b?.text, 'the vote would wait.');
});

t.test('where contents end: a verb without a subject after ", and" goes on the cue\'s clause; an opening participle\'s noun cue ends at the main clause', async (t) => {
  const [a] = attributions('Dana Hale told a crowd in Lima that the tariffs had "gutted the valley," and vowed to fight them.');
  t.equal(a?.text, 'the tariffs had "gutted the valley,"');
  t.equal(a?.source, 'Dana Hale');
  const [b] = attributions('Mayor Ruth Lind said prices had risen sharply, and left the hall.');
  t.equal(b?.text, 'prices had risen sharply');
  const [c] = attributions('Mayor Ruth Lind said the council met on Monday, and she voted against the plan.');
  t.equal(c?.text, 'the council met on Monday, and she voted against the plan.', 'a clause with its own subject stays in the content');
  const found = attributions('Responding to allegations that he had ignored warnings, Ivo Kerr told the panel that the agency had ordered new radar.');
  t.same(found.map((f) => [f.cue, f.text]), [
    ['allegations', 'he had ignored warnings'],
    ['told', 'the agency had ordered new radar.'],
  ]);
});

t.test('a content may have a quotation for its verb ("said X \\"listened carefully\\" but ...")', async (t) => {
  const [a] = attributions('The aide said Ortiz "listened carefully" but made no promises.');
  t.equal(a?.text, 'Ortiz "listened carefully" but made no promises.');
  t.equal(a?.kind, 'mixed');
  t.equal(a?.source, 'The aide');
});

t.test('"that" before a verb or ", and" is a pronoun, not the start of a reported clause', async (t) => {
  t.same(attributions('Ivo Kerr has heard that, and he takes it seriously.').map((f) => f.cue), [], '"heard that, and ..." reports nothing');
  const [a] = attributions('Ivo Kerr said that was wrong.');
  t.equal(a?.text, 'that was wrong.', 'as the content\'s subject it stays in the content');
  const [b] = attributions('Ivo Kerr said that, despite the rain, the parade would go ahead.');
  t.equal(b?.text, 'despite the rain, the parade would go ahead.', 'the complementiser and its comma are left out');
});

t.test('a quotation of up to five words right before a noun modifies it and is no content of the verb', async (t) => {
  const found = attributions('He expected "two or three more" members to resign.');
  t.ok(found.every((f) => f.cue !== 'expected'));
});

t.test('the listener may have its own modifiers ("a crowd of about 300 farmers here Saturday"), and the source named again after the quoted words narrates', async (t) => {
  const [a] = attributions('Dana Hale told a crowd of about 300 farmers here Saturday that the tariffs had "gutted the valley," and he promised to restore markets.');
  t.equal(a?.text, 'the tariffs had "gutted the valley,"');
  t.equal(a?.source, 'Dana Hale');
});

t.test('a finite cue after an insert is the main verb: its content goes on over an age in commas', async (t) => {
  const [a] = attributions('The indictment, unsealed in a federal court on Monday, alleges that Ivo Kerr, 61, steered the contract to a friend.');
  t.equal(a?.text, 'Ivo Kerr, 61, steered the contract to a friend.');
  t.equal(a?.source, 'The indictment');
  const [b] = attributions('Ivo Kerr, who said the plan was flawed, resigned on Monday.');
  t.equal(b?.text, 'the plan was flawed', 'a cue in a relative clause still ends where the main clause resumes');
});

t.test('in a relative clause the content is the rest of the clause after the cue ("the vote, which observers said fell short ...")', async (t) => {
  const cases: [passage: string, source: string, content: string][] = [
    ['The count, which independent observers said fell short of the rules, was repeated in May.', 'independent observers', 'fell short of the rules'],
    ['It is a deal among four states that supporters say would end the dispute.', 'supporters', 'would end the dispute.'],
    ['Ivo Kerr ordered a review that he said should be finished by June.', 'Ivo Kerr', 'should be finished by June.'],
    ['Ivo Kerr, who won a vote that observers said fell short of the rules, has sought new talks.', 'observers', 'fell short of the rules'],
  ];
  for (const [passage, source, content] of cases) {
    const found = attributions(passage);
    t.same(found.map((f) => [f.source, f.text, f.rule.replace(/-unnamed$/, '')]), [[source, content, 'relative-clause']], passage);
  }
});

t.test('", ruling that ..." is a participle cue whatever the tagger reads; a plural "states that" is no noun cue', async (t) => {
  const [a] = attributions('A divided appeals court upheld the law on Friday, ruling that the state had a clear interest in the count.');
  t.equal(a?.cue, 'ruling');
  t.equal(a?.source, 'A divided appeals court');
  t.equal(a?.text, 'the state had a clear interest in the count.');
  t.same(attributions('The water deal covers six states that border the river.').map((f) => f.cue), []);
});

t.test('a verb after an insert is the main clause\'s even in -ed ("X, speaking in Paris, warned that"); only a participle opening the insert is passive', async (t) => {
  const [a] = attributions('The minister, speaking in Lyon, warned that prices, already high, would rise.');
  t.equal(a?.cue, 'warned');
  t.equal(a?.text, 'prices, already high, would rise.');
  const [b] = attributions('The indictment, unsealed on Monday, alleged that Ivo Kerr, 61, steered the contract to a friend.');
  t.equal(b?.cue, 'alleged', '"alleged that" is a verb whatever the tagger reads');
  t.equal(b?.text, 'Ivo Kerr, 61, steered the contract to a friend.');
  const found = attributions('The mayor, asked whether she would run, said she had not decided.');
  t.same(found.map((f) => [f.cue, f.text]), [['said', 'she had not decided.']], 'the mayor was asked: no attribution of hers');
});

t.test('a participle after the cue\'s prepositional phrase modifies its noun ("said in a statement posted on its website that")', async (t) => {
  const found = attributions('The ministry said in a statement posted on its website that the border would reopen.');
  t.same(found.map((f) => [f.cue, f.source, f.text]), [['said', 'The ministry', 'the border would reopen.']]);
});

t.test('wire copy: a dateline is no part of a content; "..., filings show." closes one; a document label heads a headline', async (t) => {
  const story = 'Poll: Voters sour on transit, but the mayor\'s rating holds\n\nBy ANA RUIZ\n\nTULSA, Okla. (HPA) — Voters have soured on the transit plan, a poll found.\n\nThe campaign raised $4 million in March, filings show.';
  const found = attributions(story);
  t.same(found.map((f) => [f.cue, f.text]), [
    ['Poll:', "Voters sour on transit, but the mayor's rating holds"],
    ['found', 'Voters have soured on the transit plan'],
    ['show', 'The campaign raised $4 million in March'],
  ]);
  t.same(attributions('Analysis: Why the transit plan failed\n\nThe plan failed in May.').map((f) => f.cue), [], 'a genre label names no source');
});

t.test('a gerund that opens the reported clause is its subject: "warned that vaping rates had doubled" drops "that"', async (t) => {
  const [a] = attributions('The county health officer warned that rising rents had pushed families out of the valley.');
  t.equal(a!.text, 'rising rents had pushed families out of the valley.');
  t.equal(a!.source, 'The county health officer');
});

t.test('a title with "general" after its noun ends the subject: "the inspector general found that ..."', async (t) => {
  const [a] = attributions("The department's inspector general found that managers had ignored safety complaints.");
  t.equal(a!.text, 'managers had ignored safety complaints.');
  t.equal(a!.source, "The department's inspector general");
  t.equal(a!.cue, 'found');
});

t.test('a verb of speech after "and" or "but" in the cue\'s tense is the source\'s next act and ends the content', async (t) => {
  const [a] = attributions('The treasurer wrote in a newsletter that the audit was "a smear" and vowed to release the ledgers.');
  t.equal(a!.text, 'the audit was "a smear"');
  t.equal(a!.kind, 'mixed');
  const [b] = attributions('Councilwoman Reva Odum conceded that the school had overspent but blamed the previous board.');
  t.equal(b!.text, 'the school had overspent');
  t.equal(b!.source, 'Reva Odum');
  // another form of the verb stays inside the report
  const [d] = attributions('The treasurer said that fees had risen and would rise again next year.');
  t.equal(d!.text, 'fees had risen and would rise again next year.');
});

t.test('a noun phrase after the content that calls it a claim or a prediction is the reporter\'s comment', async (t) => {
  const [a] = attributions('The utility said power would be restored by Thursday, a claim residents doubted.');
  t.equal(a!.text, 'power would be restored by Thursday');
  const [b] = attributions('The mayor said the pier would reopen in June, an ambitious estimate given the storm damage.');
  t.equal(b!.text, 'the pier would reopen in June');
  // a description of the figure itself stays in the report
  const [d] = attributions('The utility said outages rose 8 percent, a sharp increase from the year before.');
  t.equal(d!.text, 'outages rose 8 percent, a sharp increase from the year before.');
});

t.test('a document that shows or finds a noun with an -ing verb reports a finding; people who find someone doing something do not', async (t) => {
  const [a] = attributions('The survey, carried out for the teachers\' union, found two thirds of parents favouring a later start.');
  t.equal(a!.text, 'two thirds of parents favouring a later start.');
  t.equal(a!.source, 'The survey');
  t.equal(a!.cue, 'found');
  const [b] = attributions('Figures from the port authority show cargo volumes falling for a third year.');
  t.equal(b!.text, 'cargo volumes falling for a third year.');
  t.equal(attributions('Rangers found the hikers sheltering under a ledge.').length, 0);
  t.equal(attributions('The footage showed the mayor leaving the building.').length, 0);
});

t.test('"told reporters aboard the ship that ..." reaches the content over a phrase with "aboard"', async (t) => {
  const [a] = attributions('The admiral told reporters aboard the carrier that the exercise would last a week.');
  t.equal(a!.text, 'the exercise would last a week.');
  t.equal(a!.cue, 'told');
});

t.test('"has denied that." reports no words: "that" ends the sentence', async (t) => {
  const found = attributions('The club has denied that. Its lawyers declined to comment.');
  t.equal(found.length, 0);
});

t.test('a concession in which someone else speaks ends the content; the source\'s own concession stays', async (t) => {
  const [a] = attributions('Army officials say the raid freed six hostages, though the rebels have disputed that account.');
  t.equal(a!.text, 'the raid freed six hostages');
  const [b] = attributions('The engineer said the bridge would hold, though repairs would take months.');
  t.equal(b!.text, 'the bridge would hold, though repairs would take months.');
});

t.test('a quotation that opens with the clause\'s verb keeps the clause: \'said it "deeply regrets" the delay and ...\' is mixed', async (t) => {
  const [a] = attributions('A spokeswoman for the ferry line said it "sincerely regrets" the cancellations and would refund every ticket.');
  t.equal(a!.kind, 'mixed');
  t.equal(a!.text, 'it "sincerely regrets" the cancellations and would refund every ticket.');
  const [b] = attributions('The warden said she "welcomes" the review.');
  t.equal(b!.text, 'she "welcomes" the review.');
});

t.test('a number with a thousands comma inside an insert does not end it: "The guild, which has 12,000 members, said ..."', async (t) => {
  const [a] = attributions('The guild, which has 12,000 members, said its leaders would meet the studios on Friday.');
  t.equal(a!.source, 'The guild');
  t.equal(a!.text, 'its leaders would meet the studios on Friday.');
});

t.test('"according to X, who ..., the content": the relative clause belongs to the source', async (t) => {
  const [a] = attributions('According to Nadia Brandt, who runs the shelter, demand has doubled since spring.');
  t.equal(a!.source, 'Nadia Brandt');
  t.equal(a!.text, 'demand has doubled since spring.');
});

t.test('an infinitive of thought or finding with a question reports nothing: "trying to determine whether"; a refusal to say stays', async (t) => {
  t.equal(attributions('The harbour board declined to say whether the berth would reopen.')[0]!.text, 'whether the berth would reopen.');
  t.equal(attributions('The harbour board has not said when the berth will reopen.')[0]!.text, 'when the berth will reopen.');
  t.equal(attributions("The harbour board didn't say why the berth closed.")[0]!.source, 'The harbour board');
  const found = attributions('Engineers are trying to establish whether the crack is new, a port official said.');
  t.equal(found.length, 1);
  t.equal(found[0]!.cue, 'said');
  t.equal(found[0]!.text, 'Engineers are trying to establish whether the crack is new');
});

t.test('"who" after a noun object opens a relative clause, not a question: "promised grants to farmers who lost crops"', async (t) => {
  const found = attributions('The governor promised grants for farmers who lost their crops and said the state would cover the rest.');
  t.equal(found.length, 1);
  t.equal(found[0]!.text, 'the state would cover the rest.');
  const [a] = attributions('The inspector asked them who had signed the order.');
  t.equal(a!.text, 'who had signed the order.');
});

t.test('"asked them whether ..." takes its listener as object and its question as content', async (t) => {
  const [a] = attributions('The magistrate asked the two drivers whether they had seen the signal.');
  t.equal(a!.text, 'whether they had seen the signal.');
  t.equal(a!.source, 'The magistrate');
  t.same(attributions('The magistrate asked the drivers to wait outside.'), []);
});

t.test('a document with a participle, a time and an agent after it is the subject: "a survey released Tuesday by X found ..."', async (t) => {
  const [a] = attributions('A survey released on Tuesday by the Kettering Trust found that most tenants had faced a rent rise.');
  t.equal(a!.source, 'A survey');
  t.equal(a!.text, 'most tenants had faced a rent rise.');
  const [b] = attributions('A study published last month by the Orland Institute showed bee numbers recovering in cities.');
  t.equal(b!.text, 'bee numbers recovering in cities.');
  const [d] = attributions('An audit by the Orland Institute showed costs rising each quarter.');
  t.equal(d!.text, 'costs rising each quarter.');
});

t.test('a quotation opening with a verb in -s after a noun subject keeps its clause: \'said the ad "misstates" her record\'', async (t) => {
  const [a] = attributions('The candidate\'s campaign hit back, saying the mailer "misstates her record."');
  t.equal(a!.kind, 'mixed');
  t.equal(a!.text, 'the mailer "misstates her record."');
});

t.test('a content may open with a quantity of two words: "said at least 40 homes were damaged"', async (t) => {
  const [a] = attributions('The fire service said at least 40 homes had been damaged.');
  t.equal(a!.text, 'at least 40 homes had been damaged.');
  const [b] = attributions('Organisers said more than 2,000 runners had entered.');
  t.equal(b!.text, 'more than 2,000 runners had entered.');
});

t.test('a quotation that opens with "cannot" or "do" is the clause\'s verb: \'says the trust "cannot afford" repairs\'', async (t) => {
  const [a] = attributions('The trustees\' letter says the trust "cannot afford" the repairs.');
  t.equal(a!.kind, 'mixed');
  t.equal(a!.text, 'the trust "cannot afford" the repairs.');
});

t.test('a quotation that opens with any lower-case predicate word after a subject keeps its clause: \'said the flood "caught everyone off guard"\'', async (t) => {
  const [a] = attributions('The county judge said the flood "caught everyone off guard."');
  t.equal(a!.kind, 'mixed');
  t.equal(a!.text, 'the flood "caught everyone off guard."');
  // a quotation that opens with a comparison or a preposition stays inside a phrase
  const found = attributions('The pianist said he had learned more from his teacher "than from any school."');
  t.same(found.map((f) => f.cue), ['said']);
});

t.test('a plural\'s possessive apostrophe is no quotation mark: "said the nurses\' union had ..."', async (t) => {
  const [a] = attributions("The tribunal said the nurses' union had acted lawfully.");
  t.equal(a!.text, "the nurses' union had acted lawfully.");
  t.equal(a!.source, 'The tribunal');
});

// US political news and wire copy: bylines, titles between a body and a person, adjectival uses
// of names, party labels after places (invented passages).
import t from 'tap';
import { annotate } from '../../../src/pipeline/annotate.js';
import { expectTypes, mentionsOf } from './helpers.js';

t.test('a name never runs over a line break: a byline and the outlet on the line under it are two names', async (t) => {
  const m = mentionsOf('Voters Sour on Levy\n\nBy Odessa Quillfeather\nThe Marston Courier\n\nVoters in Calverton rejected the school levy on Tuesday, the county clerk said.');
  expectTypes(t, m, { 'Odessa Quillfeather': 'PERSON', 'Marston Courier': 'ORG' });
  t.notOk(m.some((x) => x.text.includes('\n')), 'no mention holds a line break');
});

t.test('a name before "administration" names the leader the government is named after', async (t) => {
  const m = mentionsOf('Lawyers for the Quarrender administration asked the court to wait. Under the Pellow administration, the rule had stood for years.');
  expectTypes(t, m, { Quarrender: 'PERSON', Pellow: 'PERSON' });
});

t.test('a name used as a modifier in a hyphenated word is mentioned alone', async (t) => {
  const m = mentionsOf('Sen. Odile Varnum, R-Kan., called the Varnum-backed bill a fix for Pellow-era rules. A Republican-led panel and a Pellow-appointed judge disagreed.');
  const varnum = m.filter((x) => x.type === 'PERSON' && x.name === 'Odile Varnum').map((x) => x.text);
  t.same(varnum, ['Odile Varnum', 'Varnum'], 'the known name links, without its modifier');
  const pellow = m.filter((x) => x.text === 'Pellow');
  t.equal(pellow.length, 2, 'an unknown name before "-era" and "-appointed" is mentioned alone');
  t.ok(pellow.every((x) => x.type === 'PERSON'), 'as a person');
  t.notOk(m.some((x) => x.text.startsWith('Republican')), 'a party before "-led" is no entity');
});

t.test('the body before an office title and a person\'s name is a name of its own', async (t) => {
  const m = mentionsOf('Treasury Secretary Delphine Arkwell spoke after Federal Reserve Chair Lionel Haverstock. EPA Administrator Noor Vellamy disagreed, and White House Press Secretary Mara Quintell declined to comment.');
  expectTypes(t, m, { Treasury: 'ORG', 'Delphine Arkwell': 'PERSON', 'Federal Reserve': 'ORG', 'Lionel Haverstock': 'PERSON', EPA: 'ORG', 'Noor Vellamy': 'PERSON', 'Mara Quintell': 'PERSON' });
  t.notOk(m.some((x) => x.text.includes('Press')), 'a word that makes one role with the title ("Press Secretary") is no part of the body');
});

t.test('a party adjective before a title is a role, and a party member after a place is no part of its name', async (t) => {
  const m = mentionsOf('Democratic Gov. Andrea Pellworth of Kentucky vetoed the bill. Sen. Harlan Boudrot, a West Virginia Democrat, and a Massachusetts Republican objected.');
  expectTypes(t, m, { 'Andrea Pellworth': 'PERSON', 'West Virginia': 'LOC', Massachusetts: 'LOC' });
  t.notOk(m.some((x) => x.type === 'PERSON' && x.text.startsWith('Democratic')), 'the party adjective is not in the person\'s name');
});

t.test('a Title Case or ALL-CAPS headline capitalises ordinary words the short article never writes in lower case', async (t) => {
  const body = '\n\nWASHINGTON (AP) — Sen. Elspeth Vargo said on Tuesday that the plan would move ahead. Gov. Ron Kesselring of Ohio agreed, and Delia Marwell did too.';
  const titled = mentionsOf(`Kesselring Balks At Vargo Budget Request, Dealing Blow To Marwell Campaign${body}`);
  t.same(titled.slice(0, 3).map((x) => [x.text, x.type]), [['Kesselring', 'PERSON'], ['Vargo', 'PERSON'], ['Marwell', 'PERSON']], "the headline's names are the body's people");
  t.notOk(titled.some((x) => /Balks|Budget|Dealing|Campaign/.test(x.text)), 'no ordinary word of the headline is in a name');
  const caps = mentionsOf(`OHIO SENATE PASSES STOPGAP SPENDING MEASURE${body}`);
  t.notOk(caps.some((x) => /PASSES|SPENDING|MEASURE/.test(x.text)), 'nor in an ALL-CAPS headline');
});

t.test('state bodies and newspapers: a head word with "of" inside the name, a hyphenated masthead, a state\'s House', async (t) => {
  const m = mentionsOf('The Georgia Bureau of Investigation opened an inquiry, the Calverton Journal-Constitution reported. The Des Moines Register and the Ohio House followed. In the House, Speaker Ana Pellory said nothing.');
  expectTypes(t, m, { 'Georgia Bureau of Investigation': 'ORG', 'Calverton Journal-Constitution': 'ORG', 'Des Moines Register': 'ORG', 'Ohio House': 'ORG', House: 'ORG' });
});

t.test('a building that speaks is the body in it, for every mention of it', async (t) => {
  const m = mentionsOf('Reporters waited outside the White House on Monday. Later the White House said the president would sign the bill.');
  const wh = m.filter((x) => x.text === 'White House');
  t.equal(wh.length, 2);
  t.ok(wh.every((x) => x.type === 'ORG'));
});

t.test('"Majority Leader" is one title: the body before it is the chamber alone', async (t) => {
  const m = mentionsOf('Senate Majority Leader Arlo Pekarsky, D-N.Y., objected.');
  expectTypes(t, m, { Senate: 'ORG', 'Arlo Pekarsky': 'PERSON' });
});

t.test('a name whose possessor has kin or a candidacy, or that names a campaign, is a person\'s', async (t) => {
  const m = mentionsOf("Pellham's wife joined him on stage. Vorster's reelection bid faltered, and the Quandry campaign spent heavily. Acme's lawyers objected.");
  expectTypes(t, m, { Pellham: 'PERSON', Vorster: 'PERSON', Quandry: 'PERSON', Acme: 'ORG' });
});

t.test('"District Attorney" and "District Judge" are one title: the place before them is the office\'s', async (t) => {
  const m = mentionsOf('Manhattan District Attorney Alvina Brogg objected, and U.S. District Judge Priscilla Auerbeck agreed.');
  expectTypes(t, m, { Manhattan: 'LOC', 'Alvina Brogg': 'PERSON', 'U.S.': 'LOC', 'Priscilla Auerbeck': 'PERSON' });
  t.notOk(m.some((x) => x.text.includes('District')), 'no body is named "Manhattan District" or "U.S. District"');
});

t.test('a party word before a body and a title is a role; a party member after a county, parish or chamber is split off', async (t) => {
  const m = mentionsOf('Republican House Speaker Tim Moorland praised the vote. Sen. Paul Newtown, a Cabarrus County Republican, agreed, as did a Senate Democrat and a Jefferson Parish Republican.');
  expectTypes(t, m, { House: 'ORG', 'Tim Moorland': 'PERSON', 'Cabarrus County': 'LOC', Senate: 'ORG', 'Jefferson Parish': 'LOC' });
  t.notOk(m.some((x) => x.type !== 'NORP' && /Republican|Democrat/.test(x.text)), 'the party words are in no other name');
});

t.test('the people of a US state are a group (NORP), whatever the state\'s name ends in', async (t) => {
  const m = mentionsOf('Iowans went to the polls. Ohioans and Texans followed, while Oregonians and Floridians waited. Logan Pettibone voted early.');
  expectTypes(t, m, { Iowans: 'NORP', Ohioans: 'NORP', Texans: 'NORP', Oregonians: 'NORP', Floridians: 'NORP', 'Logan Pettibone': 'PERSON' });
});

t.test('a county before an office title is the office\'s place, after a party\'s adjective; a "Center for" is a body', async (t) => {
  const m = mentionsOf('Liberal Marlow County Judge Janet Prosky defeated him, according to the Brennick Center for Justice.');
  expectTypes(t, m, { Liberal: 'NORP', 'Marlow County': 'LOC', 'Janet Prosky': 'PERSON', 'Brennick Center for Justice': 'ORG' });
});

t.test('after "in" a name that opens with no given name is a place; Kentuckians are a group', async (t) => {
  const m = mentionsOf('Harlan Quisted spoke at a rally in Bowling Meadow on Monday, and Kentuckians cheered.');
  expectTypes(t, m, { 'Harlan Quisted': 'PERSON', 'Bowling Meadow': 'LOC', Kentuckians: 'NORP' });
});

t.test('a name before a comma and a US state is a town\'s, not before a party label', async (t) => {
  const m = mentionsOf('Holt spoke in La Crosse, Wisconsin, on Tuesday, then flew to Perry, Ga., where crowds gathered. Delia Kettlewell, Ohio Republican, objected.');
  expectTypes(t, m, { 'La Crosse': 'LOC', Wisconsin: 'LOC', Perry: 'LOC', 'Delia Kettlewell': 'PERSON', Ohio: 'LOC' });
});

t.test('a name after "the" that opens with an English word is no person\'s', async (t) => {
  const m = mentionsOf('Evacuees were sent to shelters, where the Red Cross set up beds. Grace Hollin, a volunteer, said the Blue Ridge shelter was full.');
  expectTypes(t, m, { 'Red Cross': 'ORG', 'Grace Hollin': 'PERSON' });
});

t.test('"Majority Leader" splits the chamber from a person whose surname is also an English word', async (t) => {
  const m = mentionsOf('Senate Majority Leader Winnie Sparks attended the signing.');
  expectTypes(t, m, { Senate: 'ORG', 'Winnie Sparks': 'PERSON' });
});

t.test('"to" inside the name of a law or after an organisation word is part of the name', async (t) => {
  const m = mentionsOf('Senate Republicans blocked the Right to Organize Act again. The Committee to Protect Reporters objected, and lawmakers urged Congress to act.');
  expectTypes(t, m, { 'Right to Organize Act': 'LAW', 'Committee to Protect Reporters': 'ORG', Congress: 'ORG' });
});

t.test('a party\'s adjective at the front of an event\'s name is no organiser nested in it', async (t) => {
  const m = mentionsOf('Delegates gathered for the Democratic National Convention in Chicago, while fans flocked to the WAFA World Cup.');
  expectTypes(t, m, { 'Democratic National Convention': 'EVENT', Chicago: 'LOC', WAFA: 'ORG' });
  t.notOk(m.some((x) => x.text === 'Democratic'), 'no mention of "Democratic" alone');
});

t.test('a legislature\'s committee keeps "and" inside its name; a state lawmaker\'s home town after a party initial is a place', async (t) => {
  const m = mentionsOf('Sen. Harlan Boudrot chairs the Senate Energy and Natural Resources Committee. Assemblywoman Lorena Gallardo, D-San Marcos, wrote the bill.');
  expectTypes(t, m, { 'Senate Energy and Natural Resources Committee': 'ORG', Senate: 'ORG', 'Lorena Gallardo': 'PERSON', 'D-San Marcos': 'LOC' });
});

t.test('one English word before the title of a body\'s staff names the body, unless it is a known person\'s name', async (t) => {
  const m = mentionsOf('Lawmakers criticised firms such as Quill and Harbor. Quill spokesman Andy Stoner said the firm had built new tools. Sen. Delia Rice objected; Rice spokeswoman Ana Pellory said so.');
  expectTypes(t, m, { Quill: 'ORG', 'Andy Stoner': 'PERSON', Rice: 'PERSON', 'Ana Pellory': 'PERSON' });
});

t.test('a region\'s adjective is no name; a name whose possessor has a campaign is a person\'s', async (t) => {
  const m = mentionsOf("Harris chose a Midwestern governor on Tuesday. Pellworth's campaign attacked the pick.");
  expectTypes(t, m, { Pellworth: 'PERSON' });
  t.notOk(m.some((x) => x.text === 'Midwestern'), '"Midwestern" is no entity');
});

t.test('a named room of a government building is a facility, not a person', async (t) => {
  const m = mentionsOf('The president spoke in the Pellham Room of the White House on Monday.');
  expectTypes(t, m, { 'Pellham Room': 'FAC' });
});

t.test('a legislature\'s name opening a sentence is a name; the first peoples of a country are a group', async (t) => {
  const m = mentionsOf('Congress has not acted on the bill. The rule would fall hardest on rural and Native American voters, and Native Hawaiians objected.');
  expectTypes(t, m, { Congress: 'ORG', 'Native American': 'NORP', 'Native Hawaiians': 'NORP' });
});

t.test('a single word that opens a known organisation\'s name refers to it when used as a modifier', async (t) => {
  const m = mentionsOf('A survey from the Quillmere Institute for Surveys found voters anxious. The Quillmere survey was conducted online.');
  const r = m.filter((x) => x.text === 'Quillmere');
  t.equal(r.length, 1);
  t.equal(r[0]!.name, 'Quillmere Institute for Surveys');
});

t.test('a capitalised "The" in mid-sentence before one word opens a publication\'s name', async (t) => {
  const m = mentionsOf('The senator told The Hill on Monday that she would run.');
  expectTypes(t, m, { Hill: 'ORG' });
});

t.test('a company\'s chief officer titles stay out of the name: "Chief Financial Officer X", "Chief Operating Officer X"', async (t) => {
  for (const title of ['Chief Financial Officer', 'Chief Operating Officer', 'Chief Medical Officer']) {
    const a = annotate(`${title} Wendy Arkell told analysts the plan was on track.`);
    t.same(a.entities.map((e) => [e.canonicalName, e.type]), [['Wendy Arkell', 'PERSON']], title);
  }
});

t.test('an abbreviated title gives its role in full: after "Gov. X" and "Sen. Y", "the governor" and "the senator" are them', async (t) => {
  const a = annotate('Gov. Irma Talbot met Sen. Owen Pryce on Monday. The governor said the talks went well, and the senator agreed.');
  const byKey = new Map(a.entities.map((e) => [e.key, e.canonicalName]));
  const nominal = (text: string) => a.mentions.filter((m) => m.kind === 'nominal' && m.text.toLowerCase() === text).map((m) => byKey.get(m.entityKey));
  t.same(nominal('the governor'), ['Irma Talbot']);
  t.same(nominal('the senator'), ['Owen Pryce']);
});

t.test('"and" inside a federal body\'s name: "Customs and Border Protection", "Department of Health and Human Services"', async (t) => {
  for (const name of ['Customs and Border Protection', 'Immigration and Customs Enforcement', 'Department of Health and Human Services']) {
    const a = annotate(`Officials at the ${name} said the rule would change.`);
    t.same(a.entities.map((e) => [e.canonicalName, e.type]), [[name, 'ORG']], name);
  }
  // two names joined by "and" stay two
  t.equal(annotate('The mayor met Rhea Sandoval and Tom Kettle on Monday.').entities.length, 2);
});

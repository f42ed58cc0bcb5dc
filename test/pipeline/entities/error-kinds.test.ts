// The error kinds seen on unseen news, each on an invented passage: person names that are also
// place names, nested names, companies with "&", lower-case brands, post-nominals and deities.
import t from 'tap';
import { expectTypes, mentionsOf, typeOf } from './helpers.js';

t.test('a surname that is also a place is the person when the person was named, and the place after "in"', async (t) => {
  const m = mentionsOf('Maya Jordan scored twice. Jordan said the team was ready. Fans in Jordan cheered.');
  const jordans = m.filter((x) => x.text === 'Jordan');
  t.equal(jordans[0]?.type, 'PERSON');
  t.equal(jordans[0]?.name, 'Maya Jordan');
  t.equal(jordans[1]?.type, 'LOC');
});

t.test('a company named after its partners with "&" is an organisation', async (t) => {
  const m = mentionsOf('Hartley & Sloane reported record profits, and Mira Chen joined Baxter & Finch.');
  t.equal(typeOf(m, 'Hartley & Sloane'), 'ORG');
  t.equal(typeOf(m, 'Baxter & Finch'), 'ORG');
  t.equal(typeOf(m, 'Mira Chen'), 'PERSON');
});

t.test("a firm named after its partners stays one name when a partner's name is also a place", async (t) => {
  const m = mentionsOf('Tomas Ferreira, an analyst at Lisbon & Crowe in Madrid, said the bid was low.');
  t.equal(typeOf(m, 'Lisbon & Crowe'), 'ORG');
  t.notOk(m.some((x) => x.text === 'Lisbon' || x.text.startsWith('&')));
  t.equal(typeOf(m, 'Madrid'), 'LOC');
});

t.test('a business noun right before a name makes it an organisation, a lower-case brand included', async (t) => {
  const m = mentionsOf(
    'The delivery app zoomCart was bought by the investment bank Halvorsen Pike. Shares of the online retailer ' +
      'qBasket fell, and the carmaker Ostrava Motors said zoomCart would stay. Dana Holt owns a new xTab.',
  );
  expectTypes(t, m, {
    'Halvorsen Pike': 'ORG',
    qBasket: 'ORG',
    'Ostrava Motors': 'ORG',
    'Dana Holt': 'PERSON',
  });
  t.equal(typeOf(m, 'xTab'), 'PRODUCT', 'a brand with no business noun before it stays a product');
});

t.test('lower-case brands are found: a company from the company list, a product otherwise', async (t) => {
  const m = mentionsOf('Sellers moved from eBay to the new iWidget app, which runs on every zPhone.');
  expectTypes(t, m, {
    eBay: 'ORG',
    iWidget: 'PRODUCT',
    zPhone: 'PRODUCT',
  });
});

t.test('post-nominal letters are neither organisations nor part of the name', async (t) => {
  const m = mentionsOf('Ana Ruiz QC represented the family. Ivan Hale, OBE, chaired the inquiry.');
  expectTypes(t, m, {
    'Ana Ruiz': 'PERSON',
    'Ivan Hale': 'PERSON',
  });
  t.notOk(m.some((x) => x.text === 'QC' || x.text === 'OBE' || x.text.endsWith('QC')));
});

t.test('deities are persons, not organisations', async (t) => {
  const m = mentionsOf('The pilgrims prayed to Vishnu, and the preacher thanked God.');
  expectTypes(t, m, {
    Vishnu: 'PERSON',
    God: 'PERSON',
  });
});

t.test('nesting: a place named as the head of an organisation is part of its name', async (t) => {
  const m = mentionsOf('Health Norland issued a recall, and Air Norland cancelled flights.');
  t.equal(typeOf(m, 'Health Norland'), 'ORG');
  t.notOk(m.some((x) => x.text === 'Norland'), 'no mention of the country inside the names');
});

t.test('nesting: the city in an airport name, the place after "of", the person in a foundation', async (t) => {
  const m = mentionsOf('She flew from Quito Mariscal Airport to the University of Chile, then visited the Ana Ruiz Foundation.');
  expectTypes(t, m, {
    Quito: 'LOC',
    Chile: 'LOC',
    'University of Chile': 'ORG',
    'Ana Ruiz Foundation': 'ORG',
    'Ana Ruiz': 'PERSON',
  });
});

t.test('nesting: a surname in a foundation name is nested only when it refers to a person of the article', async (t) => {
  const m = mentionsOf('Lena Okafor spoke first. Later the Okafor Foundation and the Brixley Foundation gave grants.');
  const okafor = m.find((x) => x.text === 'Okafor');
  t.equal(okafor?.name, 'Lena Okafor');
  t.notOk(m.some((x) => x.text === 'Brixley'));
});

t.test('a person whose name starts with a city\'s is a person when a speech verb or a role follows; no place is nested in it', async (t) => {
  const m = mentionsOf('Quito Brask said the budget was fair. Lima Okafor, the mayor, agreed. Later Brask left for Quito.');
  expectTypes(t, m, {
    'Quito Brask': 'PERSON',
    'Lima Okafor': 'PERSON',
  });
  t.notOk(m.some((x) => x.text === 'Lima'), 'no place inside the person\'s name');
  t.equal(m.find((x) => x.text === 'Brask')?.name, 'Quito Brask');
  t.equal(m.filter((x) => x.text === 'Quito').at(-1)?.type, 'LOC', 'the city itself after "for"');
});

t.test('US states abbreviated after a city, news style, are places, and their period ends no sentence', async (t) => {
  const m = mentionsOf('FRESNO, Calif. (AP) -- Growers met in Dover, Del., on Monday. Nobody felt ill. Voters in Albany, N.Y. were split.');
  const states = m.filter((x) => x.type === 'LOC').map((x) => x.text);
  t.same(states, ['FRESNO', 'Calif.', 'Dover', 'Del.', 'Albany', 'N.Y.']);
  t.equal(m.find((x) => x.text === 'Calif.')?.name, 'California');
  t.notOk(m.some((x) => /^ill/i.test(x.text)), 'the word "ill" at the end of a sentence is no state');
});

t.test('a body before a title is a name of its own, and party members after a body are a group', async (t) => {
  const m = mentionsOf('On Monday, House Speaker Dan Orlov said the vote would wait. Senate Democrats objected, and Ohio Republicans were split.');
  expectTypes(t, m, {
    House: 'ORG',
    'Dan Orlov': 'PERSON',
    Senate: 'ORG',
    Democrats: 'NORP',
    Ohio: 'LOC',
    Republicans: 'NORP',
  });
  t.notOk(m.some((x) => x.text === 'House Speaker' || x.text === 'Senate Democrats' || x.text === 'Ohio Republicans'));
});

t.test('a name before staff nouns ("X economists") and a name with a capital inside ("BrightLedger") are organisations', async (t) => {
  const m = mentionsOf(
    'Kessling Marsh economists expected a cut, and QRStone Harlow analysts agreed. Ivo Haldane spoke, and Haldane shares the view. BrightLedger said it would appeal. ' +
      'Gov. Ana DeVito met Rep. Colin McAvoy. Oslo officials said the port was shut.',
  );
  expectTypes(t, m, {
    'Kessling Marsh': 'ORG',
    'QRStone Harlow': 'ORG',
    BrightLedger: 'ORG',
  });
  t.equal(typeOf(m, 'Ana DeVito'), 'PERSON', 'a family name with a particle (De, Mc) is no company');
  t.equal(typeOf(m, 'Colin McAvoy'), 'PERSON');
  t.equal(typeOf(m, 'Oslo'), 'LOC', 'a place before staff nouns stays a place');
  t.equal(m.filter((x) => x.text === 'Haldane')[0]?.type, 'PERSON', '"shares" after a name is a verb');
});

t.test('organisation heads in the plural take their "for ... and ..." complement ("Centers for X and Y")', async (t) => {
  const m = mentionsOf('Staff at the Centers for Soil Study and Outreach met the National Institutes of Farming.');
  expectTypes(t, m, {
    'Centers for Soil Study and Outreach': 'ORG',
    'National Institutes of Farming': 'ORG',
  });
});

t.test('the company before an officer\'s title, hyphenated titles, and company words such as "Electronics"', async (t) => {
  const m = mentionsOf(
    'Kelvar Robotics CFO Dana Holt resigned, and Zentro CEO Ivo Petrak replaced her. ' +
      'UNASCO Secretary-General Mira Chen met Halvorsen Electronics.',
  );
  expectTypes(t, m, {
    'Kelvar Robotics': 'ORG',
    'Dana Holt': 'PERSON',
    Zentro: 'ORG',
    'Ivo Petrak': 'PERSON',
    UNASCO: 'ORG',
    'Mira Chen': 'PERSON',
    'Halvorsen Electronics': 'ORG',
  });
});

t.test('UK titles (Cllr, MP) are no part of a name, and a possessive inside a name ends at its head word', async (t) => {
  const m = mentionsOf(
    "Cllr Nora Vale backed the plan, and MP Ivo Brent opposed it. The Northgate Children's Trust and the People's Party met. " +
      "Brent's Party rally was small.",
  );
  expectTypes(t, m, {
    'Nora Vale': 'PERSON',
    'Ivo Brent': 'PERSON',
  });
  t.notOk(m.some((x) => x.text.startsWith('Cllr') || x.text.startsWith('MP ')));
  expectTypes(t, m, {
    "Northgate Children's Trust": 'ORG',
    "People's Party": 'ORG',
  });
  t.notOk(m.some((x) => x.text === "Brent's Party"), 'a person\'s possessive is no part of a name');
});

t.test('"X and Y Administration" and "X and Y Commission" stay one name', async (t) => {
  const m = mentionsOf('The Grain and Timber Administration wrote to the Bonds and Exchange Commission.');
  expectTypes(t, m, {
    'Grain and Timber Administration': 'ORG',
    'Bonds and Exchange Commission': 'ORG',
  });
});

t.test('nesting: an unfamiliar place before a place modifier or after "University of" is a place of its own', async (t) => {
  const m = mentionsOf(
    'Pilots reported radar faults at Tarvolo Regional Airport. Staff at Tarvolo were tired, the Ostley City Council heard. ' +
      'A claim went to Dunmark County Probate Court from Ana Mills of the University of Quelmar.',
  );
  expectTypes(t, m, {
    'Tarvolo Regional Airport': 'FAC',
    Tarvolo: 'LOC',
    Ostley: 'LOC',
    'Ostley City Council': 'ORG',
    'Dunmark County': 'LOC',
    Quelmar: 'LOC',
    'Ana Mills': 'PERSON',
  });
  t.equal(m.filter((x) => x.text === 'Tarvolo').length, 2, 'the later mention is linked to the nested place');
});

t.test('organisations without a legal designator: a firm or newspaper ending, a first word no person has', async (t) => {
  const m = mentionsOf(
    'Brackwell Provisions said it would cooperate, and a survey by Quenby Research agreed. The Dorrance Courier and ' +
      'Radio Morvan covered the flood; so did the daily Il Vento di Caselva. Olympique Durancy drew with Atlético Sorrival.',
  );
  expectTypes(t, m, {
    'Brackwell Provisions': 'ORG',
    'Quenby Research': 'ORG',
    'Dorrance Courier': 'ORG',
    'Radio Morvan': 'ORG',
    'Il Vento di Caselva': 'ORG',
    Caselva: 'LOC',
    'Olympique Durancy': 'ORG',
    'Atlético Sorrival': 'ORG',
  });
});

t.test('a person whose name begins with a place: after a party label, a place office title, or a surname no English word', async (t) => {
  const m = mentionsOf(
    'Republican Sydney Brankov and Democrat Warren Ostby debated. Dorval Mayor Orlando Pell joined them, and Paris Adeyinka ' +
      'missed a penalty before Adeyinka left. Dunmark County Commission Chairwoman Imelda Vane said the county would look again.',
  );
  expectTypes(t, m, {
    'Sydney Brankov': 'PERSON',
    'Warren Ostby': 'PERSON',
    Dorval: 'LOC',
    'Orlando Pell': 'PERSON',
    'Paris Adeyinka': 'PERSON',
    Adeyinka: 'PERSON',
    'Dunmark County Commission': 'ORG',
    'Dunmark County': 'LOC',
    'Imelda Vane': 'PERSON',
  });
  t.notOk(m.some((x) => x.text === 'Paris' || x.text === 'Sydney' || x.text === 'Orlando'), 'no place nested in a person\'s name');
});

t.test('unfamiliar places: a place word with "of", a foreign place prefix, a square; no name nested in a river or park', async (t) => {
  const m = mentionsOf(
    'Trawlers returned to the Gulf of Velmar, and crane operators at the Port of Dravik stopped work. The reservoir would cover ' +
      "of Alto Querén, near the Querén River. The town's Piazza del Corvo was full for a concert in Tavish Park.",
  );
  expectTypes(t, m, {
    'Gulf of Velmar': 'LOC',
    'Port of Dravik': 'LOC',
    Dravik: 'LOC',
    'Alto Querén': 'LOC',
    'Querén River': 'LOC',
    'Piazza del Corvo': 'LOC',
    'Tavish Park': 'LOC',
  });
  t.notOk(m.some((x) => x.text === 'Velmar' || x.text === 'Tavish' || x.text === 'Gulf'), 'no name nested in a natural place');
  t.equal(m.filter((x) => x.text === 'Querén').length, 0);
});

t.test("an organisation's noun in apposition after a name, or right before it, makes it an organisation; a person of the organisation stays a person", async (t) => {
  const m = mentionsOf(
    'Enerlía Quenta, the company building the reservoir, said it would appeal. The dockers\' union Vakbond Rijen called for ' +
      "guarantees. Tobias Verhoek, a company spokesman, agreed, and Ibsa Tadele, the group's founder, spoke. " +
      'Oskaro Venn, a party candidate, spoke, and Brelco Tarrin, a firm based in Lyon, did not.',
  );
  expectTypes(t, m, {
    'Enerlía Quenta': 'ORG',
    'Vakbond Rijen': 'ORG',
    'Tobias Verhoek': 'PERSON',
    'Ibsa Tadele': 'PERSON',
    'Oskaro Venn': 'PERSON',
    'Brelco Tarrin': 'ORG',
  });
});

t.test('nesting: the legislature or university an office belongs to is nested; a region used as an adjective is not', async (t) => {
  const m = mentionsOf(
    'Files from the Senate Records Office and the Quenby University Survey Institute showed it, and the House ' +
      'Judiciary Committee agreed. The group Mediterranean Lifeline and the Pacific Ferry Operators Union welcomed it.',
  );
  expectTypes(t, m, {
    'Senate Records Office': 'ORG',
    Senate: 'ORG',
    'Quenby University': 'ORG',
    House: 'ORG',
    'Mediterranean Lifeline': 'ORG',
    'Pacific Ferry Operators Union': 'ORG',
  });
  t.notOk(m.some((x) => x.text === 'Mediterranean' || x.text === 'Pacific'), 'no region nested where it is an adjective');
});

t.test('a demonym the article makes of a place is a group of people, its place a place; given names and known words are not', async (t) => {
  const m = mentionsOf(
    'Talks with Neravia resumed. Neravian officials said Neravian President Ivo Brand agreed, and Nebraskans voted. ' +
      'Julian Brekke and Adrian Holt wrote to the Korean Broadcasting Corporation.',
  );
  expectTypes(t, m, {
    Neravia: 'LOC',
    Neravian: 'NORP',
    'Ivo Brand': 'PERSON',
    Nebraskans: 'NORP',
    'Julian Brekke': 'PERSON',
    'Adrian Holt': 'PERSON',
    'Korean Broadcasting Corporation': 'ORG',
  });
});

t.test('titles in quotation marks are works, names with a hyphenated number are versions, and a group\'s event keeps its possessive', async (t) => {
  const m = mentionsOf(
    '"The Glass Orchard", a drama by Ana Ruiz, beat "Paper Moons", and "The Glass Orchard" will open in Paris. ' +
      'The Osprey-3 satellite took over from Osprey-2. Brackwell reached the final of the Women\'s Highland Cup.',
  );
  expectTypes(t, m, {
    'Glass Orchard': 'WORK_OF_ART',
    'Paper Moons': 'WORK_OF_ART',
    'Ana Ruiz': 'PERSON',
    Paris: 'LOC',
    'Osprey-3': 'PRODUCT',
    'Osprey-2': 'PRODUCT',
    "Women's Highland Cup": 'EVENT',
  });
  t.notOk(m.some((x) => x.text === 'Women'), 'no group name cut from the event');
});

t.test('a noun around a quoted name still says what it names', async (t) => {
  const m = mentionsOf('The band "Blue Lantern" played, and the "Swift Kite" rocket flew.');
  expectTypes(t, m, {
    'Blue Lantern': 'ORG',
    'Swift Kite': 'PRODUCT',
  });
});

t.test('nesting: a county named after a person, the city of a newspaper named after it; a fund named after a legislature is no part of it; "PAC" alone is no name', async (t) => {
  const m = mentionsOf(
    'The case went to Imelda County Circuit Court. The editor of the Tucson Sentinel agreed. The Senate ' +
      'Victory Fund and a super PAC bought $5 million in ads, and the PAC said it would buy more.',
  );
  expectTypes(t, m, {
    'Imelda County Circuit Court': 'ORG',
    'Imelda County': 'LOC',
    'Tucson Sentinel': 'ORG',
    Tucson: 'LOC',
    'Senate Victory Fund': 'ORG',
  });
  t.notOk(m.some((x) => x.text === 'Senate' || x.text === 'PAC'));
});

t.test('a place that is also a given name is the person after the person was named; a party named with an English word is found before a role', async (t) => {
  const m = mentionsOf(
    'Sydney Okoro resigned on Monday. Aides said Sydney had been unhappy. She flew to Sydney. ' +
      'Labour councillor Ravi Dean voted against it, and Labour MP Ana Lindqvist agreed. Labour Day fell on a Monday.',
  );
  const sydneys = m.filter((x) => x.text === 'Sydney');
  t.same(sydneys.map((x) => x.type), ['PERSON', 'LOC']);
  t.equal(sydneys[0]?.name, 'Sydney Okoro');
  expectTypes(t, m, {
    Labour: 'ORG',
    'Ravi Dean': 'PERSON',
    'Ana Lindqvist': 'PERSON',
  });
  t.equal(m.filter((x) => x.text === 'Labour').length, 2, 'not in "Labour Day"');
});

t.test('places named with a possessive and a place word are one place; a square keeps no place nested in it', async (t) => {
  const m = mentionsOf(
    "Residents of Hadley's Landing were moved, and we left Brody's Point. Ana Ruiz's Party won, but Ruiz's Green " +
      'Plan failed. The Piazza della Rocca was full, and so was the Plaza de Madrid.',
  );
  expectTypes(t, m, {
    "Hadley's Landing": 'LOC',
    "Brody's Point": 'LOC',
    'Ana Ruiz': 'PERSON',
    'Piazza della Rocca': 'LOC',
    'Plaza de Madrid': 'LOC',
  });
  t.notOk(m.some((x) => x.text === "Ruiz's Green Plan" || x.text === 'Rocca' || x.text === 'Madrid' || x.text === 'Hadley'));
});

t.test('a city and an unknown word after a preposition of motion stays no person (an airport or a district)', async (t) => {
  const m = mentionsOf('Flights from London Heathrow and to Paris Orly were cancelled, and Paris Adeyinka missed the match.');
  expectTypes(t, m, {
    'London Heathrow': 'ORG',
    'Paris Orly': 'ORG',
    'Paris Adeyinka': 'PERSON',
  });
});

t.test('a name that opens a sentence is a person when the next sentence opens with "He" or "She"', async (t) => {
  const m = mentionsOf('Okonjo arrived in the capital on Monday for three days of talks. He said the trade deal was within reach.');
  t.equal(typeOf(m, 'Okonjo'), 'PERSON');
  t.equal(m.find((x) => x.text === 'He')?.name, 'Okonjo', 'and "He" is that person');
  const org = mentionsOf('Veltrix reported record profits on Monday. It said demand for its chips had doubled.');
  t.equal(typeOf(org, 'Veltrix'), 'ORG', 'a name taken up by "It" stays an organisation');
  const later = mentionsOf('Brannock closed the plant in May. Workers were told on Friday. She said nothing.');
  t.equal(typeOf(later, 'Brannock'), 'ORG', 'only the very next sentence counts');
});

t.test('the speaker named right after a quotation is a person when the next sentence opens with "He" or "She"', async (t) => {
  const m = mentionsOf('"We are ready," Okonjo said. He added that the team would travel on Friday.');
  t.equal(typeOf(m, 'Okonjo'), 'PERSON');
  t.equal(m.find((x) => x.text === 'He')?.name, 'Okonjo', 'and "He" is that person');
  const org = mentionsOf('"We are ready," Veltrix said. It added that shipments would start on Friday.');
  t.equal(typeOf(org, 'Veltrix'), 'ORG', 'one taken up by "It" stays an organisation');
});

t.test('a name with an age in apposition ("X, 54, a farmer") is a person, even one that is also a town', async (t) => {
  const m = mentionsOf('Brannock, 54, a farmer from Ames, told the committee that prices had collapsed. "We cannot go on," she said.');
  t.equal(typeOf(m, 'Brannock'), 'PERSON');
  t.equal(m.find((x) => x.text === 'she')?.name, 'Brannock', 'and "she" is that person');
  const town = mentionsOf('Lopez, 61, of Tulsa, was charged on Monday.');
  t.equal(typeOf(town, 'Lopez'), 'PERSON', 'a name that is also a town name');
  const votes = mentionsOf('The results came in from Ohio, 18, and Texas, 40, by midnight.');
  t.equal(typeOf(votes, 'Ohio'), 'LOC', 'a state with a count after it stays a place');
  t.equal(typeOf(mentionsOf('Sales rose in 2019, 12, and 2020.'), '2019'), undefined, 'a year is no name');
});

t.test('"X City" after a preposition of place is the city, and elsewhere may be the club', async (t) => {
  const m = mentionsOf('Police in Harbour City arrested two men on Sunday. Rovane City beat Arlow 2-0 on Saturday.');
  t.equal(typeOf(m, 'Harbour City'), 'LOC');
  t.equal(typeOf(m, 'Rovane City'), 'ORG');
  const club = mentionsOf("The win in Rovane City's home stadium lifted the team to third.");
  t.equal(typeOf(club, "Rovane City"), 'ORG', 'a possessor after "in" is the club');
});

t.test('a single unknown name is a person when "who", a reflexive or "his wife" takes it up', async (t) => {
  t.equal(typeOf(mentionsOf('Garvanne, who denied the charges, resigned on Monday.'), 'Garvanne'), 'PERSON', '"X, who ..."');
  t.equal(typeOf(mentionsOf('Brannock and his wife fled the town in March.'), 'Brannock'), 'PERSON', '"X and his wife"');
  t.equal(typeOf(mentionsOf('Halvorsen defended himself in court on Tuesday.'), 'Halvorsen'), 'PERSON', 'a reflexive');
  t.equal(typeOf(mentionsOf('Veltrix said he would be replaced within a month.'), 'Veltrix'), 'ORG', 'a plain "he" after a verb may be anyone');
  t.equal(typeOf(mentionsOf('Veltrix, which makes chips, cut 200 jobs.'), 'Veltrix'), 'ORG', '"which" takes up a thing');
  t.equal(typeOf(mentionsOf('Analysts at Veltrix and his wife were not there.'), 'Veltrix'), 'ORG', 'only a name that opens its sentence');
});

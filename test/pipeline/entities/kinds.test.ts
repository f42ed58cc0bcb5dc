// Names of facilities, products, events, laws, works and groups get types of their own, from the
// words of the name and the words around it (invented passages).
import t from 'tap';
import { mentionsOf, typeOf } from './helpers.js';

t.test('a facility is named by its head word: airports, bridges, roads, stadiums', async (t) => {
  const m = mentionsOf('Flights left Norvale International Airport after the Kessler Bridge and Halden Street reopened near Ostrow Stadium.');
  t.equal(typeOf(m, 'Norvale International Airport'), 'FAC');
  t.equal(typeOf(m, 'Kessler Bridge'), 'FAC');
  t.equal(typeOf(m, 'Halden Street'), 'FAC');
  t.equal(typeOf(m, 'Ostrow Stadium'), 'FAC');
});

t.test('a product is named by a product noun after it, a model number or a version', async (t) => {
  const m = mentionsOf('Many people still use the Zendrix browser. The Vantor 9 ships next month, and pilots praised the Q400 turboprop. Kelvar Labs said the Orbix 3 update was late.');
  t.equal(typeOf(m, 'Zendrix'), 'PRODUCT');
  t.equal(typeOf(m, 'Vantor 9'), 'PRODUCT');
  t.equal(typeOf(m, 'Q400'), 'PRODUCT');
  t.equal(typeOf(m, 'Orbix 3'), 'PRODUCT');
  t.equal(typeOf(m, 'Kelvar Labs'), 'ORG');
});

t.test('a later cue retypes every mention of the entity', async (t) => {
  const m = mentionsOf('Zendrix crashed twice on Monday. Engineers said the Zendrix browser needed a patch.');
  const z = m.filter((x) => x.text === 'Zendrix');
  t.equal(z.length, 2);
  t.ok(z.every((x) => x.type === 'PRODUCT'));
});

t.test('versions name their product line; its abbreviation follows', async (t) => {
  const m = mentionsOf('Zentrix Navigator 7 was released today. Zentrix Navigator has many users, and ZN fans queued.');
  t.equal(typeOf(m, 'Zentrix Navigator 7'), 'PRODUCT');
  t.equal(typeOf(m, 'Zentrix Navigator'), 'PRODUCT');
  t.equal(typeOf(m, 'ZN'), 'PRODUCT');
});

t.test('spacecraft and ships are products, missions are events', async (t) => {
  const m = mentionsOf('The Halcyon spacecraft docked on Friday, the third week of the Perseid mission. The USS Marlowe escorted the Brightwater Telescope barge.');
  t.equal(typeOf(m, 'Halcyon'), 'PRODUCT');
  t.equal(typeOf(m, 'Perseid'), 'EVENT');
  t.equal(typeOf(m, 'USS Marlowe'), 'PRODUCT');
});

t.test('events: storms, wars with their number, tournaments and festivals', async (t) => {
  const m = mentionsOf('Hurricane Odelia hit the coast. Veterans of World War II marched before the Castellan Open and the Riverside Festival.');
  t.equal(typeOf(m, 'Hurricane Odelia'), 'EVENT');
  t.equal(typeOf(m, 'World War II'), 'EVENT');
  t.equal(typeOf(m, 'Castellan Open'), 'EVENT');
  t.equal(typeOf(m, 'Riverside Festival'), 'EVENT');
});

t.test('laws, treaties and their articles', async (t) => {
  const m = mentionsOf('The Fair Rents Act passed after the Treaty of Valmora was signed. Article 12 protects tenants.');
  t.equal(typeOf(m, 'Fair Rents Act'), 'LAW');
  t.equal(typeOf(m, 'Treaty of Valmora'), 'LAW');
  t.equal(typeOf(m, 'Article 12'), 'LAW');
});

t.test('works are named by a work noun before or after the title; awards are titled too', async (t) => {
  const m = mentionsOf('Her novel Quiet Lanterns won the Ellery Prize, and the Moonfall films made millions.');
  t.equal(typeOf(m, 'Quiet Lanterns'), 'WORK_OF_ART');
  t.equal(typeOf(m, 'Ellery Prize'), 'WORK_OF_ART');
  t.equal(typeOf(m, 'Moonfall'), 'WORK_OF_ART');
});

t.test('nationalities, religions and political groups are NORP, unless they are part of a role', async (t) => {
  const m = mentionsOf('Kenyans voted on Sunday. Muslims and Democrats joined the march. The Kenyan president, Ana Wanjiru, spoke.');
  t.equal(typeOf(m, 'Kenyans'), 'NORP');
  t.equal(typeOf(m, 'Muslims'), 'NORP');
  t.equal(typeOf(m, 'Democrats'), 'NORP');
  t.notOk(m.some((x) => x.text === 'Kenyan'), 'the nationality in "the Kenyan president" is part of the role');
  t.equal(m.find((x) => x.kind === 'nominal')?.name, 'Ana Wanjiru');
});

t.test('an ordinary word and a number name nothing', async (t) => {
  const m = mentionsOf('Trials reached Phase 3 in May, and Level 4 alerts followed.');
  t.same(m, []);
});

t.test('a team is an organisation: "Team X", and what one plays, rides or signs for', async (t) => {
  const m = mentionsOf('Ivo Sarkis rides for Team Castora, and his sister plays for Unión Bravia.');
  t.equal(typeOf(m, 'Team Castora'), 'ORG');
  t.equal(typeOf(m, 'Unión Bravia'), 'ORG');
  t.equal(typeOf(m, 'Ivo Sarkis'), 'PERSON');
});

t.test('a journalist\'s job title in a byline names nobody; a paper called "The X Reporter" stays a paper', async (t) => {
  const m = mentionsOf('Ferry fares rise\n\nBy Ottilie Brand, Transport Correspondent\n\nFares rose again in May, The Harbour Reporter found.');
  t.notOk(m.some((x) => x.text === 'Transport Correspondent'));
  t.equal(typeOf(m, 'Ottilie Brand'), 'PERSON');
  t.equal(typeOf(m, 'Harbour Reporter'), 'ORG');
});

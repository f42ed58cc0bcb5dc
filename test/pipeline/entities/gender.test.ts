// The gender estimate of a person (issue 14: share of voice by estimated gender): from the given
// name and the pronouns resolved to the person, 'unknown' whenever that evidence is weak or
// conflicting; nothing else is inferred, and only people get one.
import t from 'tap';
import { estimateGender } from '../../../src/pipeline/gender.js';
import { genderOfGivenName } from '../../../src/pipeline/gazetteer.js';
import { mentionsOf } from './helpers.js';

const personGender = (text: string, name: string) => mentionsOf(text).find((m) => m.name === name)?.gender;

t.test('a given name found in one of the two first-name lists decides', async (t) => {
  t.equal(personGender('Henrietta Okonjo opened the session.', 'Henrietta Okonjo'), 'female');
  t.equal(personGender('Gregory Brask closed the session.', 'Gregory Brask'), 'male');
});

t.test('a given name in both lists, or in neither, is unknown unless pronouns decide', async (t) => {
  t.equal(genderOfGivenName('robin'), null, 'the premise: "Robin" is in both lists');
  t.equal(personGender('Robin Alvarsson arrived late.', 'Robin Alvarsson'), 'unknown');
  t.equal(personGender('Robin Alvarsson arrived late. She said her train had stopped.', 'Robin Alvarsson'), 'female');
  t.equal(personGender('Zorvath Quillon arrived late. He said his train had stopped.', 'Zorvath Quillon'), 'male');
});

t.test('a single pronoun is too weak to decide', async (t) => {
  t.equal(personGender('Zorvath Quillon arrived late. He apologised.', 'Zorvath Quillon'), 'unknown');
});

t.test('a bare surname gives no given name: only pronouns can decide', async (t) => {
  t.equal(estimateGender(null, undefined), 'unknown');
  t.equal(estimateGender(null, { m: 3, f: 0 }), 'male');
});

t.test('conflicting evidence is unknown', async (t) => {
  t.equal(estimateGender('henrietta', { m: 1, f: 0 }), 'unknown', 'a female name and a male pronoun');
  t.equal(estimateGender('gregory', { m: 0, f: 2 }), 'unknown', 'a male name and female pronouns');
  t.equal(estimateGender(null, { m: 2, f: 1 }), 'unknown', 'pronouns of both kinds');
  t.equal(estimateGender('henrietta', { m: 0, f: 4 }), 'female');
});

t.test('only people carry a gender', async (t) => {
  const m = mentionsOf('Henrietta Okonjo left the Norvale Water Board in Lisbon.');
  t.ok(m.filter((x) => x.type !== 'PERSON').every((x) => x.gender === undefined));
});

t.test('family-name-first names give no given name', async (t) => {
  const { givenNameOf } = await import('../../../src/pipeline/gender.js');
  t.equal(givenNameOf(['cho', 'min-jung']), null);
  t.equal(givenNameOf(['lim', 'soo', 'min']), null);
  t.equal(givenNameOf(['henrietta', 'okonjo']), 'henrietta');
  t.equal(givenNameOf(['okonjo']), null, 'a surname alone');
});

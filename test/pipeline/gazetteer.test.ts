import t from 'tap';
import { demonymCountry, genderOfGivenName, isEnglishWord, isGivenName, isNameLike, lookupPlace } from '../../src/pipeline/gazetteer.js';

t.test('countries resolve from common names, official names, aliases and abbreviations to one canonical name', async (t) => {
  for (const s of ['United States', 'USA', 'U.S.', 'US', 'United States of America']) t.equal(lookupPlace(s)?.canonical, 'United States', s);
  t.equal(lookupPlace('UK')?.canonical, 'United Kingdom');
  t.equal(lookupPlace('S.Korea')?.canonical, 'South Korea', 'a compass initial expands');
  t.equal(lookupPlace('Turkey')?.kind, 'country');
});

t.test('capitals, major cities and states are places; accents do not matter', async (t) => {
  t.equal(lookupPlace('Nairobi')?.kind, 'city');
  t.ok(lookupPlace('Sao Paulo'));
  t.ok(lookupPlace('São Paulo'));
  t.ok(lookupPlace('Ontario'));
  t.equal(lookupPlace('Kitchen'), undefined);
});

t.test('demonyms lead to their country', async (t) => {
  t.equal(demonymCountry('Kenyan'), 'Kenya');
  t.equal(demonymCountry('table'), undefined);
});

t.test('given names, proper names and ordinary English words are told apart', async (t) => {
  t.ok(isGivenName('margaret'));
  t.notOk(isGivenName('table'));
  t.ok(isEnglishWord('tables'), 'plural of a dictionary word');
  t.ok(isNameLike('zelenski'), 'not an English word');
  t.ok(isNameLike('smith'), 'an English word the dictionary also lists as a name');
  t.equal(genderOfGivenName('margaret'), 'f');
  t.equal(genderOfGivenName('vladimir'), 'm');
  t.equal(genderOfGivenName('kim'), null, 'a name in both lists has no gender');
});

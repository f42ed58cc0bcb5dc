// US political news and wire copy: bylines, titles between a body and a person, adjectival uses
// of names, party labels after places (invented passages).
import t from 'tap';
import { expectTypes, mentionsOf } from './helpers.js';

t.test('a name never runs over a line break: a byline and the outlet on the line under it are two names', async (t) => {
  const m = mentionsOf('Voters Sour on Levy\n\nBy Odessa Quillfeather\nThe Marston Courier\n\nVoters in Calverton rejected the school levy on Tuesday, the county clerk said.');
  expectTypes(t, m, { 'Odessa Quillfeather': 'PERSON', 'Marston Courier': 'ORG' });
  t.notOk(m.some((x) => x.text.includes('\n')), 'no mention holds a line break');
});

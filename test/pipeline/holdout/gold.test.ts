// The held-out set's gold file is the build of its marked-up articles, and every span in it covers
// the text it claims to (code-point offsets, as in ../shared/eval/gum-news-dev.jsonl). The set is for
// measuring only (README.md here): this test checks the gold, never the pipeline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { challengeJsonl, setDir, setGold } from '../../../scripts/challenge-build.js';
import { readChallenge, spanMismatches, type GoldDoc } from '../../../scripts/challenge-markup.js';

const gold = setGold('holdout');
const docs = readFileSync(gold, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldDoc);

t.test('the committed gold file is what the marked-up articles build to', async (t) => {
  t.equal(readFileSync(gold, 'utf8'), challengeJsonl(readChallenge(join(setDir('holdout'), 'articles'))));
});

t.test('every entity, quote, speaker, content, source and cue covers its own text', async (t) => {
  const { spans, errors } = spanMismatches(docs);
  t.same(errors, []);
  t.ok(spans > 500, `${spans} spans checked`);
});

t.test('the set holds eight articles in the three styles of the unseen news', async (t) => {
  const count = (style: string): number => docs.filter((d) => d.style === style).length;
  t.equal(docs.length, 8);
  t.ok(count('political') >= 4 && count('encyclopedic') >= 3 && count('other') >= 1);
});

t.test('no article id is shared with the challenge set', async (t) => {
  const challenge = new Set(readChallenge(join(setDir('challenge'), 'articles')).map((d) => d.id));
  t.same(docs.filter((d) => challenge.has(d.id)).map((d) => d.id), []);
});

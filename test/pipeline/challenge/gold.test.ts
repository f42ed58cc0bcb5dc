// The challenge set's gold file is the build of its marked-up articles, and every span in it
// covers the text it claims to (code-point offsets, as in ../shared/eval/gum-news-dev.jsonl).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { challengeDir, challengeGold, challengeJsonl } from '../../../scripts/challenge-build.js';
import { buildDoc, readChallenge, spanMismatches, type GoldDoc } from '../../../scripts/challenge-markup.js';

const docs = readFileSync(challengeGold, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldDoc);

t.test('the committed gold file is what the marked-up articles build to', async (t) => {
  t.equal(readFileSync(challengeGold, 'utf8'), challengeJsonl(readChallenge(join(challengeDir, 'articles'))));
});

t.test('every entity, quote, speaker, content, source and cue covers its own text', async (t) => {
  const { spans, errors } = spanMismatches(docs);
  t.same(errors, []);
  t.ok(spans > 2000, `${spans} spans checked`);
});

t.test('the set covers the three styles of the unseen news with about thirty articles', async (t) => {
  const count = (style: string): number => docs.filter((d) => d.style === style).length;
  t.ok(docs.length >= 30);
  t.ok(count('political') >= 10 && count('encyclopedic') >= 8 && count('other') >= 5);
});

t.test('the markup refuses unbalanced brackets, a content without words and a quotation that crosses a content', async (t) => {
  const header = 'id: x\nstyle: other\n---\n';
  t.throws(() => buildDoc('x', `${header}Ann] said it works.`), /without/);
  t.throws(() => buildDoc('x', `${header}[Ann said it works.`), /unclosed/);
  t.throws(() => buildDoc('x', `${header}[Ann]{s1} [said]{k1} it works.`), /no content/);
  t.throws(() => buildDoc('x', `${header}[Ann]{s1} said "it [works," she]{c1} added.`), /crosses content/);
  const ok = buildDoc('x', 'id: x\nstyle: other\n@P ann: Ann Lee; Ann\n---\n["It works,"]{c1} [Ann]{s1} [said]{k1}.');
  t.equal(ok.attributions[0]?.source?.text, 'Ann');
  t.equal(ok.quotes[0]?.speaker?.text, 'Ann');
  t.same(ok.entities.map((e) => e.text), ['Ann']);
});

// annotate()'s whole output, one JSON line per document, over the dev-set texts, the fixture and
// variants of them (upper, lower and Title Case, single and curly quotation marks, one block,
// paragraphs reversed, the headline-body layout, no-break spaces, pairs of documents joined): for a
// change made for speed, compare the output before and after, which must be the same.
//
//   npx tsx scripts/pipeline-snapshot.ts out.jsonl [--compare before.jsonl] [--gold path/to/dev.jsonl]

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate, type AnnotateOptions } from '../src/pipeline/annotate.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const out = process.argv[2];
if (!out || out.startsWith('--')) throw new Error('usage: pipeline-snapshot.ts out.jsonl [--compare before.jsonl] [--gold dev.jsonl]');
const shared = resolve(process.env.SHARED_DIR ?? join(root, '..', 'shared'));
const gold = resolve(arg('gold') ?? process.env.EVAL_GOLD ?? join(shared, 'eval', 'gum-news-dev.jsonl'));

const texts = readFileSync(gold, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
texts.push(readFileSync(join(root, 'test', 'fixtures', 'vladivostok-summit.txt'), 'utf8'));

const docs: { id: string; text: string; options?: AnnotateOptions }[] = [];
texts.forEach((text, i) => {
  docs.push({ id: `${i}`, text });
  docs.push({ id: `${i}-upper`, text: text.toUpperCase() });
  docs.push({ id: `${i}-lower`, text: text.toLowerCase() });
  docs.push({ id: `${i}-title`, text: text.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase()) });
  docs.push({ id: `${i}-single`, text: text.replace(/"(?=\w)/g, '\u2018').replace(/"/g, '\u2019') });
  docs.push({ id: `${i}-curly`, text: text.replace(/"(?=\w)/g, '\u201c').replace(/"/g, '\u201d') });
  docs.push({ id: `${i}-one-block`, text: text.replace(/\n+/g, ' ') });
  docs.push({ id: `${i}-reversed`, text: text.split(/\n\n+/).reverse().join('\n\n') });
  docs.push({ id: `${i}-headline-body`, text, options: { layout: 'headline-body' } });
  docs.push({ id: `${i}-nbsp`, text: text.replace(/'/g, '\u00a0').replace(/ (?=\w)/g, (m: string, at: number) => (at % 7 ? m : '\u00a0')) });
});
for (let i = 0; i + 1 < texts.length; i++) docs.push({ id: `${i}+${i + 1}`, text: `${texts[i]}\n\n${texts[i + 1]}` });

const lines = docs.map((d) => JSON.stringify({ id: d.id, annotation: annotate(d.text, d.options) }));
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${docs.length} documents -> ${out}`);

const before = arg('compare');
if (before) {
  const old = readFileSync(before, 'utf8').split('\n').filter(Boolean);
  const changed = lines.filter((line, k) => line !== old[k]).map((line) => (JSON.parse(line) as { id: string }).id);
  if (old.length !== lines.length) console.log(`${before} has ${old.length} documents, this run ${lines.length}`);
  console.log(changed.length === 0 ? 'same output for every document' : `output changed for ${changed.length}: ${changed.join(', ')}`);
  if (changed.length > 0 || old.length !== lines.length) process.exitCode = 1;
}

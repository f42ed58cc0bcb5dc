// Scores the pipeline on the challenge set (test/pipeline/challenge): invented news in the styles of
// the unseen evaluation sets. The annotate command annotates every article; ../shared/eval/score.mjs
// (read from there at run time) scores the whole set, then each style on its own.
//
//   npm run eval:challenge [-- --set holdout] [--shared path/to/shared] [--keep]
// `--set holdout` scores the held-out set (test/pipeline/holdout) instead: for measuring only, never
// for choosing fixes.
// Environment override: SHARED_DIR. --keep prints where the predictions and gold files are kept.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotateWithCommand } from './challenge-annotate.js';
import { challengeJsonl, setDir, setFromArgs, setGold } from './challenge-build.js';
import { readChallenge, type GoldDoc, type Style } from './challenge-markup.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const shared = resolve(arg('shared') ?? process.env.SHARED_DIR ?? join(root, '..', 'shared'));
const scorer = join(shared, 'eval', 'score.mjs');

const STYLES: { style: Style; name: string }[] = [
  { style: 'political', name: 'US political news and wire copy' },
  { style: 'encyclopedic', name: 'encyclopedic (Wikinews-style) news' },
  { style: 'other', name: 'UK style, transcripts and other' },
];

const set = setFromArgs();
const challengeGold = setGold(set);
const goldText = readFileSync(challengeGold, 'utf8');
if (goldText !== challengeJsonl(readChallenge(join(setDir(set), 'articles')))) {
  const command = `npx tsx scripts/challenge-build.ts${set === 'challenge' ? '' : ` --set ${set}`}`;
  console.warn(`# warning: ${set}-gold.jsonl differs from the articles; run ${command}`);
}
const docs = goldText
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as GoldDoc);

const dir = mkdtempSync(join(tmpdir(), 'eval-challenge-'));
const predPath = join(dir, 'predictions.jsonl');
writeFileSync(predPath, await annotateWithCommand(docs));

const score = (goldPath: string): string =>
  execFileSync(process.execPath, [scorer, '--gold', goldPath, '--pred', predPath, '--pred-offsets', 'codepoint'], { encoding: 'utf8' });
const summary: string[] = [];
const headline = (out: string, name: string): void => {
  const num = (re: RegExp): string => re.exec(out)?.[1] ?? '-';
  summary.push(
    [
      name.padEnd(36),
      num(/NER head_locorg_merged .*ALL P=[\d.]+ R=[\d.]+ F1=([\d.]+)/),
      num(/SPEAKER accuracy=([\d.]+|null)/),
      num(/ATTRIBUTIONS content P=[\d.]+ R=[\d.]+ F1=([\d.]+)/),
      num(/indirect=([\d.]+|null)/),
      num(/source accuracy=([\d.]+|null)/),
    ]
      .map((s, i) => (i ? s.padStart(9) : s))
      .join(''),
  );
};

console.log(`# ${set === 'challenge' ? 'challenge' : `${set} (measuring only)`} set: ${docs.length} invented articles (${challengeGold})`);
const all = score(challengeGold);
console.log(all);
headline(all, `all (${docs.length})`);
for (const { style, name } of STYLES) {
  const lines = goldText.split('\n').filter((l) => l.trim() && (JSON.parse(l) as GoldDoc).style === style);
  const path = join(dir, `gold-${style}.jsonl`);
  writeFileSync(path, lines.join('\n') + '\n');
  const out = score(path);
  console.log(`# ${name}: ${lines.length} articles\n${out}`);
  headline(out, `${style} (${lines.length})`);
}
console.log(`# summary${' '.repeat(29)}      NER  SPEAKER  ATTR F1 indirect   source`);
console.log(summary.join('\n'));
if (process.argv.includes('--keep')) console.log(`# predictions and gold files kept in ${dir}`);
else rmSync(dir, { recursive: true, force: true });

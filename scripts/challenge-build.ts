// Builds a set's gold file from its marked-up articles and prints what it holds. The default set is
// the challenge set (test/pipeline/challenge); `--set holdout` builds the held-out set
// (test/pipeline/holdout), whose figures are for measuring only.
//
//   npx tsx scripts/challenge-build.ts [--set holdout]          write test/pipeline/<set>/<set>-gold.jsonl
//   npx tsx scripts/challenge-build.ts [--set holdout] --check  fail when the committed file differs from the articles

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readChallenge, type GoldDoc } from './challenge-markup.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const challengeDir = join(root, 'test', 'pipeline', 'challenge');
export const challengeGold = join(challengeDir, 'challenge-gold.jsonl');

/** The sets built from marked-up articles: `challenge` (tuned on) and `holdout` (measuring only). */
export const SETS = ['challenge', 'holdout'] as const;
export type SetName = (typeof SETS)[number];
export const setDir = (set: SetName): string => join(root, 'test', 'pipeline', set);
export const setGold = (set: SetName): string => join(setDir(set), `${set}-gold.jsonl`);

/** The set named by `--set NAME` on the command line (default: challenge). */
export function setFromArgs(argv: string[] = process.argv): SetName {
  const i = argv.indexOf('--set');
  const name = i >= 0 ? argv[i + 1] : 'challenge';
  if (!SETS.includes(name as SetName)) throw new Error(`--set must be one of ${SETS.join(', ')}, not ${JSON.stringify(name)}`);
  return name as SetName;
}

export function challengeJsonl(docs: GoldDoc[]): string {
  return docs.map((d) => JSON.stringify(d)).join('\n') + '\n';
}

function summary(docs: GoldDoc[]): string {
  const rows = ['style         docs  words  entities  quotes(spk)  attributions  direct  indirect  nested'];
  const groups = [...new Set(docs.map((d) => d.style))].map((s) => [s, docs.filter((d) => d.style === s)] as const);
  for (const [name, ds] of [...groups, ['all', docs] as const]) {
    const n = (f: (d: GoldDoc) => number): number => ds.reduce((a, d) => a + f(d), 0);
    const attrs = ds.flatMap((d) => d.attributions);
    rows.push(
      [
        name.padEnd(13),
        String(ds.length).padStart(4),
        String(n((d) => d.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0)).padStart(6),
        String(n((d) => d.entities.length)).padStart(9),
        `${n((d) => d.quotes.length)}(${n((d) => d.quotes.filter((q) => q.speaker).length)})`.padStart(12),
        String(attrs.length).padStart(13),
        String(attrs.filter((a) => a.direct).length).padStart(7),
        String(attrs.filter((a) => !a.direct).length).padStart(9),
        String(attrs.filter((a) => a.nested).length).padStart(7),
      ].join(' '),
    );
  }
  return rows.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const set = setFromArgs();
  const gold = setGold(set);
  const docs = readChallenge(join(setDir(set), 'articles'));
  const out = challengeJsonl(docs);
  const file = `${set}-gold.jsonl`;
  if (process.argv.includes('--check')) {
    const same = readFileSync(gold, 'utf8') === out;
    const command = `npx tsx scripts/challenge-build.ts${set === 'challenge' ? '' : ` --set ${set}`}`;
    console.log(same ? `${file} is up to date` : `${file} differs from the articles: run ${command}`);
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(gold, out);
    console.log(`wrote ${gold}`);
    console.log(summary(docs));
  }
}

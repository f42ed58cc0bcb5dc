// Builds the challenge set's gold file from its marked-up articles and prints what it holds.
//
//   npx tsx scripts/challenge-build.ts          write test/pipeline/challenge/challenge-gold.jsonl
//   npx tsx scripts/challenge-build.ts --check  fail when the committed file differs from the articles

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readChallenge, type GoldDoc } from './challenge-markup.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const challengeDir = join(root, 'test', 'pipeline', 'challenge');
export const challengeGold = join(challengeDir, 'challenge-gold.jsonl');

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
  const docs = readChallenge(join(challengeDir, 'articles'));
  const out = challengeJsonl(docs);
  if (process.argv.includes('--check')) {
    const same = readFileSync(challengeGold, 'utf8') === out;
    console.log(same ? 'challenge-gold.jsonl is up to date' : 'challenge-gold.jsonl differs from the articles: run npx tsx scripts/challenge-build.ts');
    process.exitCode = same ? 0 : 1;
  } else {
    writeFileSync(challengeGold, out);
    console.log(`wrote ${challengeGold}`);
    console.log(summary(docs));
  }
}

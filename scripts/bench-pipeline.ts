// Speed of the annotation pipeline against compromise (people/places/organizations) on the same
// documents in one run: the dev-set texts and the fixture. Warms up first, then reports the median
// ms per article, articles/s, ms per 5,000 characters, and the ratio; and the same ratio in CPU
// time of this process, which a busy machine disturbs less than wall-clock time. The targets
// (issue 11): at least 10x faster than compromise, at most 5 ms per 5,000 characters.
//
//   npx tsx scripts/bench-pipeline.ts [--gold path/to/dev.jsonl] [--rounds N]

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { annotate } from '../src/pipeline/annotate.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const shared = resolve(process.env.SHARED_DIR ?? join(root, '..', 'shared'));
const gold = resolve(arg('gold') ?? process.env.EVAL_GOLD ?? join(shared, 'eval', 'gum-news-dev.jsonl'));
const rounds = Number(arg('rounds') ?? 10);

const texts = readFileSync(gold, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
texts.push(readFileSync(join(root, 'test', 'fixtures', 'vladivostok-summit.txt'), 'utf8'));
const chars = texts.reduce((n, t) => n + t.length, 0) / texts.length;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

type Fn = (t: string) => unknown;
const ourFn: Fn = (t) => annotate(t);
const theirFn: Fn = (t) => {
  const doc = nlp(t);
  return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')];
};

// warm-up both, then interleave them document by document so that both see the same machine load
for (let r = 0; r < 3; r++) for (const t of texts) {
  ourFn(t);
  theirFn(t);
}
const oursT: number[] = [];
const theirsT: number[] = [];
let oursCpu = 0;
let theirsCpu = 0;
const cpuMs = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1000;
let sink = 0;
for (let r = 0; r < rounds; r++) {
  for (const t of texts) {
    let c0 = process.cpuUsage();
    let t0 = performance.now();
    if (ourFn(t)) sink++;
    oursT.push(performance.now() - t0);
    oursCpu += cpuMs(process.cpuUsage(c0));
    c0 = process.cpuUsage();
    t0 = performance.now();
    if (theirFn(t)) sink++;
    theirsT.push(performance.now() - t0);
    theirsCpu += cpuMs(process.cpuUsage(c0));
  }
}
if (sink < 0) console.log(sink);
const summary = (name: string, times: number[]) => ({ name, median: median(times), perSec: (times.length / times.reduce((a, b) => a + b, 0)) * 1000 });
const ours = summary('news-annotations pipeline', oursT);
const theirs = summary('compromise people/places/organizations', theirsT);
console.log(`documents: ${texts.length} (dev set + fixture), mean ${Math.round(chars)} characters, ${rounds} rounds after warm-up, interleaved`);
for (const r of [ours, theirs]) {
  console.log(`${r.name.padEnd(40)} median ${r.median.toFixed(2)} ms/article  ${r.perSec.toFixed(1)} articles/s  ${((r.median / chars) * 5000).toFixed(2)} ms per 5,000 chars`);
}
console.log(`speed-up (median): ${(theirs.median / ours.median).toFixed(1)}x; throughput ratio: ${(ours.perSec / theirs.perSec).toFixed(1)}x`);
const runs = oursT.length;
console.log(`CPU time per article: ours ${(oursCpu / runs).toFixed(2)} ms, compromise ${(theirsCpu / runs).toFixed(2)} ms, speed-up ${(theirsCpu / oursCpu).toFixed(1)}x`);
console.log(`targets: speed-up >= 10x (median ${(theirs.median / ours.median).toFixed(1)}x, CPU ${(theirsCpu / oursCpu).toFixed(1)}x); <= 5 ms per 5,000 characters (median ${((ours.median / chars) * 5000).toFixed(2)} ms)`);

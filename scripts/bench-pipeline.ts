// Speed of the annotation pipeline against compromise (people/places/organizations) on the same
// documents in one run: the dev-set texts and the fixture. The targets (issue 11): at least 10x
// faster than compromise, at most 5 ms per 5,000 characters.
//
// Each tool runs in a child process of its own (scripts/bench-pipeline-tool.mjs: plain Node, no
// TypeScript loader; ours is the build's output in dist/, as the service runs it), so each has its own heap and garbage collector
// (compromise's garbage is not collected in our time, nor ours in its) and its own CPU clock,
// which counts its garbage collection on V8's helper threads too. This process alternates them
// document by document, one tool at a time, so that both see the same load on the machine. A
// round is every document once; a round's time per article is its total over the documents, and
// the figures are the medians over the rounds, so that a round slowed down by a burst of load
// does not move them.
//
// Then our pipeline runs under V8's sampling profiler for a few more rounds, and each stage's
// share of the samples splits the measured CPU time per article into stages.
//
//   npx tsx scripts/bench-pipeline.ts [--gold path/to/dev.jsonl] [--rounds N] [--warmup N] [--no-stages]

import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork, spawnSync } from 'node:child_process';

type Tool = 'ours' | 'compromise';
type Request = { run: 'document'; index: number } | { run: 'profile'; rounds: number };
interface RoundResult {
  wallMs: number;
  cpuMs: number;
}
interface ProfileResult {
  /** Sampled time per stage, and in all, in ms. */
  stages: Record<string, number>;
  totalMs: number;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

await main();

// ---- the main thread ----

async function main(): Promise<void> {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const shared = resolve(process.env.SHARED_DIR ?? join(root, '..', 'shared'));
  const gold = resolve(arg('gold') ?? process.env.EVAL_GOLD ?? join(shared, 'eval', 'gum-news-dev.jsonl'));
  const rounds = Number(arg('rounds') ?? 30);
  // steady state, as in the service, which annotates thousands of articles: V8 tiers the
  // pipeline's few hundred functions up over its first few hundred calls, and after 5 rounds (65
  // calls) a tenth of the rounds still ran half as slow again; both tools get the same warm-up
  const warmup = Number(arg('warmup') ?? 30);
  const texts = readFileSync(gold, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
  texts.push(readFileSync(join(root, 'test', 'fixtures', 'vladivostok-summit.txt'), 'utf8'));
  const totalChars = texts.reduce((n, t) => n + t.length, 0);
  const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
  const loadBefore = load();

  const start = (tool: Tool) => {
    // plain Node, no loader (execArgv), both tools alike: see bench-pipeline-tool.mjs
    const child = fork(join(root, 'scripts', 'bench-pipeline-tool.mjs'), [tool], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ask = <T>(request: Request | { texts: string[] }) =>
      new Promise<T>((resolve, reject) => {
        const exited = (code: number | null) => reject(new Error(`the ${tool} process exited with ${code}`));
        child.once('exit', exited);
        child.once('message', (message) => {
          child.off('exit', exited);
          resolve(message as T);
        });
        child.send(request);
      });
    return { child, ask };
  };
  // ours runs as the service runs it: compiled, from dist/ (built here when the sources changed)
  const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-if-stale.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the build failed');
  const ours = start('ours');
  const theirs = start('compromise');
  await Promise.all([ours.ask({ texts }), theirs.ask({ texts })]);
  const results: Record<Tool, RoundResult[]> = { ours: [], compromise: [] };
  for (let r = 0; r < warmup + rounds; r++) {
    // alternate which tool goes first, so neither always follows the other
    const order: [Tool, typeof ours][] = r % 2 ? [['compromise', theirs], ['ours', ours]] : [['ours', ours], ['compromise', theirs]];
    const round: Record<Tool, RoundResult> = { ours: { wallMs: 0, cpuMs: 0 }, compromise: { wallMs: 0, cpuMs: 0 } };
    for (let index = 0; index < texts.length; index++) {
      for (const [tool, w] of order) {
        const result = await w.ask<RoundResult>({ run: 'document', index });
        round[tool].wallMs += result.wallMs;
        round[tool].cpuMs += result.cpuMs;
      }
    }
    if (r >= warmup) for (const tool of ['ours', 'compromise'] as const) results[tool].push(round[tool]);
  }
  const profile = process.argv.includes('--no-stages') ? null : await ours.ask<ProfileResult>({ run: 'profile', rounds: 10 });
  ours.child.kill();
  theirs.child.kill();

  const median = (xs: number[]): number => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  };
  const perArticle = (tool: Tool, key: keyof RoundResult) => median(results[tool].map((x) => x[key] / texts.length));
  const spread = (tool: Tool, key: keyof RoundResult) => {
    const xs = results[tool].map((x) => x[key] / texts.length).sort((a, b) => a - b);
    return `${xs[Math.floor(xs.length / 10)]!.toFixed(2)}-${xs[Math.ceil((xs.length * 9) / 10) - 1]!.toFixed(2)}`;
  };
  const per5k = (ms: number) => (ms * texts.length * 5000) / totalChars;

  console.log(`documents: ${texts.length} (dev set + fixture), mean ${Math.round(totalChars / texts.length)} characters; ${rounds} rounds after ${warmup} of warm-up, each tool in its own process, alternating`);
  console.log(`load average before: ${loadBefore}; after: ${load()} (1, 5, 15 min)`);
  for (const [tool, label] of [['ours', 'news-annotations pipeline'], ['compromise', 'compromise people/places/organizations']] as const) {
    const wall = perArticle(tool, 'wallMs');
    const cpu = perArticle(tool, 'cpuMs');
    console.log(
      `${label.padEnd(40)} wall ${wall.toFixed(2)} ms/article (10-90%: ${spread(tool, 'wallMs')}), ${(1000 / wall).toFixed(0)} articles/s, ${per5k(wall).toFixed(2)} ms per 5,000 chars; CPU ${cpu.toFixed(2)} ms/article (${spread(tool, 'cpuMs')})`,
    );
  }
  // the speed-up of each round (both tools read the same documents under the same load, one
  // after the other), and its median: a paired comparison, steadier than a ratio of two medians
  const ratio = (key: keyof RoundResult) => median(results.ours.map((x, r) => results.compromise[r]![key] / x[key]));
  const wallRatio = ratio('wallMs');
  const cpuRatio = ratio('cpuMs');
  if (profile) {
    const cpu = perArticle('ours', 'cpuMs');
    const order = ['matching copy', 'tokens, sentences', 'entities', 'attribution', 'attribution: tagger', 'other', 'garbage collection'];
    const parts = order
      .filter((name) => profile.stages[name] !== undefined)
      .map((name) => `${name} ${((profile.stages[name]! / profile.totalMs) * cpu).toFixed(2)}`);
    console.log(`CPU ms per article by stage (shares of a sampling profile of 10 more rounds): ${parts.join(', ')}`);
    console.log(`  ("attribution" is without its tagger; "other" is annotate's own work: blocks, header, output)`);
  }
  console.log(`targets: speed-up >= 10x (median of the rounds' speed-ups: wall ${wallRatio.toFixed(1)}x, CPU ${cpuRatio.toFixed(1)}x); <= 5 ms per 5,000 characters (wall ${per5k(perArticle('ours', 'wallMs')).toFixed(2)} ms, CPU ${per5k(perArticle('ours', 'cpuMs')).toFixed(2)} ms)`);
}

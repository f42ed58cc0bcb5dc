// @ts-check
// One tool's process for `npm run bench:pipeline` (scripts/bench-pipeline.ts): our pipeline as the
// service runs it (compiled by the build, from dist/) or compromise, answering the parent over IPC.
// Plain JavaScript, started with no loader: a TypeScript loader would be measured as well (tsx's
// transform wraps every nested function in a naming helper, which costs the pipeline about a
// fifth of its time and the service nothing).
//
//   node scripts/bench-pipeline-tool.mjs ours|compromise

import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';

/** @typedef {{ run: 'document', index: number } | { run: 'profile', rounds: number } | { texts: string[] }} Request */

/**
 * The pipeline's stages as the profiler names them: a function, and the file it is in. A sample
 * counts for the innermost stage on its stack; what no stage claims (annotate's own work: blocks,
 * header, the conversion of the output) counts as "other".
 */
const STAGES = [
  { name: 'matching copy', fn: 'normalizeForMatching', file: 'pipeline/normalize' },
  { name: 'tokens, sentences', fn: 'tokenize', file: 'pipeline/tokens' },
  { name: 'tokens, sentences', fn: 'assignQuoteRoles', file: 'pipeline/tokens' },
  { name: 'tokens, sentences', fn: 'splitSentences', file: 'pipeline/tokens' },
  { name: 'entities', fn: 'extractEntities', file: 'pipeline/entities' },
  { name: 'attribution', fn: 'findAttributions', file: 'attribution/index' },
  { name: 'attribution: tagger', fn: 'tagTokens', file: 'pipeline/pos' },
];

const tool = process.argv[2];
const run = await loadTool(tool);
/** @type {string[]} */
let texts = [];
let sink = 0;
/** @param {object} message */
const reply = (message) => process.send?.(message);
process.on('message', async (/** @type {Request} */ request) => {
  if ('texts' in request) {
    texts = request.texts;
    reply({});
    return;
  }
  if (request.run === 'document') {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    if (run(texts[request.index] ?? '')) sink++;
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(c0);
    reply({ wallMs, cpuMs: (cpu.user + cpu.system) / 1000, sink });
  } else {
    reply(
      await profileStages(() => {
        for (let r = 0; r < request.rounds; r++) for (const text of texts) if (run(text)) sink++;
      }),
    );
  }
});

/**
 * @param {string | undefined} name
 * @returns {Promise<(text: string) => unknown>}
 */
async function loadTool(name) {
  if (name === 'ours') {
    const { annotate } = await import('../dist/pipeline/annotate.js');
    return (text) => annotate(text);
  }
  if (name === 'compromise') {
    const nlp = (await import('compromise')).default;
    return (text) => {
      const doc = nlp(text);
      return [doc.people().out('array'), doc.places().out('array'), doc.organizations().out('array')];
    };
  }
  throw new Error(`unknown tool ${name}`);
}

/**
 * Runs `work` under V8's sampling profiler and splits the sampled time into the stages above.
 * @param {() => void} work
 * @returns {Promise<{ stages: Record<string, number>, totalMs: number }>}
 */
async function profileStages(work) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  work();
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @param {number} id */
  const stageOf = (id) => {
    for (let x = /** @type {number | undefined} */ (id); x !== undefined; x = parent.get(x)) {
      const node = nodes.get(x);
      if (!node) break;
      const { functionName, url } = node.callFrame;
      const stage = STAGES.find((s) => s.fn === functionName && url.includes(s.file));
      if (stage) return stage.name;
      if (functionName === 'annotate' && url.includes('pipeline/annotate')) return 'other';
    }
    return undefined;
  };
  /** @type {Record<string, number>} */
  const stages = {};
  let totalMs = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  /** @type {Map<number, string | undefined>} */
  const memo = new Map();
  for (let i = 0; i < samples.length; i++) {
    const id = samples[i] ?? 0;
    if (!memo.has(id)) memo.set(id, stageOf(id));
    const callFrame = nodes.get(id)?.callFrame;
    // garbage collection is charged to no function; it is the pipeline's, since nothing else runs
    const stage = memo.get(id) ?? (callFrame?.functionName === '(garbage collector)' ? 'garbage collection' : undefined);
    if (!stage) continue;
    const ms = (deltas[i] ?? 0) / 1000;
    stages[stage] = (stages[stage] ?? 0) + ms;
    totalMs += ms;
  }
  return { stages, totalMs };
}

// tap's runner puts its process-info loader into NODE_OPTIONS of every process a test spawns. In
// the service it adds a module-hooks thread and ~70 MB of RSS (197 -> 278 MB after one ingest),
// loads in every worker thread too and slows /healthz, so memory and latency figures would not be
// production's. Once called, the built service (dist/cli.js) is spawned without it, as npm start
// starts it. A no-op when the test runs without tap's runner.

type SpawnOptions = { args: readonly string[]; env: Record<string, string> };
const spawnHooks = (globalThis as Record<symbol, { listeners: ((opts: SpawnOptions) => void)[] } | undefined>)[
  Symbol.for('process-on-spawn@*:singletonId')
];
let added = false;

export function spawnServiceWithoutTapLoader(): void {
  if (added || !spawnHooks) return;
  added = true;
  spawnHooks.listeners.push((opts) => {
    if (!opts.args.includes('dist/cli.js')) return;
    const { NODE_OPTIONS: _tapLoader, ...env } = opts.env;
    opts.env = env;
  });
}

// The built service as npm start runs it (its heap and thread flags), for the tests that watch
// RSS and /healthz latency: those figures are production's only with production's flags.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startService, type Service } from '../faults/service.js';
import type { ServerProcess } from '../helpers/server-process.js';
import { spawnServiceWithoutTapLoader } from './without-tap-loader.js';

export type { Service };

/** Builds the service when its build is stale (npm run build skips an up-to-date one). */
export function buildService(): void {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: process.cwd(), encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}

/** The built service, spawned without tap's loader (./without-tap-loader.ts), as npm start runs it. */
export function startBuiltService(env: Record<string, string>): Promise<Service> {
  spawnServiceWithoutTapLoader();
  return startService(env, { built: true });
}

export const rssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

/** Polls /healthz and the RSS every 50 ms until ended; keeps the worst of each. */
export function watch(service: ServerProcess) {
  let stop = false;
  const worst = { healthMs: 0, rssMb: 0, probes: 0 };
  const done = (async () => {
    while (!stop && service.child.exitCode === null) {
      const started = performance.now();
      const res = await fetch(`${service.baseUrl}/healthz`).catch(() => null);
      if (res) await res.arrayBuffer();
      if (res?.status === 200) {
        worst.healthMs = Math.max(worst.healthMs, performance.now() - started);
        worst.probes++;
      }
      try {
        worst.rssMb = Math.max(worst.rssMb, rssMb(service.child.pid!));
      } catch {
        // the process is gone
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    worst,
    async end() {
      stop = true;
      await done;
      return worst;
    },
  };
}

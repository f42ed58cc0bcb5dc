// The built service as npm start runs it (its heap and thread flags), for the tests that watch
// RSS and /healthz latency: those figures are production's only with production's flags.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { adminKey } from '../faults/service.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

export type Service = ServerProcess & { api(path: string, init?: RequestInit): Promise<Response>; ingest(text: string): Promise<number> };

/** Builds the service when its build is stale (npm run build skips an up-to-date one). */
export function buildService(): void {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: process.cwd(), encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
}

export async function startBuiltService(env: Record<string, string>): Promise<Service> {
  const server = await startServerProcess({ ADMIN_API_KEY: adminKey, ...env }, 60_000, true);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${adminKey}`, ...(init.headers as Record<string, string>) } });
  return Object.assign(server, {
    api,
    async ingest(text: string) {
      const res = await api('/v1/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
      await res.arrayBuffer();
      return res.status;
    },
  });
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

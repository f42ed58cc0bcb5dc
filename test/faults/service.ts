// The service as a child process for the fault tests, with a known admin API key so every /v1
// request can authenticate.
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';

/** A fixed admin key (the form ADMIN_API_KEY accepts); each test database registers it at start. */
export const adminKey = `na_${'f'.repeat(40)}`;
export const authorization = `Bearer ${adminKey}`;

export interface Service extends ServerProcess {
  /** fetch against the service with the admin key. */
  api(path: string, init?: RequestInit): Promise<Response>;
  /** POSTs a text/plain article; resolves with the status (the body is read and dropped). */
  ingest(text: string): Promise<number>;
}

/**
 * `cli.ts serve` with the admin key; LOG_LEVEL stays at info, since the start is detected from the
 * log. `built` runs the compiled service as npm start does (its heap and thread flags).
 */
export async function startService(env: Record<string, string>, options: { built?: boolean } = {}): Promise<Service> {
  const server = await startServerProcess({ ADMIN_API_KEY: adminKey, ...env }, 60_000, options.built ?? false);
  const api = (path: string, init: RequestInit = {}) =>
    fetch(`${server.baseUrl}${path}`, { ...init, headers: { authorization, ...(init.headers as Record<string, string>) } });
  return Object.assign(server, {
    api,
    async ingest(text: string) {
      const res = await api('/v1/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: text });
      await res.arrayBuffer();
      return res.status;
    },
  });
}

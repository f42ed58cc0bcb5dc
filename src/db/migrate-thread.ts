import { Piscina } from 'piscina';
import { siblingModule, threadExecArgv } from '../lib/threads.js';

/**
 * Applies prisma/migrations to a Postgres database on a worker thread, which then ends. The schema
 * engine is WebAssembly that, once loaded, stays for the life of its thread: in the server's own
 * thread it kept about 9 MB of RSS for nothing (the service's target is 300 MB,
 * docs/benchmarks.md). Returns the names of the migrations applied; rejects with the engine's error.
 */
export async function applyMigrationsOnThread(connectionString: string): Promise<string[]> {
  // Piscina loads the module with import(), which also works for the .ts source under tsx.
  const thread = new Piscina({
    filename: siblingModule(import.meta.url, 'migrate-worker'),
    minThreads: 1,
    maxThreads: 1,
    execArgv: threadExecArgv(),
  });
  try {
    return (await thread.run({ connectionString })) as string[];
  } finally {
    await thread.destroy();
  }
}

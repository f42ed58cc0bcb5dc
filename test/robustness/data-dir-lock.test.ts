// Finding 8: two processes must never open one embedded data folder. With a server running on
// DATA_DIR, the CLI's ingest and a second server refuse to start, saying why and pointing to
// `--server`; once the server stops, the CLI works and the server sees what it stored; a lock
// left by a process that died is taken over. Real processes (a heavy test, run beside others).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { smallArticle } from '../faults/articles.js';
import { adminKey } from '../faults/service.js';
import { startServerProcess } from '../helpers/server-process.js';

const cli = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: process.cwd(),
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });

t.test('one embedded data folder, one process', async (t) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'na-lock-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const articles = path.join(dataDir, '..', `${path.basename(dataDir)}-articles`);
  spawnSync('mkdir', ['-p', articles]);
  t.teardown(() => rm(articles, { recursive: true, force: true }));
  await writeFile(path.join(articles, 'one.txt'), smallArticle(1));
  const env = { DATA_DIR: dataDir, ADMIN_API_KEY: adminKey };

  const server = await startServerProcess(env);
  t.teardown(() => server.stop('SIGKILL'));
  const ingest = await cli(['ingest', articles], env);
  t.not(ingest.code, 0, 'the CLI refuses to open the folder the server has open');
  t.match(ingest.output, /in use by another process \(pid \d+\)/, 'and says why');
  t.match(ingest.output, /--server/, 'and points to --server');
  t.notMatch(ingest.output, /created/, 'nothing was stored behind the server');
  await t.rejects(startServerProcess(env, 60_000), /in use by another process/, 'a second server refuses to start too');

  t.equal(await server.stop('SIGTERM'), 0, 'the server stops');
  const after = await cli(['ingest', articles], env);
  t.equal(after.code, 0, `once it stopped the CLI works (${after.output.trim().split('\n').at(-1)})`);
  const again = await startServerProcess(env);
  t.teardown(() => again.stop('SIGKILL'));
  const list = (await (await fetch(`${again.baseUrl}/v1/articles`, { headers: { authorization: `Bearer ${adminKey}` } })).json()) as { items: unknown[] };
  t.equal(list.items.length, 1, 'and the server sees what the CLI stored');
  t.equal(await again.stop('SIGKILL'), null);

  // SIGKILL left the lock behind; its process is gone, so the next one takes it over.
  const third = await startServerProcess(env);
  t.teardown(() => third.stop('SIGKILL'));
  t.equal((await fetch(`${third.baseUrl}/readyz`)).status, 200, 'a lock left by a killed process is taken over');
  t.equal(await third.stop('SIGTERM'), 0);
});

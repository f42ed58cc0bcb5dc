import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { annotate } from '../src/pipeline/annotate.js';
import { createEmptyPostgresDatabase, storageKinds } from './helpers/database.js';
import { wireStory } from './helpers/fixtures.js';
import { startServerProcess } from './helpers/server-process.js';

for (const kind of storageKinds()) {
  t.test(`the service process on ${kind} storage keeps what it stored across a restart`, async (t) => {
    const adminKey = `na_${'k'.repeat(40)}`;
    const authorization = `Bearer ${adminKey}`;
    let env: Record<string, string>;
    if (kind === 'postgres') {
      const { url, drop } = await createEmptyPostgresDatabase();
      t.teardown(drop);
      env = { DATABASE_URL: url, ADMIN_API_KEY: adminKey };
    } else {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'na-serve-'));
      t.teardown(() => rm(dataDir, { recursive: true, force: true }));
      env = { DATA_DIR: dataDir, ADMIN_API_KEY: adminKey };
    }

    const first = await startServerProcess(env);
    const ready = await fetch(`${first.baseUrl}/readyz`);
    t.same(await ready.json(), { status: 'ready', storage: kind }, 'ready on the expected storage');
    const created = await fetch(`${first.baseUrl}/v1/articles`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization },
      body: wireStory,
    });
    t.equal(created.status, 201);
    const { id } = (await created.json()) as { id: string };
    const paragraphs = (await (await fetch(`${first.baseUrl}/v1/articles/${id}/paragraphs`, { headers: { authorization } })).json()) as { items: unknown[] };
    t.equal(paragraphs.items.length, 35);
    t.equal(await first.stop('SIGTERM'), 0, 'SIGTERM shuts down cleanly with exit code 0');
    t.ok(first.output.some((line) => line.includes('migrations applied')), 'the first start applied the migrations');

    const second = await startServerProcess(env);
    t.teardown(() => second.stop('SIGKILL'));
    const again = await fetch(`${second.baseUrl}/v1/articles/${id}`, { headers: { authorization } });
    t.equal(again.status, 200, 'the article is still there after a restart');
    t.equal(((await again.json()) as { headline: string }).headline.startsWith("N.Korea's Kim"), true);
    t.ok(second.output.some((line) => line.includes('database schema up to date')), 'nothing left to migrate');
    t.equal(await second.stop('SIGTERM'), 0);
  });
}

t.test('the built service, started as npm start starts it, annotates on its worker threads', async (t) => {
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: process.cwd(), encoding: 'utf8' });
  t.equal(build.status, 0, `npm run build succeeds${build.status === 0 ? '' : `:\n${build.stdout}${build.stderr}`}`);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'na-serve-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const adminKey = `na_${'b'.repeat(40)}`;
  const server = await startServerProcess({ DATA_DIR: dataDir, ADMIN_API_KEY: adminKey }, 60_000, true);
  t.teardown(() => server.stop('SIGKILL'));
  const created = await fetch(`${server.baseUrl}/v1/articles`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain', authorization: `Bearer ${adminKey}` },
    body: wireStory,
  });
  t.equal(created.status, 201);
  // every attribution the pipeline finds in-process (direct, mixed and indirect), found on the threads too
  t.equal(((await created.json()) as { counts: { quotes: number } }).counts.quotes, annotate(wireStory).quotes.length, 'the fixture\'s quotes were found');
  t.equal(await server.stop('SIGTERM'), 0);
});

t.test('a first start with no key prints an admin key once, and that key works', async (t) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'na-serve-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  const first = await startServerProcess({ DATA_DIR: dataDir });
  const printed = first.output.join('\n').match(/\bna_[A-Za-z0-9_-]{40,}/)?.[0];
  t.ok(printed, 'an admin key was printed');
  t.notOk(first.output.some((line) => line.startsWith('{') && line.includes(printed!)), 'the key is not in a log line');
  const withKey = await fetch(`${first.baseUrl}/v1/api-keys`, { headers: { authorization: `Bearer ${printed}` } });
  t.equal(withKey.status, 200);
  t.equal(await first.stop(), 0);
  const second = await startServerProcess({ DATA_DIR: dataDir });
  t.notOk(second.output.some((line) => /\bna_[A-Za-z0-9_-]{40,}/.test(line)), 'no key is printed on later starts');
  t.equal(await second.stop(), 0);
});

t.test('a bad configuration stops the start with a message naming each bad variable', async (t) => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'serve'], {
    env: { PATH: process.env.PATH ?? '', PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' },
    encoding: 'utf8',
    timeout: 30_000,
  });
  t.equal(result.status, 1);
  t.match(result.stderr, /invalid configuration/);
  t.match(result.stderr, /PORT/);
});

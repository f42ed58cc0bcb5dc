import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { buildApp } from '../../src/app.js';
import { DESK_CSP } from '../../src/plugins/desk.js';
import { createTestDatabase } from '../helpers/database.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

t.test('the service serves the built desk at /desk/ with caching headers and a strict CSP', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'na-desk-'));
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-desk.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, DESK_OUT_DIR: dir } });
  t.equal(build.status, 0, build.stderr);
  const db = await createTestDatabase('embedded');
  const app = await buildApp({ database: db.database, deskDir: dir });
  const unbuilt = await buildApp({ database: db.database, deskDir: path.join(dir, 'nothing-here') });
  t.teardown(async () => {
    await app.close();
    await unbuilt.close();
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  for (const url of ['/desk', '/desk/', '/desk/articles/01936f6e-2b7c-7cc4-a7a5-6f1d2b9e0c11', '/desk/voices?from=2021-01-01']) {
    const page = await app.inject({ url });
    t.equal(page.statusCode, 200, `${url} is the page`);
    t.match(page.headers['content-type'], /^text\/html/);
    t.equal(page.headers['cache-control'], 'no-cache', 'the page is revalidated');
    t.equal(page.headers['content-security-policy'], DESK_CSP);
    t.equal(page.headers['x-content-type-options'], 'nosniff');
  }
  t.match(DESK_CSP, /script-src 'self'/);
  t.notMatch(DESK_CSP, /unsafe-inline|unsafe-eval/, 'no inline script or eval');

  const page = await app.inject({ url: '/desk/' });
  const again = await app.inject({ url: '/desk/', headers: { 'if-none-match': String(page.headers.etag) } });
  t.equal(again.statusCode, 304, 'an unchanged page is a 304');
  const assets = await readdir(path.join(dir, 'assets'));
  for (const name of assets) {
    t.match(name, /^(desk|style)-[A-Z0-9]+\.(js|css)$/, `${name} has a content hash in its name`);
    t.match(page.body, `/desk/assets/${name}`, `the page names ${name}`);
    const asset = await app.inject({ url: `/desk/assets/${name}` });
    t.equal(asset.statusCode, 200);
    t.equal(asset.headers['cache-control'], 'public, max-age=31536000, immutable', `${name} is cached for a year`);
    t.match(asset.headers['content-type'], name.endsWith('.js') ? /^text\/javascript/ : /^text\/css/);
  }
  for (const url of ['/desk/assets/missing.js', '/desk/assets/..%2F..%2Fpackage.json']) {
    const missing = await app.inject({ url });
    t.equal(missing.statusCode, 404, `${url}: 404`);
    t.match(missing.headers['content-type'], /application\/problem\+json/);
  }
  const notBuilt = await unbuilt.inject({ url: '/desk/' });
  t.equal(notBuilt.statusCode, 503, 'an unbuilt desk is a 503 problem, not a crash');
  t.match(notBuilt.headers['content-type'], /application\/problem\+json/);
});

// The README's walk-through is scripts/walkthrough.sh, shown whole in the README: it runs, as a
// newcomer would paste it, against a service started the way `npm start` starts it (a separate
// process with its own admin key), and every step succeeds.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import t from 'tap';
import { createEmptyPostgresDatabase, storageKinds, testDatabasePrefix } from './helpers/database.js';
import { startServerProcess } from './helpers/server-process.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const script = await readFile(path.join(root, 'scripts/walkthrough.sh'), 'utf8');

t.test('the README shows the walk-through script as it is', async (t) => {
  const readme = await readFile(path.join(root, 'README.md'), 'utf8');
  const body = script.slice(script.indexOf('set -euo pipefail'));
  t.ok(readme.includes(body), 'README.md holds scripts/walkthrough.sh from `set -euo pipefail` on: copy it there when it changes');
  t.match(readme, /bash scripts\/walkthrough\.sh/, 'and says how to run it');
});

t.test('the walk-through runs against a started service', async (t) => {
  // The service migrates its database at start, as on a first `npm start`.
  let storage: Record<string, string>;
  if (storageKinds()[0] === 'postgres') {
    const { url, drop } = await createEmptyPostgresDatabase();
    t.teardown(drop);
    storage = { DATABASE_URL: url };
  } else {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), `${testDatabasePrefix.replaceAll('_', '-')}walkthrough-`));
    t.teardown(() => rm(dataDir, { recursive: true, force: true }));
    storage = { DATA_DIR: dataDir };
  }
  const adminKey = `na_${'walkthrough'.padEnd(40, 'x')}`;
  const server = await startServerProcess({
    ADMIN_API_KEY: adminKey,
    ...storage,
    ANNOTATOR_THREADS: '1',
  });
  t.teardown(() => server.stop());

  const result = await promisify(execFile)('bash', ['scripts/walkthrough.sh'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NEWS_ANNOTATIONS_API_KEY: adminKey, API: `${server.baseUrl}/v1` },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { code: number; stdout: string; stderr: string }) => error);
  t.equal('code' in result ? result.code : 0, 0, `the script succeeds:\n${result.stderr}`);
  const out = result.stdout;
  t.match(out, /"paragraphs":35/, 'the story is ingested with its 35 paragraphs');
  t.match(out, /"speaker":"Vladimir Putin"/, 'a quote is given to Putin');
  t.match(out, /"reviewStatus":"rejected"/, 'then rejected');
  t.match(out, /a stale If-Match: 412/, 'a stale ETag is refused');
  t.match(out, /"revision":2,/, 'the corrected text is revision 2');
  t.match(out, /walk-through done: article [0-9a-f-]{36}/, 'to the end');
});

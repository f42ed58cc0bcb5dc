import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import t from 'tap';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

t.test('the committed openapi/openapi.d.ts is what openapi-typescript generates from the committed spec', async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'na-openapi-types-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const generated = path.join(dir, 'openapi.d.ts');
  await run(path.join(root, 'node_modules/.bin/openapi-typescript'), ['openapi/openapi.json', '--output', generated], { cwd: root });
  const [fresh, committed] = await Promise.all([readFile(generated, 'utf8'), readFile(path.join(root, 'openapi/openapi.d.ts'), 'utf8')]);
  t.ok(fresh === committed, 'run `npm run openapi:types` and commit openapi/openapi.d.ts');
});

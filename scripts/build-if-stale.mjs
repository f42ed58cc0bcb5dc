#!/usr/bin/env node
// `npm start` runs this first (prestart): it builds (`npm run build`) only when what the build reads
// changed since the last build, or there is none, so a built tree starts at once and a fresh clone
// (`npm ci && npm start`) still builds before its first start. "Changed" is decided by content,
// not by file times: a SHA-256 over the sources, the Prisma schema, the package and TypeScript
// configuration, recorded in dist/.build-hash after each build.
//   node scripts/build-if-stale.mjs            build when stale
//   node scripts/build-if-stale.mjs --record   record the current sources as built (end of `build`)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = ['src', 'prisma/schema.prisma', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
// Generated from prisma/schema.prisma by the build itself.
const SKIPPED = new Set(['src/generated']);
const stampFile = path.join(root, 'dist', '.build-hash');

function files(relative) {
  const full = path.join(root, relative);
  if (SKIPPED.has(relative) || !existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(path.posix.join(relative, name)));
}

function sourcesHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files)) hash.update(`${file}\0`).update(readFileSync(path.join(root, file))).update('\0');
  return hash.digest('hex');
}

const record = (digest) => {
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${digest}\n`);
};

const digest = sourcesHash();
if (process.argv.includes('--record')) {
  record(digest);
} else {
  const built = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (built !== digest) {
    process.stderr.write(built ? 'sources changed since the last build: building\n' : 'no build yet: building\n');
    const npm = process.env.npm_execpath;
    const result = npm
      ? spawnSync(process.execPath, [npm, 'run', '--silent', 'build'], { cwd: root, stdio: 'inherit' })
      : spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
    record(digest);
  }
}

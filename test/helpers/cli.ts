import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Test } from 'tap';
import type { CommandIo } from '../../src/commands/ingest.js';
import type { StorageKind } from '../../src/db/database.js';
import { createEmptyPostgresDatabase } from './database.js';

/** Runs a command in-process with captured output, as on a pipe (no terminal). */
export async function runCommand(
  command: (args: string[], io: CommandIo) => Promise<number>,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (text: string) => void) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        append(chunk.toString());
        done();
      },
    });
  const code = await command(args, {
    stdout: sink((text) => (stdout += text)),
    stderr: sink((text) => (stderr += text)),
    env: { PATH: process.env.PATH, ...env },
  });
  return { code, stdout, stderr };
}

/** The environment that points the commands at a fresh database of the given kind. */
export async function databaseEnv(t: Test, kind: StorageKind): Promise<NodeJS.ProcessEnv> {
  if (kind === 'postgres') {
    const { url, drop } = await createEmptyPostgresDatabase();
    t.teardown(drop);
    return { DATABASE_URL: url };
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'na-cli-db-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));
  return { DATA_DIR: dataDir };
}

// Runs the service's `annotate` command (src/cli.ts annotate) as a child process over documents,
// exactly as a user would pipe JSON lines into it, and returns its output lines.

import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function annotateWithCommand(docs: { id: string; text: string }[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli.ts'), 'annotate'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`annotate exited with ${code}`));
      else resolvePromise(Buffer.concat(chunks).toString('utf8'));
    });
    child.stdin.end(docs.map((d) => JSON.stringify({ id: d.id, text: d.text })).join('\n') + '\n');
  });
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * How `npm start` runs the service: the environment it sets before `node` and Node's flags, read
 * from package.json's start script, so tests and benchmarks run the service as production does.
 */
export function startCommand(): { env: Record<string, string>; nodeFlags: string[] } {
  const { scripts } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const match = /((?:\b[A-Z_]+=\S+\s+)*)node ((?:--\S+\s+)*)dist\/cli\.js serve/.exec(scripts.start ?? '');
  if (!match) throw new Error('the start script does not run "[VAR=value ...] node [flags] dist/cli.js serve"');
  const words = (text: string | undefined) => (text ?? '').split(/\s+/).filter(Boolean);
  return {
    env: Object.fromEntries(words(match[1]).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)])),
    nodeFlags: words(match[2]),
  };
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The process's module-loading flags for worker threads (a TypeScript loader in development and
 * tests). Threads refuse the rest: V8 and process options, an inline script (`node -e`).
 */
export function threadExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (/^--(import|require|loader|experimental-loader|conditions)=/.test(arg) || arg === '--enable-source-maps') kept.push(arg);
    else if (['--import', '--require', '-r', '--loader', '--experimental-loader', '--conditions', '-C'].includes(arg)) {
      kept.push(arg, argv[++i]!);
    }
  }
  return kept;
}

/**
 * The path of a thread's module that sits beside the calling one (`import.meta.url`): compiled
 * (.js) or, under the TypeScript loader, run from source (.ts), like its caller.
 */
export function siblingModule(callerUrl: string, name: string): string {
  const caller = fileURLToPath(callerUrl);
  return path.join(path.dirname(caller), `${name}${path.extname(caller)}`);
}

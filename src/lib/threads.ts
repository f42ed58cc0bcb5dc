import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';

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

/**
 * Lets worker threads' resourceLimits hold. npm start's --max-old-space-size and
 * --max-semi-space-size are process-wide V8 flags, and V8 sizes every new isolate's heap by them
 * rather than by the limits its Worker was given: each thread got the main thread's 256 MB old
 * generation and 12 MB semi-spaces (measured: heap_size_limit 304 MB and a 16 MB new space in a
 * thread given 16 + 4), so the format thread's budget never applied. The main thread's heap was
 * sized at start and keeps its limits when the flags are cleared (checked on Node 20 and 24).
 */
export function letThreadLimitsHold(): void {
  v8.setFlagsFromString('--max-old-space-size=0');
  v8.setFlagsFromString('--max-semi-space-size=0');
}

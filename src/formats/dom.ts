import { createRequire } from 'node:module';
import type { parseHTML as ParseHtml } from 'linkedom';

// linkedom adds ~13 MB to the process; a service that never receives HTML or ninjs bodies should
// not pay for it, so it is loaded (synchronously, its CommonJS build) on first use.
const require = createRequire(import.meta.url);
let loaded: typeof ParseHtml | undefined;

/** linkedom's parseHTML, loaded on first call. */
export function parseHTML(markup: string): ReturnType<typeof ParseHtml> {
  loaded ??= (require('linkedom') as { parseHTML: typeof ParseHtml }).parseHTML;
  return loaded(markup);
}

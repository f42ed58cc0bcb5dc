import { AsyncLocalStorage } from 'node:async_hooks';

// Which database a request's reads go to. Outside any request (CLI, workers) reads go to the
// primary; requests choose per call through runReads.

const readTarget = new AsyncLocalStorage<{ primary: boolean }>();

/** Runs `work` with its reads sent to the primary (true) or a replica when there is one (false). */
export function runReads<T>(primary: boolean, work: () => T): T {
  return readTarget.run({ primary }, work);
}

/** True unless the current request chose the replica. */
export function readsGoToPrimary(): boolean {
  return readTarget.getStore()?.primary ?? true;
}

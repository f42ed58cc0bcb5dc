import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Loaded<T> =
  | { status: 'loading'; data: T | undefined; error: undefined }
  | { status: 'ok'; data: T; error: undefined }
  | { status: 'error'; data: T | undefined; error: unknown };

/**
 * Loads data when the keys change; `reload` loads again. An answer that arrives after a newer load
 * started is dropped, so a slow first answer never overwrites a newer one.
 */
export function useLoad<T>(load: () => Promise<T>, keys: unknown[]): Loaded<T> & { reload: () => void; set: (data: T) => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading', data: undefined, error: undefined });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => ({ status: 'loading', data: previous.data, error: undefined }));
    load().then(
      (data) => mine === generation.current && setState({ status: 'ok', data, error: undefined }),
      (error: unknown) => mine === generation.current && setState((previous) => ({ status: 'error', data: previous.data, error })),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, keys);
  useEffect(run, [run]);
  const set = useCallback((data: T) => setState({ status: 'ok', data, error: undefined }), []);
  return { ...state, reload: run, set };
}

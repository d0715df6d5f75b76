/** Loads one thing from the API when its inputs change; a reply to an older load is ignored. */
import type { AckResult, ErrorBody } from '@frontdesk/shared';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Loaded<T> =
  | { status: 'loading'; data: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; data: T | null; error: ErrorBody };

export type LoadControls<T> = { state: Loaded<T>; reload(): Promise<void> };

/**
 * `load` runs on mount and whenever `key` changes; `reload()` runs it again keeping the old data on screen.
 * An `unauthorized` reply calls `onUnauthorized` (the session ended).
 */
export function useLoad<T>(
  key: string,
  load: () => Promise<AckResult<T>>,
  onUnauthorized: () => void,
): LoadControls<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading', data: null });
  const latest = useRef({ load, onUnauthorized, generation: 0 });
  latest.current.load = load;
  latest.current.onUnauthorized = onUnauthorized;

  const run = useCallback(async () => {
    const mine = ++latest.current.generation;
    setState((s) => ({ status: 'loading', data: s.data }));
    const result = await latest.current.load();
    if (mine !== latest.current.generation) return;
    if (result.ok) {
      setState({ status: 'ready', data: result.data });
      return;
    }
    if (result.error.code === 'unauthorized') latest.current.onUnauthorized();
    setState((s) => ({ status: 'error', data: s.data, error: result.error }));
  }, []);

  useEffect(() => {
    setState({ status: 'loading', data: null });
    void run();
  }, [key, run]);

  return { state, reload: run };
}

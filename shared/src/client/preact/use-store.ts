/**
 * @module @frontdesk/shared/preact — the one Preact hook the widget and the console share (the client
 * core stays framework-free; this subpath is the only place `shared` touches Preact, a peer dependency).
 */
import { useLayoutEffect, useReducer } from 'preact/hooks';

/** What `useStore` needs of a store (the client core's `Store` is one). */
export type Subscribable<S> = { getState(): S; subscribe(listener: () => void): () => void };

/** Follows a framework-free store from a component: re-renders on every change, never misses one. */
export function useStore<S>(store: Subscribable<S>): S {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const state = store.getState();
  useLayoutEffect(() => {
    const unsubscribe = store.subscribe(() => rerender(0));
    // A change between this render and the subscription would otherwise be missed.
    if (store.getState() !== state) rerender(0);
    return unsubscribe;
  }, [store]);
  return state;
}

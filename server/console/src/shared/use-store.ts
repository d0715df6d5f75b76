/** Follows a framework-free store from a component: re-renders on every change, never misses one. */
import { useLayoutEffect, useReducer } from 'preact/hooks';

type Subscribable<S> = { getState(): S; subscribe(listener: () => void): () => void };

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

/** A minimal state container: a reducer, the current state, and listeners told of every change. */
export type Store<S, A> = {
  getState(): S;
  dispatch(action: A): void;
  subscribe(listener: (state: S, previous: S) => void): () => void;
};

/** A reducer that returns the same state object for "nothing changed" notifies nobody. */
export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<(state: S, previous: S) => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const previous = state;
      state = reducer(state, action);
      if (state !== previous) for (const listener of listeners) listener(state, previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

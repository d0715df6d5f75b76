import { describe, expect, it, vi } from 'vitest';
import { createStore } from './store.ts';

type Action = { type: 'add'; n: number } | { type: 'noop' };
const reducer = (state: { total: number }, action: Action) =>
  action.type === 'add' ? { total: state.total + action.n } : state;

describe('createStore', () => {
  it('applies actions and tells listeners the new and previous state', () => {
    const store = createStore(reducer, { total: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.dispatch({ type: 'add', n: 2 });
    expect(store.getState()).toEqual({ total: 2 });
    expect(listener).toHaveBeenCalledWith({ total: 2 }, { total: 0 });
  });

  it('tells nobody when the reducer returns the same state, and nobody after unsubscribing', () => {
    const store = createStore(reducer, { total: 0 });
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.dispatch({ type: 'noop' });
    expect(listener).not.toHaveBeenCalled();
    unsubscribe();
    store.dispatch({ type: 'add', n: 1 });
    expect(listener).not.toHaveBeenCalled();
  });
});

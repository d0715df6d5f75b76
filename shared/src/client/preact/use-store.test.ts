// @vitest-environment jsdom
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { createStore } from '../core/store.ts';
import { useStore } from './use-store.ts';

type Action = { type: 'add'; by: number };
const counter = () => createStore((n: number, a: Action) => n + a.by, 0);

function Count({ store, seen }: { store: ReturnType<typeof counter>; seen: number[] }) {
  const n = useStore(store);
  seen.push(n);
  return h('output', null, String(n));
}

describe('useStore', () => {
  it('re-renders on every change of the store and stops after unmount', () => {
    const root = document.createElement('div');
    const store = counter();
    const seen: number[] = [];
    act(() => render(h(Count, { store, seen }), root));
    expect(root.textContent).toBe('0');
    act(() => store.dispatch({ type: 'add', by: 2 }));
    expect(root.textContent).toBe('2');
    act(() => store.dispatch({ type: 'add', by: 3 }));
    expect(root.textContent).toBe('5');
    act(() => render(null, root));
    const renders = seen.length;
    act(() => store.dispatch({ type: 'add', by: 1 }));
    expect(seen.length).toBe(renders);
  });

  it('does not miss a change made between the first render and the subscription', () => {
    const root = document.createElement('div');
    const store = counter();
    const seen: number[] = [];
    // Dispatching while rendering (before the layout effect subscribes) is the race the hook closes.
    function Racing() {
      const n = useStore(store);
      seen.push(n);
      if (n === 0) store.dispatch({ type: 'add', by: 7 });
      return h('output', null, String(n));
    }
    act(() => render(h(Racing, null), root));
    expect(root.textContent).toBe('7');
    expect(seen).toEqual([0, 7]);
  });
});

import { describe, expect, it, vi } from 'vitest';
import { browserStore, storageKey } from './storage.ts';

describe('storage', () => {
  it('uses localStorage when allowed', () => {
    const store = browserStore(window);
    store.set('frontdesk:test', 'v');
    expect(window.localStorage.getItem('frontdesk:test')).toBe('v');
    expect(store.persistent).toBe(true);
    store.remove('frontdesk:test');
    expect(store.get('frontdesk:test')).toBeNull();
  });

  it('falls back to memory when storage is blocked', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const blocked = {
      get localStorage(): Storage {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    const store = browserStore(blocked);
    expect(store.persistent).toBe(false);
    store.set('k', 'v');
    expect(store.get('k')).toBe('v');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('keeps a value for the page when a write fails (quota)', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const data = new Map<string, string>();
    const local: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => {
        if (k !== 'frontdesk:probe') throw new DOMException('full', 'QuotaExceededError');
        data.set(k, v);
      },
      removeItem: (k) => {
        data.delete(k);
      },
    };
    const store = browserStore({ localStorage: local });
    store.set('k', 'v');
    expect(store.get('k')).toBe('v');
    warn.mockRestore();
  });

  it('namespaces keys by site', () => {
    expect(storageKey('site-1', 'token')).toBe('frontdesk:site-1:token');
  });
});

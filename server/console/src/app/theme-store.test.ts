import { describe, expect, it } from 'vitest';
import { applyTheme, loadTheme, saveTheme } from './theme.ts';

const memoryStorage = () => {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
};

describe('the theme choice', () => {
  it('is kept per agent, and "system" is the absence of a choice', () => {
    const store = memoryStorage();
    expect(loadTheme('a1', store)).toBe('system');
    saveTheme('a1', 'dark', store);
    saveTheme('a2', 'light', store);
    expect(loadTheme('a1', store)).toBe('dark');
    expect(loadTheme('a2', store)).toBe('light');
    saveTheme('a1', 'system', store);
    expect(loadTheme('a1', store)).toBe('system');
    expect([...store.items.keys()]).toEqual(['frontdesk:console:theme:a2']);
  });

  it('ignores a stored value it does not know, and storage that throws', () => {
    const store = memoryStorage();
    store.setItem('frontdesk:console:theme:a1', 'sepia');
    expect(loadTheme('a1', store)).toBe('system');
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(loadTheme('a1', broken)).toBe('system');
    expect(() => saveTheme('a1', 'dark', broken)).not.toThrow();
  });

  it('is put on the root element as data-theme (none for system)', () => {
    const root = document.createElement('html');
    applyTheme('dark', root);
    expect(root.dataset.theme).toBe('dark');
    applyTheme('system', root);
    expect(root.dataset.theme).toBeUndefined();
  });
});

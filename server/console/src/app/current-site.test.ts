import type { SiteSummary } from '@frontdesk/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadSiteChoice, resolveSite, saveSiteChoice, switchableSites } from './current-site.ts';

const site = (id: string, archived = false): SiteSummary => ({
  id,
  key: `${id}-key`,
  name: id,
  archived,
  createdAt: '2025-03-01T10:00:00.000Z',
});

afterEach(() => {
  vi.restoreAllMocks();
  localStorage.clear();
});

describe('current site', () => {
  it('keeps a choice that is still there, else takes the first live site', () => {
    const sites = [site('a', true), site('b'), site('c')];
    expect(resolveSite(sites, 'c')).toBe('c');
    expect(resolveSite(sites, 'gone')).toBe('b');
    expect(resolveSite(sites, null)).toBe('b');
    expect(resolveSite([site('a', true)], null)).toBeNull();
    expect(resolveSite([], 'a')).toBeNull();
  });

  it('offers live sites, and an archived one only while chosen', () => {
    const sites = [site('a', true), site('b')];
    expect(switchableSites(sites, 'b').map((s) => s.id)).toEqual(['b']);
    expect(switchableSites(sites, 'a').map((s) => s.id)).toEqual(['a', 'b']);
  });

  it('remembers the choice, and works without storage', () => {
    saveSiteChoice('b');
    expect(loadSiteChoice()).toBe('b');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    // A sandboxed page or blocked cookies: touching `localStorage` throws.
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(loadSiteChoice()).toBeNull();
    expect(() => saveSiteChoice('c')).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(2);
  });
});

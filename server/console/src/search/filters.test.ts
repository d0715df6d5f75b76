import { describe, expect, it } from 'vitest';
import { cleanFilters, sameFilters, searchQueryString, searchTarget, textKey, viewKey } from './filters.ts';

describe('search filters', () => {
  it('sends only what is set, trimmed, in a stable order', () => {
    expect(cleanFilters({ q: '  zwrot ', tag: '', state: 'resolved', rating: 5 })).toEqual({
      q: 'zwrot',
      state: 'resolved',
      rating: 5,
    });
    expect(searchQueryString({ q: 'a&b', rating: 4 }, 'CUR')).toBe('?q=a%26b&rating=4&cursor=CUR');
    expect(searchQueryString({ q: ' ' })).toBe('');
  });

  it('reads the fragment key: a saved view or a text, anything else nothing', () => {
    expect(searchTarget(viewKey('v1'))).toEqual({ viewId: 'v1' });
    expect(searchTarget(textKey('żółty płaszcz'))).toEqual({ q: 'żółty płaszcz' });
    expect(searchTarget('view:')).toBeNull();
    expect(searchTarget('other')).toBeNull();
    expect(searchTarget(null)).toBeNull();
  });

  it('compares filter sets by what is set', () => {
    expect(sameFilters({ q: 'a', tag: '' }, { q: 'a ' })).toBe(true);
    expect(sameFilters({ q: 'a' }, { q: 'b' })).toBe(false);
  });
});

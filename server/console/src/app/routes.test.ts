import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_ROUTE, parseRoute, routeHash } from './routes.ts';

describe('pages', () => {
  it('reads routes from the fragment, conversations by default', () => {
    expect(parseRoute('')).toEqual(DEFAULT_ROUTE);
    expect(parseRoute('#/')).toEqual(DEFAULT_ROUTE);
    expect(parseRoute('#/nope')).toEqual(DEFAULT_ROUTE);
    expect(parseRoute('#/faq')).toEqual({ page: 'faq', faqId: null });
    expect(parseRoute('#/faq/zwroty-2')).toEqual({ page: 'faq', faqId: 'zwroty-2' });
    expect(parseRoute('#/unanswered/x')).toEqual({ page: 'unanswered', faqId: null });
    expect(parseRoute('#settings')).toEqual({ page: 'settings', faqId: null });
  });

  it('round-trips every route, entry ids encoded', () => {
    for (const route of [
      DEFAULT_ROUTE,
      { page: 'faq', faqId: null },
      { page: 'faq', faqId: 'a b/c' },
      { page: 'unanswered', faqId: null },
      { page: 'settings', faqId: null },
      { page: 'appearance', faqId: null },
      { page: 'sites', faqId: null },
      { page: 'agents', faqId: null },
      { page: 'profile', faqId: null },
      { page: 'contacts', faqId: null, contactId: null },
      { page: 'contacts', faqId: null, contactId: 'c 1/x' },
    ] as const) {
      expect(parseRoute(routeHash(route))).toEqual(route);
    }
    expect(routeHash({ page: 'faq', faqId: 'a b' })).toBe('#/faq/a%20b');
    expect(routeHash({ page: 'contacts', faqId: null, contactId: 'k7' })).toBe('#/contacts/k7');
    expect(parseRoute('#/contacts')).toEqual({ page: 'contacts', faqId: null, contactId: null });
  });

  it('ignores a malformed entry id', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseRoute('#/faq/%E0%A4%A')).toEqual({ page: 'faq', faqId: null });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });
});

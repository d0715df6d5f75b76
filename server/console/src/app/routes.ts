/** The console's pages and their addresses in the URL fragment (`#/faq/returns`), so links and reloads work. */
export const PAGES = [
  'conversations',
  // Issue 14: search, filters and saved views.
  'search',
  // Issue 12: the customer records.
  'contacts',
  'faq',
  // Issue 14: canned responses.
  'canned',
  'unanswered',
  // Issue 15.
  'reports',
  'settings',
  'appearance',
  'sites',
  'agents',
  'profile',
  // E-mail as a channel (issue 10, mail):
  'outbox',
  // Issue 14: routing settings, capacities and teams of the chosen site.
  'routing',
  // Issue 15: the public API's tokens and webhooks.
  'api-tokens',
  'webhooks',
] as const;
export type Page = (typeof PAGES)[number];

/** Pages only admins see (the server refuses their calls to others anyway). */
export const ADMIN_PAGES: readonly Page[] = [
  'appearance',
  'sites',
  'agents',
  'outbox',
  'routing',
  'api-tokens',
  'webhooks',
];
/** Pages about the chosen site: the site switcher shows on these. */
export const SITE_PAGES: readonly Page[] = [
  'contacts',
  'faq',
  'canned',
  'unanswered',
  'reports',
  'settings',
  'appearance',
  'routing',
];
/** `contactId` (issue 12): the contact open on the Contacts page (`#/contacts/:id`). */
export type Route = {
  page: Page;
  faqId: string | null;
  contactId?: string | null;
  /** Issue 14: what the search page opens on (`view:<id>` or `q:<text>`, see `search/filters.ts`). */
  searchKey?: string | null;
};

export const DEFAULT_ROUTE: Route = { page: 'conversations', faqId: null };

const isPage = (value: string): value is Page => (PAGES as readonly string[]).includes(value);

export function parseRoute(hash: string): Route {
  const [page = '', faqId] = hash.replace(/^#\/?/, '').split('/');
  if (!isPage(page)) return DEFAULT_ROUTE;
  if (page === 'faq' && faqId) return { page, faqId: safeDecode(faqId) };
  if (page === 'contacts') return { page, faqId: null, contactId: faqId ? safeDecode(faqId) : null };
  if (page === 'search') return { page, faqId: null, searchKey: faqId ? safeDecode(faqId) : null };
  return { page, faqId: null };
}

export function routeHash(route: Route): string {
  if (route.page === 'conversations') return '#/';
  if (route.page === 'search' && route.searchKey) return `#/search/${encodeURIComponent(route.searchKey)}`;
  if (route.page === 'contacts' && route.contactId)
    return `#/contacts/${encodeURIComponent(route.contactId)}`;
  return route.faqId && route.page === 'faq' ? `#/faq/${encodeURIComponent(route.faqId)}` : `#/${route.page}`;
}

function safeDecode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch (error) {
    console.warn('[console] bad entry id in the address', part, error);
    return null;
  }
}

/**
 * Issue 14: the search page's filters as the URL-fragment key and as the API's query string; what is
 * set, and nothing else, goes out (an empty field is "any").
 */
import { SEARCH_FILTER_KEYS, type SearchFilters } from '@frontdesk/shared';

/** Only the set filters, trimmed; an empty text or an unknown key is left out. */
export function cleanFilters(filters: SearchFilters): SearchFilters {
  const out: Record<string, string | number> = {};
  for (const key of SEARCH_FILTER_KEYS) {
    const value = filters[key];
    if (value === undefined || value === null) continue;
    const text = typeof value === 'string' ? value.trim() : value;
    if (text !== '') out[key] = text;
  }
  return out as SearchFilters;
}

/** `?q=…&state=…&cursor=…` for the search API. */
export function searchQueryString(filters: SearchFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(cleanFilters(filters))) params.set(key, String(value));
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What the search page opens on, from the fragment's second part: a saved view or a text. */
export type SearchTarget = { viewId: string } | { q: string } | null;

export function searchTarget(key: string | null | undefined): SearchTarget {
  if (!key) return null;
  if (key.startsWith('view:') && key.length > 5) return { viewId: key.slice(5) };
  if (key.startsWith('q:')) return { q: key.slice(2) };
  return null;
}

export const viewKey = (viewId: string) => `view:${viewId}`;
export const textKey = (q: string) => `q:${q}`;

export const sameFilters = (a: SearchFilters, b: SearchFilters) =>
  JSON.stringify(cleanFilters(a)) === JSON.stringify(cleanFilters(b));

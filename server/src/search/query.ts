/**
 * Issue 14: a validated search request, in the terms of the store — the sites it may see (the
 * agent's, narrowed by the site filter: another site gives none, A2), folded terms, and the date
 * range as instants (UTC days, both ends inclusive).
 */
import { SEARCH_LIMITS, type SearchFilters, searchTerms } from '@frontdesk/shared';
import type { ConversationSearchQuery } from './store.ts';

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 24 * 3600_000).toISOString();

export function toStoreQuery(
  agentSiteIds: readonly string[],
  filters: SearchFilters,
  page: { cursor: ConversationSearchQuery['cursor']; limit?: number },
): ConversationSearchQuery {
  const siteIds = filters.site ? agentSiteIds.filter((id) => id === filters.site) : [...agentSiteIds];
  return {
    siteIds,
    terms: searchTerms(filters.q ?? ''),
    filters: {
      ...(filters.state && { state: filters.state }),
      ...(filters.agent && { agentId: filters.agent }),
      ...(filters.tag && { tag: filters.tag }),
      ...(filters.team && { teamId: filters.team }),
      ...(filters.rating !== undefined && { rating: filters.rating }),
      ...(filters.from && { createdFrom: `${filters.from}T00:00:00.000Z` }),
      ...(filters.to && { createdBefore: nextDay(filters.to) }),
    },
    cursor: page.cursor,
    limit: page.limit ?? SEARCH_LIMITS.pageSizeDefault,
  };
}

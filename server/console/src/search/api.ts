/**
 * Search over HTTP (issue 14): conversations by text and filters, saved views, conversation tags and
 * the site's tags for suggestions. Every reply is read through `@frontdesk/shared/search-responses`.
 */
import {
  type AckResult,
  type SavedView,
  SEARCH_API,
  type SearchFilters,
  type SearchPage,
} from '@frontdesk/shared';
import { parseWith } from '@frontdesk/shared/responses';
import {
  DeletedSchema,
  SavedViewListSchema,
  SavedViewReplySchema,
  SearchPageSchema,
  TagListSchema,
} from '@frontdesk/shared/search-responses';
import type { Http } from '../shared/http.ts';
import { searchQueryString } from './filters.ts';

export type SearchApi = {
  searchConversations(filters: SearchFilters, cursor: string | null): Promise<AckResult<SearchPage>>;
  listSavedViews(): Promise<AckResult<{ views: SavedView[] }>>;
  createSavedView(name: string, filters: SearchFilters): Promise<AckResult<SavedView>>;
  deleteSavedView(viewId: string): Promise<AckResult<{ deleted: true }>>;
  conversationTags(conversationId: string): Promise<AckResult<{ tags: string[] }>>;
  addConversationTag(conversationId: string, tag: string): Promise<AckResult<{ tags: string[] }>>;
  removeConversationTag(conversationId: string, tag: string): Promise<AckResult<{ tags: string[] }>>;
  siteConversationTags(siteId: string, prefix: string): Promise<AckResult<{ tags: string[] }>>;
};

const readPage = parseWith(SearchPageSchema);
const readViews = parseWith(SavedViewListSchema);
const readView = parseWith(SavedViewReplySchema);
const readTags = parseWith(TagListSchema);
const readDeleted = parseWith(DeletedSchema);

export const createSearchApi = (http: Http): SearchApi => ({
  searchConversations: (filters, cursor) =>
    http.get(SEARCH_API.search + searchQueryString(filters, cursor), readPage),
  listSavedViews: () => http.get(SEARCH_API.views, readViews),
  createSavedView: (name, filters) => http.send('POST', SEARCH_API.views, { name, filters }, readView),
  deleteSavedView: (viewId) => http.send('DELETE', SEARCH_API.view(viewId), undefined, readDeleted),
  conversationTags: (id) => http.get(SEARCH_API.conversationTags(id), readTags),
  addConversationTag: (id, tag) => http.send('POST', SEARCH_API.conversationTags(id), { tag }, readTags),
  removeConversationTag: (id, tag) =>
    http.send(
      'DELETE',
      `${SEARCH_API.conversationTags(id)}?${new URLSearchParams({ tag })}`,
      undefined,
      readTags,
    ),
  siteConversationTags: (siteId, prefix) =>
    http.get(`${SEARCH_API.siteTags(siteId)}?${new URLSearchParams({ prefix })}`, readTags),
});

/**
 * Issue 14 (find things): what an agent asks of search — a page of conversations by text and
 * filters (only from their sites, A2), a conversation's tags, the site's tags as suggestions, and
 * their saved views. Snippets are highlighted as parts here, never as HTML (R4).
 */
import {
  type SavedView,
  SEARCH_LIMITS,
  type SearchFilters,
  type SearchPage,
  snippetParts,
} from '@frontdesk/shared';
import type { SearchQueryInput } from '@frontdesk/shared/search-schemas';
import { SavedFiltersSchema } from '@frontdesk/shared/search-schemas';
import * as v from 'valibot';
import type { ConversationsStore } from '../conversations/store.ts';
import { toAgentConversation } from '../conversations/views.ts';
import type { AgentContext } from '../identity/context.ts';
import { AppError } from '../kernel/errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { toStoreQuery } from './query.ts';
import type { SavedViewRecord, SearchStore } from './store.ts';

type Store = SearchStore & Pick<ConversationsStore, 'getConversation'>;

function toSavedView(record: SavedViewRecord): SavedView {
  const parsed = v.safeParse(SavedFiltersSchema, JSON.parse(record.query));
  return { id: record.id, name: record.name, filters: parsed.success ? parsed.output : {} };
}

export class AgentSearch {
  constructor(private readonly store: Store) {}

  async search(ctx: AgentContext, input: SearchQueryInput): Promise<SearchPage> {
    const { cursor, limit, ...filters } = input;
    const query = toStoreQuery(ctx.siteIds, filters, {
      cursor: cursor ? decodeCursor(cursor) : null,
      ...(limit !== undefined && { limit }),
    });
    const page = await this.store.searchConversations(query);
    return {
      terms: [...query.terms],
      nextCursor: page.next ? encodeCursor(page.next) : null,
      hits: page.hits.map((hit) => ({
        conversation: toAgentConversation(hit.conversation),
        tags: hit.tags,
        match: hit.match && {
          messageId: hit.match.messageId,
          seq: hit.match.seq,
          kind: hit.match.kind,
          createdAt: hit.match.createdAt,
          snippet: snippetParts(hit.match.body, query.terms),
        },
      })),
    };
  }

  /** The conversation, if it belongs to one of the agent's sites; `not_found` otherwise (A2). */
  private async conversationOf(ctx: AgentContext, conversationId: string) {
    const conversation = await this.store.getConversation(conversationId);
    if (!conversation || !ctx.siteIds.includes(conversation.siteId))
      throw new AppError('not_found', 'conversation not found');
    return conversation;
  }

  async tags(ctx: AgentContext, conversationId: string): Promise<{ tags: string[] }> {
    await this.conversationOf(ctx, conversationId);
    return { tags: await this.store.conversationTags(conversationId) };
  }

  async addTag(ctx: AgentContext, conversationId: string, tag: string): Promise<{ tags: string[] }> {
    const conversation = await this.conversationOf(ctx, conversationId);
    const current = await this.store.conversationTags(conversationId);
    if (!current.includes(tag)) {
      if (current.length >= SEARCH_LIMITS.tagsPerConversationMax)
        throw new AppError('limit_reached', 'too many tags on this conversation');
      await this.store.addConversationTag({ conversationId, siteId: conversation.siteId, tag });
    }
    return { tags: await this.store.conversationTags(conversationId) };
  }

  async removeTag(ctx: AgentContext, conversationId: string, tag: string): Promise<{ tags: string[] }> {
    await this.conversationOf(ctx, conversationId);
    await this.store.removeConversationTag(conversationId, tag);
    return { tags: await this.store.conversationTags(conversationId) };
  }

  async siteTags(siteId: string, prefix: string): Promise<{ tags: string[] }> {
    return { tags: await this.store.siteConversationTags(siteId, prefix, SEARCH_LIMITS.tagSuggestionsMax) };
  }

  async views(ctx: AgentContext): Promise<{ views: SavedView[] }> {
    return { views: (await this.store.listSavedViews(ctx.agent.id)).map(toSavedView) };
  }

  async createView(ctx: AgentContext, name: string, filters: SearchFilters): Promise<SavedView> {
    const existing = await this.store.listSavedViews(ctx.agent.id);
    if (existing.length >= SEARCH_LIMITS.viewsMax)
      throw new AppError('limit_reached', 'too many saved views');
    return toSavedView(
      await this.store.createSavedView({ agentId: ctx.agent.id, name, query: JSON.stringify(filters) }),
    );
  }

  async deleteView(ctx: AgentContext, viewId: string): Promise<{ deleted: true }> {
    if (!(await this.store.deleteSavedView(ctx.agent.id, viewId)))
      throw new AppError('not_found', 'view not found');
    return { deleted: true };
  }
}

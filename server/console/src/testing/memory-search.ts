/**
 * Issue 14: search, saved views and tags held in memory for component tests, over the client's own
 * conversations and messages. Text matching uses the shared term folding and snippet highlighting;
 * results are best-first by number of matching words (the server ranks with its engine's index).
 */
import {
  type AckResult,
  type AgentConversation,
  type AgentProfile,
  foldText,
  type Message,
  type SavedView,
  SEARCH_LIMITS,
  type SearchFilters,
  type SearchHit,
  searchTerms,
  snippetParts,
} from '@frontdesk/shared';
import type { SearchApi } from '../search/api.ts';

const ok = <T>(data: T): AckResult<T> => ({ ok: true, data });
const notFound = <T>(): AckResult<T> => ({ ok: false, error: { code: 'not_found', message: 'not found' } });

const matches = (body: string, terms: readonly string[]) => {
  const words = (body.match(/[\p{L}\p{N}]+/gu) ?? []).map(foldText);
  return terms.every((term) => words.some((w) => w.startsWith(term)))
    ? words.filter((w) => terms.some((t) => w.startsWith(t))).length
    : 0;
};

export type MemorySearch = SearchApi & {
  views: SavedView[];
  tags: Map<string, string[]>;
  queries: SearchFilters[];
};

export function createMemorySearchApi(
  agent: AgentProfile,
  conversations: Map<string, AgentConversation>,
  messages: Map<string, Message[]>,
): MemorySearch {
  const views: SavedView[] = [];
  const tags = new Map<string, string[]>();
  const queries: SearchFilters[] = [];
  let nextId = 1;
  const api: MemorySearch = {
    views,
    tags,
    queries,
    async searchConversations(filters, cursor) {
      queries.push(filters);
      const terms = searchTerms(filters.q ?? '');
      const hits: (SearchHit & { score: number })[] = [];
      for (const c of conversations.values()) {
        if (filters.state && c.state !== filters.state) continue;
        if (filters.site && c.siteId !== filters.site) continue;
        if (filters.agent === 'none' ? c.agentId !== null : filters.agent && c.agentId !== filters.agent)
          continue;
        if (filters.tag && !(tags.get(c.id) ?? []).includes(filters.tag)) continue;
        if (filters.rating !== undefined && c.rating !== filters.rating) continue;
        let best: { message: Message; score: number } | null = null;
        if (terms.length) {
          for (const m of messages.get(c.id) ?? []) {
            if (m.kind !== 'text' && m.kind !== 'note') continue;
            const score = matches(m.body, terms);
            if (score > (best?.score ?? 0)) best = { message: m, score };
          }
          if (!best) continue;
        }
        hits.push({
          conversation: c,
          tags: tags.get(c.id) ?? [],
          score: best?.score ?? 0,
          match: best && {
            messageId: best.message.id,
            seq: best.message.seq,
            kind: best.message.kind === 'note' ? 'note' : 'text',
            createdAt: best.message.createdAt,
            snippet: snippetParts(best.message.body, terms),
          },
        });
      }
      hits.sort(
        (a, b) => b.score - a.score || b.conversation.createdAt.localeCompare(a.conversation.createdAt),
      );
      const offset = Number(cursor ?? 0);
      const size = SEARCH_LIMITS.pageSizeDefault;
      const page = hits.slice(offset, offset + size).map(({ score: _score, ...hit }) => hit);
      return ok({
        hits: page,
        terms,
        nextCursor: hits.length > offset + size ? String(offset + size) : null,
      });
    },
    async listSavedViews() {
      return ok({ views: [...views].sort((a, b) => a.name.localeCompare(b.name)) });
    },
    async createSavedView(name, filters) {
      const view = { id: `view-${nextId++}`, name, filters };
      views.push(view);
      return ok(view);
    },
    async deleteSavedView(viewId) {
      const index = views.findIndex((v) => v.id === viewId);
      if (index < 0) return notFound();
      views.splice(index, 1);
      return ok({ deleted: true as const });
    },
    async conversationTags(id) {
      return conversations.has(id) ? ok({ tags: tags.get(id) ?? [] }) : notFound();
    },
    async addConversationTag(id, tag) {
      if (!conversations.has(id)) return notFound();
      const list = new Set(tags.get(id) ?? []);
      list.add(tag.trim().toLowerCase());
      tags.set(id, [...list].sort());
      return ok({ tags: tags.get(id) ?? [] });
    },
    async removeConversationTag(id, tag) {
      if (!conversations.has(id)) return notFound();
      tags.set(
        id,
        (tags.get(id) ?? []).filter((t) => t !== tag),
      );
      return ok({ tags: tags.get(id) ?? [] });
    },
    async siteConversationTags(siteId, prefix) {
      if (!agent.sites.some((s) => s.id === siteId)) return notFound();
      const all = new Set<string>();
      for (const [id, list] of tags)
        if (conversations.get(id)?.siteId === siteId) for (const t of list) all.add(t);
      return ok({ tags: [...all].filter((t) => t.startsWith(prefix)).sort() });
    },
  };
  return api;
}

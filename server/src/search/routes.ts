/**
 * Issue 14 (find things): the console's search routes — agent cookie, same origin. Conversations
 * and tags are only ever those of the agent's sites (A2); saved views only the agent's own.
 */
import { SEARCH_ROUTES } from '@frontdesk/shared';
import { IdSchema } from '@frontdesk/shared/schemas';
import {
  ConversationTagQuerySchema,
  ConversationTagSchema,
  SavedViewSchema,
  SearchQuerySchema,
  TagSuggestQuerySchema,
} from '@frontdesk/shared/search-schemas';
import { Hono } from 'hono';
import { type SiteEnv, siteAccess } from '../faq/site-access.ts';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { requireAgent } from '../identity/require-agent.ts';
import type { SitesStore } from '../sites/store.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { jsonBody, params, query } from '../transport/http/validation.ts';
import type { AgentSearch } from './agent-search.ts';

type Deps = {
  search: AgentSearch;
  sites: Pick<SitesStore, 'getSite'>;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
};

export function searchRoutes(deps: Deps) {
  const app = new Hono<SiteEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;
  const conversation = params({ id: IdSchema });
  const { search } = deps;

  app.get(SEARCH_ROUTES.search, ...session, query(SearchQuerySchema), async (c) =>
    c.json(await search.search(c.get('agent'), c.req.valid('query'))),
  );
  app.get(SEARCH_ROUTES.views, ...session, async (c) => c.json(await search.views(c.get('agent'))));
  app.post(SEARCH_ROUTES.views, ...session, jsonBody(SavedViewSchema), async (c) => {
    const { name, filters } = c.req.valid('json');
    return c.json(await search.createView(c.get('agent'), name, filters), 201);
  });
  app.delete(SEARCH_ROUTES.view, ...session, params({ viewId: IdSchema }), async (c) =>
    c.json(await search.deleteView(c.get('agent'), c.req.valid('param').viewId)),
  );
  app.get(SEARCH_ROUTES.conversationTags, ...session, conversation, async (c) =>
    c.json(await search.tags(c.get('agent'), c.req.valid('param').id)),
  );
  app.post(
    SEARCH_ROUTES.conversationTags,
    ...session,
    conversation,
    jsonBody(ConversationTagSchema),
    async (c) =>
      c.json(await search.addTag(c.get('agent'), c.req.valid('param').id, c.req.valid('json').tag)),
  );
  app.delete(
    SEARCH_ROUTES.conversationTags,
    ...session,
    conversation,
    query(ConversationTagQuerySchema),
    async (c) =>
      c.json(await search.removeTag(c.get('agent'), c.req.valid('param').id, c.req.valid('query').tag)),
  );
  app.get(
    SEARCH_ROUTES.siteTags,
    ...session,
    params({ siteId: IdSchema }),
    siteAccess(deps.sites, 'read'),
    query(TagSuggestQuerySchema),
    async (c) => c.json(await search.siteTags(c.get('site').id, c.req.valid('query').prefix ?? '')),
  );
  return app;
}

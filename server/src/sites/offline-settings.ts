/**
 * Issue 10: a site's offline settings over HTTP — any agent of the site reads them, an admin replaces
 * them (`OfflineSettingsSchema` at the boundary). The widget gets them on its next session init.
 */

import type { OfflineSettings } from '@frontdesk/shared';
import { ROUTES } from '@frontdesk/shared';
import { IdSchema, OfflineSettingsSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { type SiteEnv, siteAccess } from '../faq/site-access.ts';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { requireAgent } from '../identity/require-agent.ts';
import { AppError } from '../kernel/errors.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { jsonBody, params } from '../transport/http/validation.ts';
import type { Site, SitesStore } from './store.ts';

/** Replaces a site's offline settings (validated before). */
export class OfflineSettingsEditor {
  constructor(private readonly store: Pick<SitesStore, 'updateSite'>) {}

  async update(site: Site, offline: OfflineSettings): Promise<OfflineSettings> {
    const updated = await this.store.updateSite(site.id, { settings: { ...site.settings, offline } });
    if (!updated) throw new AppError('not_found', 'site not found');
    return updated.settings.offline;
  }
}

type Deps = {
  sites: Pick<SitesStore, 'getSite'>;
  editor: OfflineSettingsEditor;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
};

export function offlineSettingsRoutes(deps: Deps) {
  const app = new Hono<SiteEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;
  const site = params({ siteId: IdSchema });

  app.get(ROUTES.offlineSettings, ...session, site, siteAccess(deps.sites, 'read'), (c) =>
    c.json(c.get('site').settings.offline),
  );

  app.put(
    ROUTES.offlineSettings,
    ...session,
    site,
    siteAccess(deps.sites, 'admin'),
    jsonBody(OfflineSettingsSchema),
    async (c) => c.json(await deps.editor.update(c.get('site'), c.req.valid('json'))),
  );

  return app;
}

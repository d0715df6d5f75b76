/**
 * Issue 13: a site's attachment limits over HTTP (on or off, largest file, files per conversation,
 * allowed types) — any agent of the site reads them, an admin replaces them (validated by
 * `AttachmentSettingsSchema`). Uploads read them fresh; the widget gets them at its next session.
 */
import { type AttachmentSettings, ROUTES } from '@frontdesk/shared';
import { AttachmentSettingsSchema, IdSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { type SiteEnv, siteAccess } from '../faq/site-access.ts';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { requireAgent } from '../identity/require-agent.ts';
import { AppError } from '../kernel/errors.ts';
import type { Site, SitesStore } from '../sites/store.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { jsonBody, params } from '../transport/http/validation.ts';

export class AttachmentSettingsEditor {
  constructor(private readonly store: Pick<SitesStore, 'updateSite'>) {}

  async update(site: Site, attachments: AttachmentSettings): Promise<AttachmentSettings> {
    // One entry per type, in the catalogue's order.
    const allowedTypes = [...new Set(attachments.allowedTypes)];
    const updated = await this.store.updateSite(site.id, {
      settings: { ...site.settings, attachments: { ...attachments, allowedTypes } },
    });
    if (!updated) throw new AppError('not_found', 'site not found');
    return updated.settings.attachments;
  }
}

type Deps = {
  sites: Pick<SitesStore, 'getSite'>;
  editor: AttachmentSettingsEditor;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
};

export function attachmentSettingsRoutes(deps: Deps) {
  const app = new Hono<SiteEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;
  const site = params({ siteId: IdSchema });

  app.get(ROUTES.attachmentSettings, ...session, site, siteAccess(deps.sites, 'read'), (c) =>
    c.json(c.get('site').settings.attachments),
  );

  app.put(
    ROUTES.attachmentSettings,
    ...session,
    site,
    siteAccess(deps.sites, 'admin'),
    jsonBody(AttachmentSettingsSchema),
    async (c) => c.json(await deps.editor.update(c.get('site'), c.req.valid('json'))),
  );

  return app;
}

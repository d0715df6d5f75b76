/**
 * The console's contact routes (issue 12): agent cookie, same origin, and the site checked first —
 * an agent of another site gets `not_found` for its contacts (A2). Settings changes are admin-only.
 */
import { CONTACT_ROUTES } from '@frontdesk/shared';
import {
  ContactListQuerySchema,
  ContactNoteSchema,
  ContactPatchSchema,
  ContactTimelineQuerySchema,
  EmptySchema,
  EraseSchema,
  PrivacySettingsSchema,
} from '@frontdesk/shared/contacts-schemas';
import { SERVER_CATALOGS } from '@frontdesk/shared/i18n';
import { IdSchema } from '@frontdesk/shared/schemas';
import { type Context, Hono } from 'hono';
import { type SiteEnv, siteAccess } from '../faq/site-access.ts';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { requireAgent } from '../identity/require-agent.ts';
import type { SitesStore } from '../sites/store.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { jsonBody, params, query } from '../transport/http/validation.ts';
import type { AgentContacts } from './agent-contacts.ts';
import type { ContactExports } from './export.ts';
import type { SitePrivacy } from './site-privacy.ts';

type Deps = {
  sites: Pick<SitesStore, 'getSite'>;
  contacts: AgentContacts;
  exports: ContactExports;
  privacy: SitePrivacy;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
};

export function contactRoutes(deps: Deps) {
  const app = new Hono<SiteEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;
  const site = params({ siteId: IdSchema });
  const contact = params({ siteId: IdSchema, contactId: IdSchema });
  const read = siteAccess(deps.sites, 'read');
  const admin = siteAccess(deps.sites, 'admin');
  const { contacts, exports, privacy } = deps;

  app.get(CONTACT_ROUTES.contacts, ...session, site, read, query(ContactListQuerySchema), async (c) =>
    c.json(await contacts.list(c.get('site'), c.req.valid('query'))),
  );
  app.get(CONTACT_ROUTES.contact, ...session, contact, read, async (c) =>
    c.json(await contacts.get(c.get('site'), c.req.valid('param').contactId)),
  );
  app.patch(CONTACT_ROUTES.contact, ...session, contact, read, jsonBody(ContactPatchSchema), async (c) =>
    c.json(
      await contacts.patch(
        c.get('site'),
        c.get('agent'),
        c.req.valid('param').contactId,
        c.req.valid('json'),
      ),
    ),
  );
  app.get(
    CONTACT_ROUTES.contactTimeline,
    ...session,
    contact,
    read,
    query(ContactTimelineQuerySchema),
    async (c) =>
      c.json(
        await contacts.timeline(c.get('site'), c.req.valid('param').contactId, c.req.valid('query').cursor),
      ),
  );
  app.post(CONTACT_ROUTES.contactNotes, ...session, contact, read, jsonBody(ContactNoteSchema), async (c) =>
    c.json(
      await contacts.addNote(
        c.get('site'),
        c.get('agent'),
        c.req.valid('param').contactId,
        c.req.valid('json').body,
      ),
      201,
    ),
  );
  /** The download's file name in the site's language. */
  const exportName = (c: Context<SiteEnv>, key: 'exportFileName' | 'exportZipFileName', contactId: string) =>
    SERVER_CATALOGS[c.get('site').settings.defaultLocale ?? 'en'][key].replace('{id}', contactId);
  app.get(CONTACT_ROUTES.contactExport, ...session, contact, read, async (c) => {
    const { contactId } = c.req.valid('param');
    const exported = await exports.json(c.get('site'), c.get('agent'), contactId);
    c.header('Content-Disposition', `attachment; filename="${exportName(c, 'exportFileName', contactId)}"`);
    c.header('Cache-Control', 'no-store');
    return c.json(exported);
  });
  app.get(CONTACT_ROUTES.contactExportZip, ...session, contact, read, async (c) => {
    const { contactId } = c.req.valid('param');
    const zip = await exports.zip(c.get('site'), c.get('agent'), contactId);
    return c.body(zip, 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="${exportName(c, 'exportZipFileName', contactId)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  app.post(
    CONTACT_ROUTES.contactEraseConfirmation,
    ...session,
    contact,
    read,
    jsonBody(EmptySchema),
    async (c) =>
      c.json(await contacts.eraseConfirmation(c.get('site'), c.get('agent'), c.req.valid('param').contactId)),
  );
  app.post(CONTACT_ROUTES.contactErase, ...session, contact, read, jsonBody(EraseSchema), async (c) =>
    c.json(
      await contacts.erase(
        c.get('site'),
        c.get('agent'),
        c.req.valid('param').contactId,
        c.req.valid('json').confirmation,
      ),
    ),
  );

  app.get(CONTACT_ROUTES.identitySettings, ...session, site, admin, (c) =>
    c.json(privacy.identity(c.get('site'))),
  );
  app.delete(CONTACT_ROUTES.identitySettings, ...session, site, admin, async (c) =>
    c.json(await privacy.clear(c.get('site'))),
  );
  app.post(CONTACT_ROUTES.identitySecretRotate, ...session, site, admin, jsonBody(EmptySchema), async (c) =>
    c.json(await privacy.rotate(c.get('site'))),
  );
  app.get(CONTACT_ROUTES.privacySettings, ...session, site, read, (c) =>
    c.json(privacy.privacy(c.get('site'))),
  );
  app.put(
    CONTACT_ROUTES.privacySettings,
    ...session,
    site,
    admin,
    jsonBody(PrivacySettingsSchema),
    async (c) => c.json(await privacy.setPrivacy(c.get('site'), c.req.valid('json'))),
  );
  return app;
}

/**
 * FAQ authoring API of a site: entries, "try a question", unanswered questions, bot settings.
 * Checked in this order: same origin, session, site id, access to the site, body, entry id.
 */
import { ROUTES } from '@frontdesk/shared';
import {
  AgentAnswerDismissSchema,
  BotSettingsSchema,
  FaqIdSchema,
  FaqInputSchema,
  FaqTrySchema,
  IdSchema,
  UnansweredDismissSchema,
} from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { requireAgent } from '../identity/require-agent.ts';
import type { SitesStore } from '../sites/store.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { jsonBody, params } from '../transport/http/validation.ts';
import type { AgentAnswers } from './agent-answers.ts';
import { type BotSettingsEditor, botSettingsOf } from './bot-settings.ts';
import type { FaqEntries } from './entries.ts';
import { type SiteEnv, siteAccess } from './site-access.ts';
import type { Unanswered } from './unanswered.ts';

type Deps = {
  entries: FaqEntries;
  unanswered: Unanswered;
  agentAnswers: AgentAnswers;
  settings: BotSettingsEditor;
  sites: Pick<SitesStore, 'getSite'>;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
};

export function faqRoutes(deps: Deps) {
  const app = new Hono<SiteEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;
  const site = params({ siteId: IdSchema });
  const reader = [...session, site, siteAccess(deps.sites, 'read')] as const;
  const admin = [...session, site, siteAccess(deps.sites, 'admin')] as const;
  const entry = params({ siteId: IdSchema, faqId: FaqIdSchema });

  app.get(ROUTES.faqs, ...reader, async (c) => c.json(await deps.entries.list(c.get('site').id)));

  app.post(ROUTES.faqTry, ...reader, jsonBody(FaqTrySchema), async (c) =>
    c.json(await deps.entries.try(c.get('site').id, c.req.valid('json'))),
  );

  app.put(ROUTES.faq, ...admin, jsonBody(FaqInputSchema), entry, async (c) => {
    const faq = await deps.entries.put(c.get('site').id, c.req.valid('param').faqId, c.req.valid('json'));
    return c.json({ faq });
  });

  app.delete(ROUTES.faq, ...admin, entry, async (c) => {
    await deps.entries.remove(c.get('site').id, c.req.valid('param').faqId);
    return c.json({ ok: true });
  });

  app.get(ROUTES.unanswered, ...reader, async (c) =>
    c.json({ groups: await deps.unanswered.groups(c.get('site').id) }),
  );

  app.post(ROUTES.unansweredDismiss, ...admin, jsonBody(UnansweredDismissSchema), async (c) => {
    await deps.unanswered.dismiss(c.get('site').id, c.req.valid('json'));
    return c.json({ ok: true });
  });

  app.get(ROUTES.agentAnswers, ...reader, async (c) =>
    c.json({ answers: await deps.agentAnswers.list(c.get('site').id) }),
  );

  app.post(ROUTES.agentAnswersDismiss, ...admin, jsonBody(AgentAnswerDismissSchema), async (c) => {
    await deps.agentAnswers.dismiss(c.get('site').id, c.req.valid('json'));
    return c.json({ ok: true });
  });

  app.get(ROUTES.botSettings, ...reader, async (c) => c.json(botSettingsOf(c.get('site'))));

  app.put(ROUTES.botSettings, ...admin, jsonBody(BotSettingsSchema), async (c) =>
    c.json(await deps.settings.update(c.get('site'), c.req.valid('json'))),
  );

  return app;
}

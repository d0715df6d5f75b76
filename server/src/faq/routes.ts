/**
 * FAQ authoring API of a site: entries, "try a question", unanswered questions, bot settings.
 * Any agent of the site reads (and tries a question); only an admin changes anything.
 */
import { API } from '@frontdesk/shared';
import {
  BotSettingsSchema,
  FaqIdSchema,
  FaqInputSchema,
  FaqTrySchema,
  IdSchema,
  UnansweredDismissSchema,
} from '@frontdesk/shared/schemas';
import { type Context, Hono } from 'hono';
import { parse } from '../validate.ts';
import { type AgentEnv, agentSession, sameOriginGuard } from './agent-auth.ts';
import type { AppDeps } from './app.ts';
import { jsonBody } from './json-body.ts';

/** A Hono pattern from an `API` path helper called with `:name` placeholders (the helpers encode ':'). */
const pattern = (path: string) => decodeURIComponent(path);

export function faqRoutes(deps: AppDeps) {
  const app = new Hono<AgentEnv>();
  const sameOrigin = sameOriginGuard(deps.selfOrigins);
  const requireAgent = agentSession(deps.agents);
  const guard = [sameOrigin, requireAgent] as const;

  const site = (c: Context<AgentEnv>, need: 'read' | 'admin') =>
    deps.faq.access(c.get('agent'), parse(IdSchema, c.req.param('siteId')), need);
  const faqId = (c: Context<AgentEnv>) => parse(FaqIdSchema, c.req.param('faqId'));

  app.get(pattern(API.faqs(':siteId')), ...guard, async (c) => {
    const { id } = await site(c, 'read');
    return c.json(await deps.faq.list(id));
  });

  app.post(pattern(API.faqTry(':siteId')), ...guard, async (c) => {
    const { id } = await site(c, 'read');
    return c.json(await deps.faq.try(id, parse(FaqTrySchema, await jsonBody(c))));
  });

  app.put(pattern(API.faq(':siteId', ':faqId')), ...guard, async (c) => {
    const { id } = await site(c, 'admin');
    const input = parse(FaqInputSchema, await jsonBody(c));
    return c.json({ faq: await deps.faq.put(id, faqId(c), input) });
  });

  app.delete(pattern(API.faq(':siteId', ':faqId')), ...guard, async (c) => {
    const { id } = await site(c, 'admin');
    await deps.faq.remove(id, faqId(c));
    return c.json({ ok: true });
  });

  app.get(pattern(API.unanswered(':siteId')), ...guard, async (c) => {
    const { id } = await site(c, 'read');
    return c.json({ groups: await deps.faq.unanswered(id) });
  });

  app.post(pattern(API.unansweredDismiss(':siteId')), ...guard, async (c) => {
    const { id } = await site(c, 'admin');
    await deps.faq.dismiss(id, parse(UnansweredDismissSchema, await jsonBody(c)));
    return c.json({ ok: true });
  });

  app.get(pattern(API.botSettings(':siteId')), ...guard, async (c) => {
    return c.json(deps.faq.settings(await site(c, 'read')));
  });

  app.put(pattern(API.botSettings(':siteId')), ...guard, async (c) => {
    const current = await site(c, 'admin');
    return c.json(await deps.faq.updateSettings(current, parse(BotSettingsSchema, await jsonBody(c))));
  });

  return app;
}

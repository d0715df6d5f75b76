/**
 * Whose FAQ this is: any agent of a site reads it (and tries a question); only an admin changes
 * anything. Another site is "not found", like a missing one.
 */
import type { MiddlewareHandler } from 'hono';
import type { AgentContext } from '../identity/context.ts';
import type { AgentEnv } from '../identity/require-agent.ts';
import { AppError } from '../kernel/errors.ts';
import type { Site, SitesStore } from '../sites/store.ts';

type Need = 'read' | 'admin';

async function siteFor(
  store: Pick<SitesStore, 'getSite'>,
  ctx: AgentContext,
  siteId: string,
  need: Need,
): Promise<Site> {
  const site = ctx.siteIds.includes(siteId) ? await store.getSite(siteId) : null;
  if (!site) throw new AppError('not_found', 'site not found');
  if (need === 'admin' && ctx.agent.role !== 'admin')
    throw new AppError('forbidden', 'only an admin can change the bot');
  return site;
}

export type SiteEnv = AgentEnv & { Variables: { site: Site } };

/** HTTP middleware: the validated `:siteId` → `c.var.site`, if the agent may `need` it. */
export function siteAccess(
  store: Pick<SitesStore, 'getSite'>,
  need: Need,
): MiddlewareHandler<SiteEnv, string, { out: { param: { siteId: string } } }> {
  return async (c, next) => {
    c.set('site', await siteFor(store, c.get('agent'), c.req.valid('param').siteId, need));
    await next();
  };
}

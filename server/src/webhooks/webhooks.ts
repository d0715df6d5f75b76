/**
 * Webhooks as admins manage them (issue 15): register a URL with the events it wants (refused when
 * it points at a private address the site does not allow), remove it, read its delivery log, send
 * a delivery again, and the per-site "allow private addresses" setting for self-hosters.
 */

import { randomUUID } from 'node:crypto';
import { API_LIMITS } from '@frontdesk/shared';
import type { WebhookCreateInput } from '@frontdesk/shared/api-schemas';
import { requireAdmin } from '../admin/sites.ts';
import type { AgentContext } from '../identity/context.ts';
import { AppError } from '../kernel/errors.ts';
import type { SitesStore } from '../sites/store.ts';
import { checkTarget, type Resolve, systemResolve } from './address-guard.ts';
import { newWebhookSecret } from './signing.ts';
import type { DeliveryRecord, WebhookRecord, WebhooksStore } from './store.ts';

export type WebhooksDeps = {
  store: WebhooksStore & Pick<SitesStore, 'getSite' | 'listSites'>;
  clock: () => number;
  resolve?: Resolve;
};

export class Webhooks {
  constructor(private readonly deps: WebhooksDeps) {}

  async list(
    ctx: AgentContext,
  ): Promise<{ webhooks: WebhookRecord[]; allowPrivate: Record<string, boolean> }> {
    requireAdmin(ctx, 'manage webhooks');
    const sites = await this.deps.store.listSites();
    const allowPrivate: Record<string, boolean> = {};
    for (const site of sites) allowPrivate[site.id] = await this.deps.store.getAllowPrivate(site.id);
    return { webhooks: await this.deps.store.listWebhooks(sites.map((s) => s.id)), allowPrivate };
  }

  async create(ctx: AgentContext, input: WebhookCreateInput): Promise<WebhookRecord> {
    requireAdmin(ctx, 'manage webhooks');
    const site = await this.deps.store.getSite(input.siteId);
    if (!site) throw new AppError('not_found', 'site not found');
    if ((await this.deps.store.listWebhooks([site.id])).length >= API_LIMITS.webhooksPerSiteMax)
      throw new AppError('limit_reached', `a site has at most ${API_LIMITS.webhooksPerSiteMax} webhooks`);
    await checkTarget(
      new URL(input.url),
      await this.deps.store.getAllowPrivate(site.id),
      this.deps.resolve ?? systemResolve,
    );
    const hook: WebhookRecord = {
      id: randomUUID(),
      siteId: site.id,
      url: input.url,
      events: [...new Set(input.events)],
      secret: newWebhookSecret(),
      createdAt: new Date(this.deps.clock()).toISOString(),
    };
    await this.deps.store.insertWebhook(hook);
    return hook;
  }

  async remove(ctx: AgentContext, id: string): Promise<void> {
    requireAdmin(ctx, 'manage webhooks');
    if (!(await this.deps.store.deleteWebhook(id))) throw new AppError('not_found', 'no such webhook');
  }

  async deliveries(ctx: AgentContext, webhookId: string): Promise<DeliveryRecord[]> {
    requireAdmin(ctx, 'manage webhooks');
    if (!(await this.deps.store.getWebhook(webhookId))) throw new AppError('not_found', 'no such webhook');
    return this.deps.store.listDeliveries(webhookId, API_LIMITS.deliveryLogSize);
  }

  /** A delivered or failed delivery queued again (the loop sends it within seconds). */
  async resend(ctx: AgentContext, deliveryId: string): Promise<DeliveryRecord> {
    requireAdmin(ctx, 'manage webhooks');
    const again = await this.deps.store.resendDelivery(deliveryId, new Date(this.deps.clock()).toISOString());
    if (again) return again;
    if (!(await this.deps.store.getDelivery(deliveryId))) throw new AppError('not_found', 'no such delivery');
    throw new AppError('invalid_state', 'this delivery is still being sent');
  }

  async setAllowPrivate(ctx: AgentContext, siteId: string, allow: boolean): Promise<boolean> {
    requireAdmin(ctx, 'manage webhooks');
    if (!(await this.deps.store.getSite(siteId))) throw new AppError('not_found', 'site not found');
    await this.deps.store.setAllowPrivate(siteId, allow);
    return allow;
  }
}

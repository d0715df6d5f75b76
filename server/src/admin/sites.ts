/**
 * Site administration (issue 9): list, create, read, change and archive sites, set or remove the
 * logo. Admins see and change every site; an agent reads only their own sites, and another site is
 * `not_found`, like a missing one (TESTPLAN A2).
 */
import { randomBytes } from 'node:crypto';
import type { SiteDetail, SiteSummary } from '@frontdesk/shared';
import type { SiteCreateInput, SitePatchInput } from '@frontdesk/shared/schemas';
import type { BotRegistry } from '../bot/registry.ts';
import type { AgentContext } from '../identity/context.ts';
import type { SitesJoined } from '../identity/session-sockets.ts';
import type { AgentsStore } from '../identity/store.ts';
import { AppError } from '../kernel/errors.ts';
import { type ImageUploads, imageUrl } from '../sites/images.ts';
import { DEFAULT_SITE_SETTINGS, withAppearance } from '../sites/settings.ts';
import type { Site, SitesStore } from '../sites/store.ts';

/** A new site's public key: `site_` and 16 random bytes (base64url), valid for `SiteKeySchema`. */
export const newSiteKey = () => `site_${randomBytes(16).toString('base64url')}`;

export const siteSummary = (site: Site): SiteSummary => ({
  id: site.id,
  key: site.key,
  name: site.name,
  archived: site.archived,
  createdAt: site.createdAt,
});

export const siteDetail = (site: Site): SiteDetail => ({
  ...siteSummary(site),
  allowedOrigins: site.allowedOrigins,
  defaultLocale: site.settings.defaultLocale,
  appearance: site.settings.appearance,
  abandonAfterMinutes: site.settings.abandonAfterMinutes,
  hours: site.settings.hours,
  // E-mail as a channel (issue 10, mail):
  notifyAgentsOfOfflineMessages: site.settings.notifyAgentsOfOfflineMessages,
});

const isAdmin = (ctx: AgentContext) => ctx.agent.role === 'admin';

export function requireAdmin(ctx: AgentContext, what = 'this'): void {
  if (!isAdmin(ctx)) throw new AppError('forbidden', `only an admin can do ${what}`);
}

export class SiteAdmin {
  constructor(
    private readonly store: SitesStore & Pick<AgentsStore, 'listAgentSiteIds' | 'setAgentSites'>,
    private readonly images: ImageUploads,
    private readonly bots: Pick<BotRegistry, 'invalidate'>,
    /** The creating admin's open console tabs join the new site at once. */
    private readonly sockets: SitesJoined,
  ) {}

  /** Admins: every site, archived ones included; agents: their sites that are not archived. */
  async list(ctx: AgentContext): Promise<SiteSummary[]> {
    const sites = await this.store.listSites();
    const visible = isAdmin(ctx) ? sites : sites.filter((s) => ctx.siteIds.includes(s.id) && !s.archived);
    return visible.map(siteSummary);
  }

  /** A site the caller may read: admins any, agents their own; otherwise `not_found`. */
  async get(ctx: AgentContext, siteId: string): Promise<Site> {
    const site = isAdmin(ctx) || ctx.siteIds.includes(siteId) ? await this.store.getSite(siteId) : null;
    if (!site) throw new AppError('not_found', 'site not found');
    return site;
  }

  /** A new site (with a fresh key); the admin who made it becomes one of its agents. */
  async create(ctx: AgentContext, input: SiteCreateInput): Promise<Site> {
    requireAdmin(ctx, 'add sites');
    const site = await this.store.createSite({
      key: newSiteKey(),
      name: input.name,
      allowedOrigins: input.allowedOrigins,
      settings: { ...DEFAULT_SITE_SETTINGS, defaultLocale: input.defaultLocale },
    });
    const mine = await this.store.listAgentSiteIds(ctx.agent.id);
    await this.store.setAgentSites(ctx.agent.id, [...mine, site.id]);
    this.sockets.sitesJoined(ctx.agent.id, [site.id]);
    return site;
  }

  async change(ctx: AgentContext, siteId: string, patch: SitePatchInput): Promise<Site> {
    requireAdmin(ctx, 'change sites');
    const site = await this.get(ctx, siteId);
    let settings = site.settings;
    if (patch.defaultLocale !== undefined) settings = { ...settings, defaultLocale: patch.defaultLocale };
    // The appearance is replaced whole, but the logo has its own route.
    if (patch.appearance) settings = withAppearance(settings, patch.appearance);
    if (patch.abandonAfterMinutes !== undefined)
      settings = { ...settings, abandonAfterMinutes: patch.abandonAfterMinutes };
    if (patch.hours !== undefined) settings = { ...settings, hours: patch.hours };
    // E-mail as a channel (issue 10, mail):
    if (patch.notifyAgentsOfOfflineMessages !== undefined)
      settings = { ...settings, notifyAgentsOfOfflineMessages: patch.notifyAgentsOfOfflineMessages };
    const updated = await this.store.updateSite(site.id, {
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.allowedOrigins !== undefined && { allowedOrigins: patch.allowedOrigins }),
      ...(patch.archived !== undefined && { archived: patch.archived }),
      settings,
    });
    if (!updated) throw new AppError('not_found', 'site not found');
    this.bots.invalidate(site.id);
    return updated;
  }

  async setLogo(ctx: AgentContext, siteId: string, bytes: Uint8Array): Promise<Site> {
    requireAdmin(ctx, 'change sites');
    const site = await this.get(ctx, siteId);
    const image = await this.images.upload(bytes);
    return this.replaceLogo(site, imageUrl(image.id));
  }

  async removeLogo(ctx: AgentContext, siteId: string): Promise<Site> {
    requireAdmin(ctx, 'change sites');
    return this.replaceLogo(await this.get(ctx, siteId), null);
  }

  private async replaceLogo(site: Site, logoUrl: string | null): Promise<Site> {
    const updated = await this.store.updateSite(site.id, {
      settings: withAppearance(site.settings, { logoUrl }),
    });
    if (!updated) throw new AppError('not_found', 'site not found');
    await this.images.remove(site.settings.appearance.logoUrl);
    return updated;
  }
}

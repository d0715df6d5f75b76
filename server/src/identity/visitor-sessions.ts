/**
 * Visitor identity and site access: mint a visitor token (stored hashed), authenticate a socket
 * handshake, and decide which origins may embed a site's widget.
 */
import type { Locale, WidgetSite } from '@frontdesk/shared';
import { hashToken, looksLikeToken, newToken } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import { type Budgets, rateLimited } from '../limits/index.ts';
import type { Site, Storage } from '../storage/index.ts';
import type { VisitorContext } from './conversations.ts';

/** The key of the built-in demo site, which also accepts the server's own origins. */
export const DEMO_SITE_KEY = 'demo';

export class VisitorService {
  constructor(
    private readonly storage: Storage,
    /** Origins this server is reached at (PUBLIC_URL and loopback names for the port). */
    private readonly selfOrigins: readonly string[],
    private readonly budgets: Budgets,
  ) {}

  isOriginAllowed(site: Site, origin: string | undefined): boolean {
    if (!origin) return false;
    if (site.allowedOrigins.includes(origin)) return true;
    return site.key === DEMO_SITE_KEY && this.selfOrigins.includes(origin);
  }

  private async siteFor(siteKey: string, origin: string | undefined): Promise<Site> {
    const site = await this.storage.getSiteByKey(siteKey);
    if (!site) throw new AppError('not_found', 'unknown site');
    if (!this.isOriginAllowed(site, origin)) {
      throw new AppError(
        'origin_not_allowed',
        `this site does not allow the widget on ${origin ?? 'an unknown origin'}`,
      );
    }
    return site;
  }

  /**
   * A new visitor identity. Free identities would defeat every per-visitor limit, so minting is
   * limited per client address (counted first, refused requests included) and per site.
   */
  async createSession(siteKey: string, origin: string | undefined, address: string) {
    const fromAddress = this.budgets.visitorSessionFrom(address);
    if (!fromAddress.ok) throw rateLimited(fromAddress, 'new visitor sessions from this address');
    const site = await this.siteFor(siteKey, origin);
    const forSite = this.budgets.visitorSessionFor(site.id);
    if (!forSite.ok) throw rateLimited(forSite, 'new visitor sessions for this site');
    const token = newToken();
    const visitor = await this.storage.createVisitor({ siteId: site.id, tokenHash: hashToken(token) });
    return { token, visitorId: visitor.id };
  }

  async authenticate(
    auth: unknown,
    origin: string | undefined,
    userAgent: string | undefined,
  ): Promise<VisitorContext> {
    const { siteKey, token } = (auth ?? {}) as { siteKey?: unknown; token?: unknown };
    if (typeof siteKey !== 'string') throw new AppError('unauthorized', 'missing site key');
    const site = await this.siteFor(siteKey, origin);
    if (!looksLikeToken(token)) throw new AppError('unauthorized', 'missing or malformed visitor token');
    const visitor = await this.storage.getVisitorByToken(site.id, hashToken(token));
    if (!visitor) throw new AppError('unauthorized', 'unknown visitor token');
    if (userAgent) await this.storage.updateVisitor(visitor.id, { userAgent: userAgent.slice(0, 500) });
    return { visitor, site };
  }

  async setLocale(ctx: VisitorContext, locale: Locale) {
    await this.storage.updateVisitor(ctx.visitor.id, { locale });
  }

  widgetSite(site: Site, locale: Locale, agentsOnline: number): WidgetSite {
    return {
      name: site.name,
      color: site.settings.color,
      locale: site.settings.defaultLocale,
      greeting: site.settings.greeting[locale] ?? null,
      quickReplies: site.settings.quickReplies[locale] ?? [],
      agentsOnline,
    };
  }
}

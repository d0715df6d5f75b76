/**
 * Visitor identities: mint a visitor token (stored hashed) for a page the site allows, and identify a
 * visitor by site and token when its socket connects.
 */
import type { Locale } from '@frontdesk/shared';
import { AppError } from '../kernel/errors.ts';
import { type Budgets, rateLimited, type Verdict } from '../limits/index.ts';
import { mayEmbed } from '../sites/embedding.ts';
import type { Site, SitesStore } from '../sites/store.ts';
import type { VisitorContext } from './context.ts';
import type { VisitorsStore } from './store.ts';
import { hashToken, newToken } from './tokens.ts';

/** Issue 11 (redis): the budgets of new visitor sessions, this node's (`Budgets`) or shared by the nodes. */
export type SessionBudgets = {
  visitorSessionFrom(address: string): Verdict | Promise<Verdict>;
  visitorSessionFor(siteId: string): Verdict | Promise<Verdict>;
};

export class VisitorSessions {
  constructor(
    private readonly store: SitesStore & VisitorsStore,
    /** Origins this server is reached at (PUBLIC_URL and loopback names for the port). */
    private readonly selfOrigins: readonly string[],
    private readonly budgets: Budgets | SessionBudgets,
  ) {}

  /** The site behind a key, if the page at `origin` may embed its widget. */
  async siteFor(siteKey: string, origin: string | undefined): Promise<Site> {
    const site = await this.store.getSiteByKey(siteKey);
    if (!site) throw new AppError('not_found', 'unknown site');
    if (site.archived) throw new AppError('site_archived', 'this site is archived and takes no new chats');
    if (!mayEmbed(site, origin, this.selfOrigins)) {
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
    const fromAddress = await this.budgets.visitorSessionFrom(address);
    if (!fromAddress.ok) throw rateLimited(fromAddress, 'new visitor sessions from this address');
    const site = await this.siteFor(siteKey, origin);
    const forSite = await this.budgets.visitorSessionFor(site.id);
    if (!forSite.ok) throw rateLimited(forSite, 'new visitor sessions for this site');
    const token = newToken();
    const visitor = await this.store.createVisitor({ siteId: site.id, tokenHash: hashToken(token) });
    return { token, visitorId: visitor.id };
  }

  /** The visitor a (well-formed) token belongs to on this site; remembers its browser. */
  async identify(site: Site, token: string, userAgent: string | undefined): Promise<VisitorContext> {
    const visitor = await this.store.getVisitorByToken(site.id, hashToken(token));
    if (!visitor) throw new AppError('unauthorized', 'unknown visitor token');
    if (userAgent) await this.store.updateVisitor(visitor.id, { userAgent: userAgent.slice(0, 500) });
    return { visitor, site };
  }

  /**
   * Issue 13: the visitor behind an HTTP request (attachments), by site key and token. A page's
   * Origin, when the browser sends one, must be one the site allows, as for the socket.
   */
  async authenticate(siteKey: string, token: string, origin: string | undefined): Promise<VisitorContext> {
    const site = await this.store.getSiteByKey(siteKey);
    if (!site) throw new AppError('unauthorized', 'unknown visitor token');
    if (origin && !mayEmbed(site, origin, this.selfOrigins))
      throw new AppError('origin_not_allowed', `this site does not allow the widget on ${origin}`);
    const visitor = await this.store.getVisitorByToken(site.id, hashToken(token));
    if (!visitor) throw new AppError('unauthorized', 'unknown visitor token');
    return { visitor, site };
  }

  async setLocale(ctx: VisitorContext, locale: Locale): Promise<void> {
    await this.store.updateVisitor(ctx.visitor.id, { locale });
  }
}

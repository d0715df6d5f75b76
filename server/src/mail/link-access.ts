/**
 * Opening a conversation from a reply e-mail: the signed link is checked (signature, expiry, and
 * that the conversation still belongs to that visitor) and exchanged for a fresh visitor token of
 * that visitor. The old token stops working (tokens are stored hashed, one per visitor): the
 * browser that opens the link becomes the visitor's, which is what a link sent to them means.
 */
import type { ConversationsStore } from '../conversations/store.ts';
import type { VisitorsStore } from '../identity/store.ts';
import { hashToken, newToken } from '../identity/tokens.ts';
import { AppError } from '../kernel/errors.ts';
import type { SitesStore } from '../sites/store.ts';
import { type LinkCheck, verifyConversationLink } from './signing.ts';

export type LinkAccessDeps = {
  store: Pick<ConversationsStore, 'getConversation'> &
    Pick<SitesStore, 'getSite'> &
    Pick<VisitorsStore, 'replaceVisitorToken'>;
  secret: string;
  clock: () => number;
};

export type LinkSession = { siteKey: string; token: string; visitorId: string; conversationId: string };

export class LinkAccess {
  constructor(private readonly deps: LinkAccessDeps) {}

  /** The link's fate without touching anything (the page shows an error at once for a bad one). */
  check(token: string): LinkCheck {
    return verifyConversationLink(this.deps.secret, token, this.deps.clock());
  }

  async exchange(token: string): Promise<LinkSession> {
    const checked = this.check(token);
    if (!checked.ok) {
      throw new AppError(
        'unauthorized',
        checked.reason === 'expired' ? 'this link has expired' : 'invalid link',
      );
    }
    const { conversationId, visitorId } = checked.link;
    const conversation = await this.deps.store.getConversation(conversationId);
    if (!conversation || conversation.visitorId !== visitorId)
      throw new AppError('unauthorized', 'invalid link');
    const site = await this.deps.store.getSite(conversation.siteId);
    if (!site) throw new AppError('unauthorized', 'invalid link');
    if (site.archived) throw new AppError('site_archived', 'this site is archived');
    const fresh = newToken();
    await this.deps.store.replaceVisitorToken(visitorId, hashToken(fresh));
    return { siteKey: site.key, token: fresh, visitorId, conversationId };
  }
}

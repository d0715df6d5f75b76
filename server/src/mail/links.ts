/** Where mail points: the signed conversation link and the per-conversation reply address. */
import { API, LIMITS, PATHS } from '@frontdesk/shared';
import { replyAddress, signConversationLink } from './signing.ts';

export type MailLinksConfig = {
  secret: string;
  publicUrl: URL;
  /** The domain of reply addresses; null when inbound mail is off (no Reply-To then). */
  replyDomain: string | null;
};

export class MailLinks {
  constructor(private readonly config: MailLinksConfig) {}

  conversationLink(conversationId: string, visitorId: string, now: number): string {
    const token = signConversationLink(
      this.config.secret,
      { conversationId, visitorId },
      now + LIMITS.mailLinkTtlMs,
    );
    return new URL(API.mailLink(token), this.config.publicUrl).toString();
  }

  replyTo(conversationId: string, now: number): string | null {
    if (!this.config.replyDomain) return null;
    return replyAddress(
      this.config.secret,
      conversationId,
      now + LIMITS.mailReplyAddressTtlMs,
      this.config.replyDomain,
    );
  }

  /** The console's conversation list (the console has no address for one conversation yet). */
  consoleLink(): string {
    return new URL(`${PATHS.console}/`, this.config.publicUrl).toString();
  }
}

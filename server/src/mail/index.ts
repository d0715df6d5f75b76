/**
 * @module mail — e-mail as a channel (issue 10): the outbox and its sender, reply / transcript /
 * agent-notice mail, signed links back to a conversation, and the optional inbound listener.
 */
import type { MailConfig } from '../config/config.ts';
import type { Broadcaster } from '../conversations/ports.ts';
import type { VisitorConversations } from '../conversations/visitor-conversations.ts';
import type { VisitorNamespace } from '../identity/sockets.ts';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Storage } from '../storage/index.ts';
import { withReplyMail } from './broadcaster.ts';
import { ConversationMail } from './conversation-mail.ts';
import { InboundMail } from './inbound.ts';
import { LinkAccess } from './link-access.ts';
import { MailLinks } from './links.ts';
import { MailOutbox } from './outbox.ts';
import { TranscriptRequests } from './transcripts.ts';
import { type MailTransport, smtpTransport } from './transport.ts';
import { SocketVisitorPresence } from './visitor-presence.ts';

export { mailLinkRoutes } from './link-routes.ts';
export { SMTP_NOT_CONFIGURED } from './outbox.ts';
export { mailRoutes } from './routes.ts';

export type MailSetup = {
  config: MailConfig;
  secret: string;
  publicUrl: URL;
  clock: () => number;
};

/** The mail use cases; `visitorConversations` is asked for late (it needs the broadcaster built here). */
export function buildMail(deps: {
  setup: MailSetup;
  storage: Storage;
  broadcaster: Broadcaster;
  visitorNamespace: VisitorNamespace;
  logger: Logger;
  visitorConversations: () => VisitorConversations;
}) {
  const { setup, storage, logger } = deps;
  const transport: MailTransport | null = setup.config.smtpUrl ? smtpTransport(setup.config.smtpUrl) : null;
  const outbox = new MailOutbox({
    store: storage,
    transport,
    fromAddress: setup.config.from.address,
    broadcaster: deps.broadcaster,
    clock: setup.clock,
    logger,
  });
  const inboundOn = setup.config.inboundPort !== null;
  const links = new MailLinks({
    secret: setup.secret,
    publicUrl: setup.publicUrl,
    replyDomain: inboundOn ? setup.config.replyDomain : null,
  });
  const conversationMail = new ConversationMail({
    store: storage,
    outbox,
    links,
    visitors: new SocketVisitorPresence(deps.visitorNamespace),
    clock: setup.clock,
    logger,
  });
  const inbound = inboundOn
    ? new InboundMail({
        secret: setup.secret,
        replyDomain: setup.config.replyDomain,
        clock: setup.clock,
        logger,
        async deliver(reply) {
          const conversation = await storage.getConversation(reply.conversationId);
          const site = conversation && (await storage.getSite(conversation.siteId));
          if (!conversation || !site) throw new AppError('not_found', 'conversation not found');
          await deps
            .visitorConversations()
            .send(
              { visitor: conversation.visitor, site },
              { conversationId: conversation.id, clientId: reply.clientId, body: reply.body },
            );
        },
      })
    : null;
  return {
    outbox,
    conversationMail,
    inbound,
    /** The broadcaster with reply mail added: give it to the conversation use cases. */
    broadcaster: withReplyMail(deps.broadcaster, conversationMail),
    linkAccess: new LinkAccess({ store: storage, secret: setup.secret, clock: setup.clock }),
    transcripts: new TranscriptRequests({ store: storage, mail: conversationMail }),
  };
}

export type Mail = ReturnType<typeof buildMail>;

/** The `/visitor` namespace: handshake auth (site key + visitor token + allowed origin), then thin handlers. */
import {
  EVENTS,
  LIMITS,
  pickLocale,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '@frontdesk/shared';
import {
  ConversationRefSchema,
  OpenConversationSchema,
  PageViewSchema,
  RateSchema,
  SendVisitorMessageSchema,
  SessionInitSchema,
  SyncSchema,
} from '@frontdesk/shared/schemas';
import type { Namespace } from 'socket.io';
import { Throttle } from '../auth/throttle.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { ConversationService, VisitorContext } from '../services/conversations.ts';
import { toVisitorConversation, toVisitorMessage } from '../services/dto.ts';
import type { Notifier } from '../services/notifier.ts';
import type { VisitorService } from '../services/visitors.ts';
import { handle } from './handler.ts';
import { handshakeOrigin } from './origin.ts';
import { ROOMS } from './rooms.ts';

type Deps = {
  /** Whether the server is reached over https (for the origin of same-origin handshakes). */
  secure: boolean;
  visitors: VisitorService;
  conversations: ConversationService;
  notifier: Notifier;
  logger: Logger;
};

export type VisitorNamespace = Namespace<
  VisitorClientEvents,
  VisitorServerEvents,
  Record<string, never>,
  { ctx: VisitorContext }
>;

export function setUpVisitorNamespace(nsp: VisitorNamespace, deps: Deps) {
  const { visitors, conversations, logger } = deps;

  nsp.use((socket, next) => {
    const { headers } = socket.handshake;
    visitors
      .authenticate(socket.handshake.auth, handshakeOrigin(headers, deps.secure), headers['user-agent'])
      .then((ctx) => {
        socket.data.ctx = ctx;
        next();
      })
      .catch((error: unknown) => {
        const code = error instanceof AppError ? error.code : 'internal';
        if (code === 'internal') logger.error({ err: error }, 'visitor handshake failed');
        next(Object.assign(new Error(code), { data: { code } }));
      });
  });

  // Per visitor (all their sockets on this node), a rolling budget of messages per minute.
  const sends = new Throttle(LIMITS.visitorMessagesPerMinute, 60_000);

  nsp.on('connection', (socket) => {
    const ctx = socket.data.ctx;
    void socket.join(ROOMS.visitor(ctx.visitor.id));
    const view = async (c: Parameters<typeof toVisitorConversation>[0]) =>
      toVisitorConversation(c, await conversations.queuePosition(c));

    socket.on(
      EVENTS.sessionInit,
      handle(logger, EVENTS.sessionInit, SessionInitSchema, async (input) => {
        const locale = pickLocale([input.locale, ctx.site.settings.defaultLocale]);
        await visitors.setLocale(ctx, locale);
        const latest = await conversations.latestForVisitor(ctx);
        return {
          site: visitors.widgetSite(ctx.site, locale, await deps.notifier.agentsOnline(ctx.site.id)),
          conversation: latest.conversation ? await view(latest.conversation) : null,
          messages: latest.messages,
        };
      }),
    );
    socket.on(
      EVENTS.conversationOpen,
      handle(logger, EVENTS.conversationOpen, OpenConversationSchema, async (input) => {
        const opened = await conversations.open(ctx, input);
        return { conversation: await view(opened.conversation), messages: opened.messages };
      }),
    );
    socket.on(
      EVENTS.messageSend,
      handle(logger, EVENTS.messageSend, SendVisitorMessageSchema, async (input) => {
        if (sends.blocked(ctx.visitor.id)) throw new AppError('rate_limited', 'too many messages, slow down');
        sends.fail(ctx.visitor.id);
        const sent = await conversations.sendVisitorMessage(ctx, input);
        return { message: toVisitorMessage(sent.message), duplicate: sent.duplicate };
      }),
    );
    socket.on(
      EVENTS.messagesSync,
      handle(logger, EVENTS.messagesSync, SyncSchema, async (input) => {
        const synced = await conversations.syncForVisitor(ctx, input);
        return {
          conversation: await view(synced.conversation),
          messages: synced.messages,
          hasMore: synced.hasMore,
        };
      }),
    );
    socket.on(
      EVENTS.conversationHandoff,
      handle(logger, EVENTS.conversationHandoff, ConversationRefSchema, async (input) =>
        view(await conversations.handoffByVisitor(ctx, input)),
      ),
    );
    socket.on(
      EVENTS.botNotHelpful,
      handle(logger, EVENTS.botNotHelpful, ConversationRefSchema, async (input) =>
        view(await conversations.notHelpful(ctx, input)),
      ),
    );
    socket.on(
      EVENTS.conversationRate,
      handle(logger, EVENTS.conversationRate, RateSchema, async (input) =>
        view(await conversations.rate(ctx, input)),
      ),
    );
    socket.on(
      EVENTS.pageView,
      handle(logger, EVENTS.pageView, PageViewSchema, async (input) => {
        await conversations.pageView(ctx, input);
        return null;
      }),
    );
  });
}

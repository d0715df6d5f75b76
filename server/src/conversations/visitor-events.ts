/** The `/visitor` namespace: handshake auth (site key + visitor token + allowed origin), then thin handlers. */
import { EVENTS, pickLocale, type VisitorClientEvents, type VisitorServerEvents } from '@frontdesk/shared';
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
import { AppError } from '../errors.ts';
import { type Budgets, rateLimited, type TrustProxy } from '../limits/index.ts';
import type { Logger } from '../logger.ts';
import type { ConversationService, VisitorContext } from '../services/conversations.ts';
import { toVisitorConversation, toVisitorMessage } from '../services/dto.ts';
import type { Notifier } from '../services/notifier.ts';
import type { PageViewRecorder } from '../services/page-views.ts';
import type { VisitorService } from '../services/visitors.ts';
import { socketHandlers } from './handler.ts';
import { handshakeError, socketAddress } from './handshake.ts';
import { handshakeOrigin } from './origin.ts';
import { ROOMS } from './rooms.ts';

type Deps = {
  /** Whether the server is reached over https (for the origin of same-origin handshakes). */
  secure: boolean;
  visitors: VisitorService;
  conversations: ConversationService;
  pageViews: PageViewRecorder;
  notifier: Notifier;
  budgets: Budgets;
  trustProxy: TrustProxy;
  logger: Logger;
};

export type VisitorNamespace = Namespace<
  VisitorClientEvents,
  VisitorServerEvents,
  Record<string, never>,
  { ctx: VisitorContext; address: string }
>;

export function setUpVisitorNamespace(nsp: VisitorNamespace, deps: Deps) {
  const { visitors, conversations, budgets, logger } = deps;

  nsp.use((socket, next) => {
    const { headers } = socket.handshake;
    const address = socketAddress(socket.handshake, deps.trustProxy);
    // Counted before any database work: forged tokens cost a lookup each.
    const verdict = budgets.handshake('visitor', address);
    if (!verdict.ok) return next(handshakeError(rateLimited(verdict, 'connections')));
    visitors
      .authenticate(socket.handshake.auth, handshakeOrigin(headers, deps.secure), headers['user-agent'])
      .then((ctx) => {
        socket.data.ctx = ctx;
        socket.data.address = address;
        next();
      })
      .catch((error: unknown) => {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'visitor handshake failed');
        next(handshakeError(error));
      });
  });

  nsp.on('connection', (socket) => {
    const { ctx, address } = socket.data;
    void socket.join(ROOMS.visitor(ctx.visitor.id));
    const handle = socketHandlers(socket, {
      logger,
      budgets,
      table: budgets.limits.visitor,
      sender: { socket: budgets.forSocket(), identity: `v:${ctx.visitor.id}`, address, site: ctx.site.id },
    });
    const view = async (c: Parameters<typeof toVisitorConversation>[0]) =>
      toVisitorConversation(c, await conversations.queuePosition(c));

    handle(EVENTS.sessionInit, SessionInitSchema, async (input) => {
      const locale = pickLocale([input.locale, ctx.site.settings.defaultLocale]);
      await visitors.setLocale(ctx, locale);
      const latest = await conversations.latestForVisitor(ctx);
      return {
        site: visitors.widgetSite(ctx.site, locale, await deps.notifier.agentsOnline(ctx.site.id)),
        conversation: latest.conversation ? await view(latest.conversation) : null,
        messages: latest.messages,
      };
    });
    handle(EVENTS.conversationOpen, OpenConversationSchema, async (input) => {
      const opened = await conversations.open(ctx, input);
      return { conversation: await view(opened.conversation), messages: opened.messages };
    });
    handle(EVENTS.messageSend, SendVisitorMessageSchema, async (input) => {
      const sent = await conversations.sendVisitorMessage(ctx, input);
      return { message: toVisitorMessage(sent.message), duplicate: sent.duplicate };
    });
    handle(EVENTS.messagesSync, SyncSchema, async (input) => {
      const synced = await conversations.syncForVisitor(ctx, input);
      return {
        conversation: await view(synced.conversation),
        messages: synced.messages,
        hasMore: synced.hasMore,
      };
    });
    handle(EVENTS.conversationHandoff, ConversationRefSchema, async (input) =>
      view(await conversations.handoffByVisitor(ctx, input)),
    );
    handle(EVENTS.botNotHelpful, ConversationRefSchema, async (input) =>
      view(await conversations.notHelpful(ctx, input)),
    );
    handle(EVENTS.conversationRate, RateSchema, async (input) => view(await conversations.rate(ctx, input)));
    handle(EVENTS.pageView, PageViewSchema, async (input) => {
      deps.pageViews.record(ctx.visitor.id, input);
      return null;
    });
  });
}

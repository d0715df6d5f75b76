/** The `/visitor` namespace's events, once the handshake has identified the visitor: validate → use case → ack. */
import { EVENTS, pickLocale, type VisitorClientEvents } from '@frontdesk/shared';
import {
  ConversationRefSchema,
  LocaleSetSchema,
  type MailTranscriptInput,
  MailTranscriptSchema,
  OfflineMessageSchema,
  OpenConversationSchema,
  PageViewSchema,
  RateSchema,
  ReadMarkSchema,
  SendVisitorMessageSchema,
  SessionInitSchema,
  SyncSchema,
  TypingSetSchema,
} from '@frontdesk/shared/schemas';
import { type ContactEventsDeps, contactVisitorEvents } from '../contacts/index.ts';
import type { VisitorContext } from '../identity/context.ts';
import type { Presence } from '../identity/presence.ts';
import type { VisitorSocket } from '../identity/sockets.ts';
import type { VisitorSessions } from '../identity/visitor-sessions.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Budgets } from '../limits/index.ts';
import type { ReadReceipts, TypingRelay } from '../live/index.ts';
import { widgetSite } from '../sites/widget-site.ts';
import { socketHandlers } from '../transport/realtime/handler.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';
import type { OfflineMessages } from './offline-messages.ts';
import type { PageViewRecorder } from './page-views.ts';
import type { QueuePositions } from './queue.ts';
import type { ConversationRecord } from './store.ts';
import { toVisitorConversation } from './views.ts';
import type { VisitorConversations } from './visitor-conversations.ts';

export type VisitorEventsDeps = {
  conversations: VisitorConversations;
  visitors: VisitorSessions;
  presence: Presence;
  pageViews: PageViewRecorder;
  queue: QueuePositions;
  /** Issue 10: the leave-a-message form. */
  offlineMessages: OfflineMessages;
  budgets: Budgets;
  logger: Logger;
  /** The session's start instant for the business hours (issue 10). */
  clock: () => Date;
  /** E-mail as a channel (issue 10, mail): "e-mail me the transcript". */
  transcripts: { request(ctx: VisitorContext, input: MailTranscriptInput): Promise<unknown> };
  /** Issue 13: typing indicators and read receipts. */
  typing: TypingRelay;
  reads: ReadReceipts;
  /** Issue 12: identify, logout, delete my history; the session's time zone and browser. */
  contacts: ContactEventsDeps;
};

export function visitorEvents(socket: VisitorSocket, deps: VisitorEventsDeps): void {
  const { conversations, budgets } = deps;
  const { ctx, address } = socket.data;
  void socket.join(ROOMS.visitor(ctx.visitor.id));
  // Issue 10 (presence): availability updates of the site; the abandonment clock restarts on arrival and departure.
  void socket.join(ROOMS.siteVisitors(ctx.site.id));
  const seen = () =>
    conversations
      .seen(ctx)
      .catch((error: unknown) => deps.logger.error({ err: error }, 'visitor activity failed'));
  void seen();
  socket.on('disconnect', () => void seen());
  const handle = socketHandlers<VisitorClientEvents, typeof budgets.limits.visitor>(socket, {
    logger: deps.logger,
    budgets,
    table: budgets.limits.visitor,
    sender: { socket: budgets.forSocket(), identity: `v:${ctx.visitor.id}`, address, site: ctx.site.id },
  });
  const view = async (c: ConversationRecord) => toVisitorConversation(c, await deps.queue.of(c));

  handle(EVENTS.sessionInit, SessionInitSchema, async (input) => {
    const locale = pickLocale([input.locale, ctx.site.settings.defaultLocale]);
    await deps.visitors.setLocale(ctx, locale);
    // Issue 12: the contact's location (time zone) and browser; never fails the session.
    await deps.contacts.contacts
      .sessionStarted(ctx, input.timeZone)
      .catch((error: unknown) => deps.logger.error({ err: error }, 'contact session details not stored'));
    const latest = await conversations.latest(ctx);
    return {
      site: widgetSite(ctx.site, locale, await deps.presence.agentsOnline(ctx.site.id), deps.clock()),
      conversation: latest.conversation ? await view(latest.conversation) : null,
      messages: latest.messages,
      ...(latest.conversation && { reads: await deps.reads.summary(latest.conversation.id) }),
    };
  });
  handle(EVENTS.conversationOpen, OpenConversationSchema, async (input) => {
    const opened = await conversations.open(ctx, input);
    return { conversation: await view(opened.conversation), messages: opened.messages };
  });
  handle(EVENTS.messageSend, SendVisitorMessageSchema, async (input) => {
    const mark = deps.reads.writerMark('visitor', null);
    const { read, ...sent } = await conversations.send(ctx, input, mark);
    await deps.reads.visitorWrote(ctx, sent.message, read && { mark, stored: read });
    return sent;
  });
  handle(EVENTS.messagesSync, SyncSchema, async (input) => {
    const synced = await conversations.sync(ctx, input);
    return {
      conversation: await view(synced.conversation),
      messages: synced.messages,
      hasMore: synced.hasMore,
      reads: await deps.reads.summary(synced.conversation.id),
    };
  });
  handle(EVENTS.conversationHandoff, ConversationRefSchema, async (input) =>
    view(await conversations.handoff(ctx, input)),
  );
  handle(EVENTS.botNotHelpful, ConversationRefSchema, async (input) =>
    view(await conversations.notHelpful(ctx, input)),
  );
  handle(EVENTS.conversationRate, RateSchema, async (input) => view(await conversations.rate(ctx, input)));
  handle(EVENTS.localeSet, LocaleSetSchema, async (input) => {
    await deps.visitors.setLocale(ctx, input.locale);
    await conversations.setLocale(ctx, input.locale);
    return null;
  });
  handle(EVENTS.pageView, PageViewSchema, async (input) => {
    deps.pageViews.record(ctx.visitor.id, input);
    return null;
  });
  // Issue 10.
  handle(EVENTS.offlineMessage, OfflineMessageSchema, async (input) => {
    const left = await deps.offlineMessages.leave(ctx, input);
    return { conversation: await view(left.conversation), message: left.message, duplicate: left.duplicate };
  });
  handle(EVENTS.mailTranscript, MailTranscriptSchema, async (input) => {
    await deps.transcripts.request(ctx, input);
    return null;
  });
  // Issue 13.
  handle(EVENTS.typingSet, TypingSetSchema, (input) => deps.typing.byVisitor(ctx, input));
  handle(EVENTS.readMark, ReadMarkSchema, (input) => deps.reads.byVisitor(ctx, input));
  // Issue 12 (contacts).
  contactVisitorEvents(socket, handle, deps.contacts);
}

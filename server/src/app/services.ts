/**
 * The use cases, constructed in dependency order and never changed afterwards: every dependency is a
 * constructor argument, nothing is set later. The realtime adapters (broadcaster, presence, session
 * sockets) come first because the use cases report to them.
 */
import { AgentAdmin } from '../admin/agents.ts';
import { SiteAdmin } from '../admin/sites.ts';
import { PublicApi } from '../api/public-api.ts';
import { ApiTokens } from '../api/tokens.ts';
import { AttachmentSettingsEditor, Attachments, type FileStore } from '../attachments/index.ts';
import type { BotRegistry } from '../bot/registry.ts';
import { AttentionPreferences, CannedResponses } from '../canned/index.ts';
import { buildContacts } from '../contacts/index.ts';
import { AbandonSweeper } from '../conversations/abandon-sweeper.ts';
import { ConversationAccess } from '../conversations/access.ts';
import { AgentConversations } from '../conversations/agent-conversations.ts';
import { BotMissRecorder } from '../conversations/bot-misses.ts';
import { BotTurn } from '../conversations/bot-turn.ts';
import { OfflineMessages, type OfflineMessagesDeps } from '../conversations/offline-messages.ts';
import { PageViewRecorder } from '../conversations/page-views.ts';
import { QueuePositions } from '../conversations/queue.ts';
import { SocketBroadcaster } from '../conversations/socket-broadcaster.ts';
import type { SweepLease } from '../conversations/sweep-lease.ts';
import { Timeline } from '../conversations/timeline.ts';
import { Transitions } from '../conversations/transitions.ts';
import { VisitorConversations } from '../conversations/visitor-conversations.ts';
import { AgentAnswers } from '../faq/agent-answers.ts';
import { BotSettingsEditor } from '../faq/bot-settings.ts';
import { FaqEntries } from '../faq/entries.ts';
import { Unanswered } from '../faq/unanswered.ts';
import { AgentAccounts } from '../identity/agent-accounts.ts';
import { AgentSessions } from '../identity/agent-sessions.ts';
import { AgentStatus } from '../identity/agent-status.ts';
import type { LoginThrottle } from '../identity/login-guard.ts';
import { MemoryPresence, type PresenceBook } from '../identity/presence.ts';
import { SessionSockets } from '../identity/session-sockets.ts';
import type { AgentNamespace, VisitorNamespace } from '../identity/sockets.ts';
import { type SessionBudgets, VisitorSessions } from '../identity/visitor-sessions.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Budgets } from '../limits/index.ts';
import { ReadReceipts, SocketLive, TypingRelay } from '../live/index.ts';
import { buildMail, type MailSetup } from '../mail/index.ts';
import { createReports } from '../reports/index.ts';
import { buildRouting } from '../routing/index.ts';
import { AgentSearch } from '../search/agent-search.ts';
import { ImageUploads } from '../sites/images.ts';
import { OfflineSettingsEditor } from '../sites/offline-settings.ts';
import type { Storage } from '../storage/index.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';
import type { Resolve } from '../webhooks/address-guard.ts';
import { WebhookDeliverer, WebhookEvents, Webhooks, withWebhookEvents } from '../webhooks/index.ts';

export type ServiceDeps = {
  storage: Storage;
  bot: BotRegistry;
  budgets: Budgets;
  logger: Logger;
  selfOrigins: readonly string[];
  namespaces: { visitor: VisitorNamespace; agent: AgentNamespace };
  pageViews: { intervalMs: number; maxKeys: number };
  /** Issue 10 (presence): the clock, the offline grace and the abandon sweep interval (tests shorten them). */
  presence?: PresenceOptions;
  /** Issue 10: told of every new offline message (the integrator connects agents' e-mail here). */
  onOfflineMessage?: OfflineMessagesDeps['onOfflineMessage'];
  /** E-mail as a channel (issue 10, mail). */
  mail: MailSetup;
  /** Issue 11 (redis): presence shared by the nodes (`RedisPresence`); default: this node's memory. */
  presenceBook?: PresenceBook;
  /** Issue 11 (redis): sign-in throttling shared by the nodes; default: this node's memory. */
  loginGuard?: LoginThrottle;
  /** Issue 11 (redis): new-visitor-session budgets shared by the nodes; default: this node's `budgets`. */
  sessionBudgets?: SessionBudgets;
  /** Issue 11: which node runs the abandon sweep; default: this one (a single node). */
  sweepLease?: SweepLease;
  /** Issue 13: where attachment files are kept (a local directory or an S3 bucket). */
  files: FileStore;
  /** Issue 15: the webhook clock (ms) and DNS resolver (tests); default: now and the system's. */
  webhooks?: { clock?: () => number; resolve?: Resolve };
};

export type PresenceOptions = {
  clock?: () => Date;
  graceMs?: number;
  sweepMs?: number;
  /** Issue 14 (routing): how long a minute of `offlineReturnMinutes` is (tests shorten it). */
  routingMinuteMs?: number;
};

export type Services = ReturnType<typeof buildServices>;

export function buildServices(deps: ServiceDeps) {
  const { storage, bot, budgets, logger, namespaces } = deps;

  const sessionSockets = new SessionSockets(namespaces.agent);
  const sessions = new AgentSessions(storage, sessionSockets, logger, deps.loginGuard);
  const accounts = new AgentAccounts(storage, sessions);
  const visitors = new VisitorSessions(storage, deps.selfOrigins, deps.sessionBudgets ?? budgets);
  const clock = deps.presence?.clock ?? (() => new Date());
  const presence = deps.presenceBook ?? new MemoryPresence({ graceMs: deps.presence?.graceMs });
  const images = new ImageUploads(storage);

  const queue = new QueuePositions(storage, presence, clock);
  const socketBroadcaster = new SocketBroadcaster(
    namespaces.visitor,
    namespaces.agent,
    queue,
    logger,
    (siteId) => storage.listConversations({ siteIds: [siteId], state: 'queued', limit: 200 }),
  );
  // E-mail as a channel (issue 10, mail): the use cases get the broadcaster that also mails replies.
  const mail = buildMail({
    setup: deps.mail,
    storage,
    broadcaster: socketBroadcaster,
    visitorNamespace: namespaces.visitor,
    logger,
    visitorConversations: () => services.visitorConversations,
  });
  // Issue 15: webhooks hear of every stored message, rating and contact change.
  const webhookClock = deps.webhooks?.clock ?? Date.now;
  const deliverer = new WebhookDeliverer({
    store: storage,
    clock: webhookClock,
    logger,
    ...(deps.webhooks?.resolve && { resolve: deps.webhooks.resolve }),
  });
  const webhookEvents = new WebhookEvents(deliverer, logger);
  // Issue 14 (routing): every queue change may start an automatic-assignment pass.
  const routing = buildRouting({
    storage,
    presence,
    broadcaster: withWebhookEvents(mail.broadcaster, webhookEvents),
    agentNamespace: namespaces.agent,
    logger,
    clock,
    minuteMs: deps.presence?.routingMinuteMs,
  });
  const broadcaster = routing.broadcaster;
  const access = new ConversationAccess(storage);
  // Issue 13: typing and read receipts go over the same rooms (and the Redis adapter) as messages.
  const live = new SocketLive(namespaces.visitor, namespaces.agent);
  // Issue 12 (contacts).
  const contacts = buildContacts({
    storage,
    namespaces,
    secret: deps.mail.secret,
    logger,
    clock,
    files: deps.files,
    onChanged: (siteId, contactId) => webhookEvents.contactUpdated(siteId, contactId),
  });
  const timeline = new Timeline(storage);
  const transitions = new Transitions(storage, broadcaster, clock);
  const routed = routing.withTransitions(transitions, access);
  const abandonSweeper = new AbandonSweeper({
    store: storage,
    transitions,
    visitorConnected: async (visitorId) =>
      (await namespaces.visitor.in(ROOMS.visitor(visitorId)).fetchSockets()).length > 0,
    clock,
    logger,
    intervalMs: deps.presence?.sweepMs,
    lease: deps.sweepLease,
  });
  const misses = new BotMissRecorder(storage, logger);
  const botTurn = new BotTurn({
    store: storage,
    bots: bot,
    presence,
    misses,
    transitions,
    broadcaster,
    logger,
    clock,
  });

  const visitorConversations = new VisitorConversations({
    store: storage,
    access,
    timeline,
    transitions,
    botTurn,
    broadcaster,
    clock,
    onRated: (conversation) => webhookEvents.rated(conversation),
  });
  const agentAnswers = new AgentAnswers(storage, bot, logger);
  const agentConversations = new AgentConversations({
    store: storage,
    access,
    timeline,
    transitions,
    broadcaster,
    clock,
    onReplied: (conversation, message) => agentAnswers.agentReplied(conversation, message),
  });

  const faqEntries = new FaqEntries(bot);
  const canned = new CannedResponses(storage);
  const reports = createReports(storage);

  const services = {
    clock,
    sessionSockets,
    sessions,
    accounts,
    images,
    siteAdmin: new SiteAdmin(storage, images, bot, {
      // A new site's creator works there from now on: their sockets join it and they count as available.
      sitesJoined(agentId, siteIds) {
        sessionSockets.sitesJoined(agentId, siteIds);
        void presence.sitesJoined(agentId, siteIds);
      },
    }),
    agentAdmin: new AgentAdmin(accounts, storage, images),
    visitors,
    presence,
    // Issue 14 (away persisted): a chosen Away is kept on the agent.
    agentStatus: new AgentStatus({ store: storage, presence, logger }),
    queue,
    broadcaster,
    abandonSweeper,
    visitorConversations,
    agentConversations,
    // Issue 13: files both ways; their messages take the ordinary send paths.
    attachments: new Attachments({
      store: storage,
      files: deps.files,
      access,
      send: {
        visitor: (ctx, message) => visitorConversations.sendAttachment(ctx, message),
        agent: (ctx, message) => agentConversations.sendAttachment(ctx, message),
      },
      settingsOf: async (siteId) => (await storage.getSite(siteId))?.settings ?? null,
      logger,
    }),
    attachmentSettings: new AttachmentSettingsEditor(storage),
    // Issue 14 (agent tools).
    canned,
    attention: new AttentionPreferences(storage),
    // Issue 12: each stored page view also goes on the contact's page trail.
    pageViews: new PageViewRecorder(storage, broadcaster, logger, deps.pageViews, (visitorId, page) =>
      contacts.visitor.pageSeen(visitorId, page),
    ),
    contacts,
    faqEntries,
    unanswered: new Unanswered(storage, bot),
    agentAnswers,
    botSettings: new BotSettingsEditor(storage, bot),
    // Issue 10.
    offlineSettings: new OfflineSettingsEditor(storage),
    offlineMessages: new OfflineMessages({
      store: storage,
      broadcaster,
      // E-mail as a channel (issue 10, mail): agents hear of it by e-mail when nobody is online.
      onOfflineMessage: async (left) => {
        await deps.onOfflineMessage?.(left);
        const { id, siteId } = left.conversation;
        await mail.conversationMail.notifyAgentsOfOfflineMessage(id, await presence.agentsOnline(siteId));
      },
      onHookError: (error) => logger.error({ err: error }, 'offline message hook failed'),
      // Issue 12: the form fills the contact, on its timeline.
      contactFromForm: (ctx, fields) => contacts.visitor.fromForm(ctx, fields),
    }),
    mail,
    // Issue 13.
    typing: new TypingRelay(access, live),
    reads: new ReadReceipts({ store: storage, access, live, clock }),
    // Issue 14 (routing).
    autoAssigner: routing.assigner,
    routingAdmin: routing.admin,
    transfers: routed.transfers,
    offlineRelease: routed.offlineRelease,
    // Issue 14 (find things).
    search: new AgentSearch(storage),
    // Issue 15.
    reports,
    // Issue 15: the public API acts through the same use cases as the console.
    apiTokens: new ApiTokens({ store: storage, clock }),
    webhookDeliverer: deliverer,
    webhooks: new Webhooks({
      store: storage,
      clock: webhookClock,
      ...(deps.webhooks?.resolve && { resolve: deps.webhooks.resolve }),
    }),
    publicApi: new PublicApi({
      store: storage,
      transitions,
      broadcaster,
      contacts: contacts.agent,
      faqs: faqEntries,
      canned,
      reports,
    }),
  };
  return services;
}

/**
 * The visitor's side of the protocol, composed from its parts: the session (init on every connect),
 * the timeline (sync after the last `seq`, live events with gap detection), the outbox (sent in order,
 * retried with the same `clientId`) and the one-shot actions. State lives in the store.
 */
import { afterResolution, EVENTS, LIMITS, type Locale, type Message, type PageInfo } from '@frontdesk/shared';
import { createRetry, createSerialRunner, newClientId } from '@frontdesk/shared/client';
import type { ChatTransport, TransportEvent } from '../../transport/index.ts';
import type { QuickReplyChoice, Store } from '../store/index.ts';
import { type Actions, createActions } from './actions.ts';
import { createContext } from './context.ts';
import { createOpener } from './conversation.ts';
import { createIdentity, type IdentityActions } from './identity.ts';
import { createLive, type LiveActions } from './live.ts';
import { createOfflineActions, type OfflineActions } from './offline.ts';
import { createOutboxSender } from './outbox.ts';
import { createTimelineSync } from './timeline.ts';
import { createUploads, type Uploads } from './uploads.ts';

export type ChatDeps = {
  transport: ChatTransport;
  store: Store;
  locale: Locale;
  /** The page the visitor is on, already within the protocol's limits. */
  page: () => PageInfo;
  /** A bot or agent message arrived live (the host page may listen). */
  onLiveMessage?: (message: Message) => void;
  /** Delay before retrying after a retryable failure; attempt counts from 0. Default: the core's backoff. */
  retryDelayMs?: (attempt: number) => number;
};

export type Chat = Actions &
  OfflineActions &
  Pick<LiveActions, 'typing' | 'markRead'> &
  IdentityActions & {
    start(): void;
    stop(): void;
    send(body: string, quickReply?: QuickReplyChoice): void;
    retry(clientId: string): void;
    /** Fetch what was missed (tab focus, visibility change). */
    resync(): void;
    pageView(): void;
    /** Issue 13: files on their way. */
    uploads: Uploads;
    /** Issue 13: the host page switched language; the server's side (bot answers) follows. */
    setLocale(locale: Locale): void;
  };

/** Issue 12: the browser's time zone, the contact's location (no IP geolocation); none if unknown. */
function browserTimeZone(): { timeZone?: string } {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone ? { timeZone: zone } : {};
  } catch (error) {
    console.warn('[frontdesk] no time zone', error);
    return {};
  }
}

export function createChat(deps: ChatDeps): Chat {
  const { transport, store } = deps;
  const ctx = createContext(transport, store, deps.locale, deps.page);
  const { state, ready } = ctx;
  const online = () => state().connection.status === 'online';
  const retry = createRetry(deps.retryDelayMs);
  let unsubscribe: (() => void) | null = null;

  const opener = createOpener(ctx);
  // A conversation this tab does not know (opened in another tab): adopt the server's view.
  const timeline = createTimelineSync(ctx, () => {
    if (ready()) void session.run();
  });
  const outbox = createOutboxSender(ctx, {
    opener,
    accept(message) {
      retry.reset();
      timeline.accept(message);
    },
    retryLater,
  });

  // Issue 13: typing and read receipts.
  const live = createLive(ctx);

  // Issue 10: the leave-a-message form.
  const offline = createOfflineActions(ctx, opener, (message) => timeline.accept(message));
  // Issue 12: identify, logout, delete my chat history.
  const identity = createIdentity(ctx);

  function retryLater(): void {
    retry.schedule(() => {
      if (online()) void (ready() ? outbox.flush() : session.run());
    });
  }

  let localeChanged = false;
  function sendLocale(): void {
    void transport.request(EVENTS.localeSet, { locale: ctx.locale }).then((reply) => {
      if (reply.ok) localeChanged = false;
      else if (reply.error) console.warn('[frontdesk] locale:set failed', reply.error);
    });
  }

  function sendPageView(): void {
    void transport.request(EVENTS.pageView, deps.page()).then((reply) => {
      if (!reply.ok && reply.error) console.warn('[frontdesk] page:view failed', reply.error);
    });
  }

  /** Every connect: who am I, what is my conversation, what did I miss, what did I not send. */
  const session = createSerialRunner(async () => {
    const reply = await transport.request(EVENTS.sessionInit, { locale: ctx.locale, ...browserTimeZone() });
    if (!reply.ok) {
      if (reply.error) console.warn('[frontdesk] session:init failed', reply.error);
      return retryLater();
    }
    store.dispatch({ type: 'session/ready', ...reply.data });
    // The language changed while offline: the conversation follows now (session:init sets the visitor's only).
    if (localeChanged) sendLocale();
    // Merged into the customer's contact: the socket rejoins and this runs again for that contact.
    if (!(await identity.afterInit())) return;
    await timeline.sync();
    sendPageView();
    await outbox.flush();
  }, online);

  function onTransport(event: TransportEvent): void {
    switch (event.type) {
      case 'status':
        store.dispatch({ type: 'connection/status', status: event.status });
        if (event.status === 'online') {
          retry.reset();
          void session.run();
        }
        return;
      case 'message':
        if (timeline.accept(event.message) && event.message.author !== 'visitor') {
          deps.onLiveMessage?.(event.message);
        }
        return;
      case 'conversation':
        if (state().conversation.current?.id === event.conversation.id) {
          store.dispatch({ type: 'conversation/updated', conversation: event.conversation });
        } else if (ready()) {
          void session.run();
        }
        return;
      case 'availability':
        store.dispatch({ type: 'site/availability', agentsOnline: event.agentsOnline });
        return;
      case 'typing':
        live.typingChanged(event.notice);
        return;
      case 'read':
        live.readChanged(event.position);
        return;
    }
  }

  // Issue 13: a file goes where a message would (a rated conversation: a new one).
  const uploads = createUploads({
    files: transport.files,
    locale: deps.locale,
    limits: () => state().conversation.site?.attachments ?? null,
    async conversation() {
      const current = state().conversation.current;
      const closed =
        current?.state === 'resolved' &&
        afterResolution(state().ui.rated || current.rating !== null) === 'start_new';
      const opened = closed ? await opener.open(true) : await opener.ensure();
      return opened.ok ? opened.data.id : null;
    },
    accept: (message) => timeline.accept(message),
  });

  return {
    ...offline,
    uploads,
    ...createActions(ctx, opener, offline.checkOffline),
    identify: identity.identify,
    logout: identity.logout,
    deleteHistory: identity.deleteHistory,
    setLocale(locale) {
      if (locale === ctx.locale) return;
      ctx.locale = locale;
      localeChanged = true;
      if (ready()) sendLocale();
    },
    start() {
      if (unsubscribe) return;
      unsubscribe = transport.subscribe(onTransport);
      transport.start();
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      retry.cancel();
      live.stop();
      transport.stop();
    },
    send(body, quickReply) {
      const text = body.trim();
      // Refused for good (origin, archived site): a message could never be sent, so none is queued.
      if (text === '' || !['online', 'offline', 'connecting'].includes(state().connection.status)) return;
      if (text.length > LIMITS.messageMaxLength) {
        store.dispatch({ type: 'ui/notice', notice: 'errorTooLong' });
        return;
      }
      ctx.notice(null);
      const item = { clientId: newClientId(), body: text, status: 'pending', error: null } as const;
      store.dispatch({ type: 'outbox/queued', item: quickReply ? { ...item, quickReply } : item });
      live.typed();
      void outbox.flush();
    },
    typing: live.typing,
    markRead: live.markRead,
    retry(clientId) {
      ctx.notice(null);
      store.dispatch({ type: 'outbox/status', clientId, status: 'pending' });
      void outbox.flush();
    },
    resync() {
      if (ready()) void timeline.sync().then(outbox.flush);
    },
    pageView() {
      if (ready()) sendPageView();
    },
  };
}

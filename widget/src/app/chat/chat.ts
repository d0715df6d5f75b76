/**
 * The visitor's side of the protocol: session init and resync on every connect, the outbox (sent in
 * order, retried with the same `clientId`), live events with gap detection, and the one-shot
 * actions (handoff, "not helpful", rating, a fresh conversation). State lives in the store.
 */
import {
  EVENTS,
  LIMITS,
  type Locale,
  type Message,
  type PageInfo,
  type SendResult,
  type VisitorConversation,
} from '@frontdesk/shared';
import type { ChatTransport, Reply, TransportEvent } from '../../transport/index.ts';
import { hasGap, newClientId, type QuickReplyChoice, type Store } from '../store/index.ts';
import { isRetryable, noticeFor } from './errors.ts';

export type ChatDeps = {
  transport: ChatTransport;
  store: Store;
  locale: Locale;
  /** The page the visitor is on, already within the protocol's limits. */
  page: () => PageInfo;
  /** A bot or agent message arrived live (the host page may listen). */
  onLiveMessage?: (message: Message) => void;
  /** Delay before retrying after a retryable failure; attempt counts from 0. */
  retryDelayMs?: (attempt: number) => number;
};

export type Chat = {
  start(): void;
  stop(): void;
  send(body: string, quickReply?: QuickReplyChoice): void;
  retry(clientId: string): void;
  handoff(): Promise<void>;
  notHelpful(messageId: string): Promise<void>;
  rate(rating: number, comment: string): Promise<boolean>;
  startNew(): Promise<void>;
  /** Fetch what was missed (tab focus, visibility change). */
  resync(): void;
  pageView(): void;
};

type Failure = Extract<Reply<unknown>, { ok: false }>;

const defaultDelay = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt);

export function createChat(deps: ChatDeps): Chat {
  const { transport, store, locale } = deps;
  const state = () => store.getState();
  const ready = () => state().connection.status === 'online' && state().connection.ready;

  let unsubscribe: (() => void) | null = null;
  let initializing: Promise<void> | null = null;
  let initAgain = false;
  let syncing: Promise<void> | null = null;
  let syncAgain = false;
  let flushing = false;
  let flushAgain = false;
  let opening: Promise<Reply<VisitorConversation>> | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;

  const notice = (failure: Failure) => store.dispatch({ type: 'ui/notice', notice: noticeFor(failure) });
  const clearNotice = () => store.dispatch({ type: 'ui/notice', notice: null });

  function scheduleRetry(): void {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(
      () => {
        if (state().connection.status !== 'online') return;
        if (state().connection.ready) void flush();
        else void init();
      },
      (deps.retryDelayMs ?? defaultDelay)(attempt++),
    );
  }

  /** Every connect: who am I, what is my conversation, what did I miss, what did I not send. */
  async function initOnce(): Promise<void> {
    const reply = await transport.request(EVENTS.sessionInit, { locale });
    if (!reply.ok) {
      if (reply.error) console.warn('[frontdesk] session:init failed', reply.error);
      return scheduleRetry();
    }
    store.dispatch({ type: 'session/ready', ...reply.data });
    await sync();
    sendPageView();
    await flush();
  }

  function init(): Promise<void> {
    if (initializing) {
      // A reconnect while the previous init is in flight: run it again for the new connection.
      initAgain = true;
      return initializing;
    }
    initializing = (async () => {
      do {
        initAgain = false;
        await initOnce();
      } while (initAgain && state().connection.status === 'online');
    })().finally(() => {
      initializing = null;
    });
    return initializing;
  }

  /** Pages through `messages:sync` from `lastSeq` until the server has nothing more. */
  function sync(): Promise<void> {
    if (syncing) {
      syncAgain = true;
      return syncing;
    }
    syncing = (async () => {
      do {
        syncAgain = false;
        for (;;) {
          const current = state().conversation.current;
          if (!current) return;
          const afterSeq = state().messages.lastSeq;
          const reply = await transport.request(EVENTS.messagesSync, {
            conversationId: current.id,
            afterSeq,
          });
          if (!reply.ok) {
            if (reply.error) console.warn('[frontdesk] messages:sync failed', reply.error);
            return;
          }
          const { conversation, messages, hasMore } = reply.data;
          if (conversation.id !== state().conversation.current?.id) return;
          store.dispatch({ type: 'messages/received', messages, source: 'sync' });
          store.dispatch({ type: 'conversation/updated', conversation });
          if (!hasMore || messages.length === 0) break;
        }
      } while (syncAgain);
    })().finally(() => {
      syncing = null;
    });
    return syncing;
  }

  /** Accepts a message that arrived live or in an ack; `true` when it belongs to our conversation. */
  function accept(message: Message): boolean {
    const current = state().conversation.current;
    if (!current || current.id !== message.conversationId) {
      // A conversation this tab does not know (opened in another tab): adopt the server's view.
      if (ready()) void init();
      return false;
    }
    const gap = hasGap(state().messages, message);
    store.dispatch({ type: 'messages/received', messages: [message], source: 'live' });
    if (gap) void sync();
    return true;
  }

  function ensureConversation(): Promise<Reply<VisitorConversation>> {
    const current = state().conversation.current;
    if (current) return Promise.resolve({ ok: true, data: current });
    opening ??= open(false).finally(() => {
      opening = null;
    });
    return opening;
  }

  async function open(fresh: boolean): Promise<Reply<VisitorConversation>> {
    const input = { locale, page: deps.page(), ...(fresh ? { fresh } : {}) };
    const reply = await transport.request(EVENTS.conversationOpen, input);
    if (!reply.ok) return reply;
    store.dispatch({ type: 'conversation/opened', ...reply.data });
    return { ok: true, data: reply.data.conversation };
  }

  /** Sends pending outbox items one by one, in order; stops at the first retryable failure. */
  async function flush(): Promise<void> {
    if (flushing) {
      flushAgain = true;
      return;
    }
    flushing = true;
    try {
      do {
        flushAgain = false;
        for (;;) {
          const item = state().outbox.items.find((i) => i.status === 'pending');
          if (!item || !ready()) return;
          store.dispatch({ type: 'outbox/sending', clientId: item.clientId });
          const opened = await ensureConversation();
          const reply: Reply<SendResult> = opened.ok
            ? await transport.request(EVENTS.messageSend, {
                conversationId: opened.data.id,
                clientId: item.clientId,
                body: item.body,
                ...(item.quickReply ? { quickReply: item.quickReply } : {}),
              })
            : opened;
          if (reply.ok) {
            attempt = 0;
            accept(reply.data.message);
            continue;
          }
          if (reply.error === null || isRetryable(reply)) {
            store.dispatch({ type: 'outbox/retry', clientId: item.clientId });
            if (reply.error) notice(reply);
            if (flushAgain && ready() && reply.error === null) break;
            scheduleRetry();
            return;
          }
          store.dispatch({ type: 'outbox/failed', clientId: item.clientId, code: reply.error.code });
        }
      } while (flushAgain);
    } finally {
      flushing = false;
    }
  }

  function sendPageView(): void {
    void transport.request(EVENTS.pageView, deps.page()).then((reply) => {
      if (!reply.ok && reply.error) console.warn('[frontdesk] page:view failed', reply.error);
    });
  }

  function onTransport(event: TransportEvent): void {
    switch (event.type) {
      case 'status':
        store.dispatch({ type: 'connection/status', status: event.status });
        if (event.status === 'online') {
          attempt = 0;
          void init();
        }
        return;
      case 'message':
        if (accept(event.message) && event.message.author !== 'visitor') deps.onLiveMessage?.(event.message);
        return;
      case 'conversation':
        if (state().conversation.current?.id === event.conversation.id) {
          store.dispatch({ type: 'conversation/updated', conversation: event.conversation });
        } else if (ready()) {
          void init();
        }
        return;
    }
  }

  /** Runs a one-shot request on the conversation (creating it first if needed). */
  async function onConversation<T>(
    run: (conversation: VisitorConversation) => Promise<Reply<T>>,
  ): Promise<Reply<T>> {
    clearNotice();
    if (!ready()) {
      const offline: Failure = { ok: false, error: null };
      notice(offline);
      return offline;
    }
    const opened = await ensureConversation();
    const reply = opened.ok ? await run(opened.data) : opened;
    if (!reply.ok) notice(reply);
    return reply;
  }

  return {
    start() {
      if (unsubscribe) return;
      unsubscribe = transport.subscribe(onTransport);
      transport.start();
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      clearTimeout(retryTimer);
      transport.stop();
    },
    send(body, quickReply) {
      const text = body.trim();
      if (text === '') return;
      if (text.length > LIMITS.messageMaxLength) {
        store.dispatch({ type: 'ui/notice', notice: 'errorTooLong' });
        return;
      }
      clearNotice();
      const item = { clientId: newClientId(), body: text, status: 'pending', error: null } as const;
      store.dispatch({ type: 'outbox/queued', item: quickReply ? { ...item, quickReply } : item });
      void flush();
    },
    retry(clientId) {
      clearNotice();
      store.dispatch({ type: 'outbox/retry', clientId });
      void flush();
    },
    async handoff() {
      const reply = await onConversation((c) =>
        transport.request(EVENTS.conversationHandoff, { conversationId: c.id }),
      );
      if (reply.ok) store.dispatch({ type: 'conversation/updated', conversation: reply.data });
    },
    async notHelpful(messageId) {
      store.dispatch({ type: 'ui/not-helpful', messageId });
      const reply = await onConversation((c) =>
        transport.request(EVENTS.botNotHelpful, { conversationId: c.id }),
      );
      if (reply.ok) store.dispatch({ type: 'conversation/updated', conversation: reply.data });
    },
    async rate(rating, comment) {
      const text = comment.trim().slice(0, LIMITS.ratingCommentMaxLength);
      const reply = await onConversation((c) =>
        transport.request(EVENTS.conversationRate, {
          conversationId: c.id,
          rating,
          ...(text ? { comment: text } : {}),
        }),
      );
      if (!reply.ok) return false;
      store.dispatch({ type: 'conversation/updated', conversation: reply.data });
      store.dispatch({ type: 'ui/rated' });
      return true;
    },
    async startNew() {
      clearNotice();
      if (!ready()) return notice({ ok: false, error: null });
      const reply = await open(true);
      if (!reply.ok) notice(reply);
    },
    resync() {
      if (!ready()) return;
      void sync().then(() => flush());
    },
    pageView() {
      if (ready()) sendPageView();
    },
  };
}

/**
 * Test double: an in-memory `ChatTransport` that behaves like the server's visitor namespace
 * (get-or-create, idempotent sends by `clientId`, paged sync, handoff, rating), so the app can be
 * driven without sockets. Not bundled: only tests import it.
 */
import {
  EVENTS,
  type Message,
  type SendVisitorMessageInput,
  type VisitorConversation,
  type WidgetSite,
} from '@frontdesk/shared';
import type {
  ChatTransport,
  Reply,
  RequestData,
  RequestInput,
  RequestName,
  TransportEvent,
} from '../../transport/index.ts';
import { NO_REPLY } from '../../transport/index.ts';

export type FakeServerOptions = {
  site?: Partial<WidgetSite>;
  /** The bot's answer to a visitor message, or null for none. */
  bot?: (body: string) => Partial<Message> | null;
  pageSize?: number;
};

export function createFakeServer(options: FakeServerOptions = {}) {
  const site: WidgetSite = {
    name: 'Acme Shop',
    color: '#1f5fbf',
    locale: null,
    greeting: null,
    quickReplies: [],
    agentsOnline: 1,
    ...options.site,
  };
  const pageSize = options.pageSize ?? 200;
  const listeners = new Set<(event: TransportEvent) => void>();
  const messages: Message[] = [];
  const calls: { event: RequestName; input: unknown }[] = [];
  const scripted = new Map<RequestName, Reply<never>[]>();
  let conversation: VisitorConversation | null = null;
  let online = false;
  let nextId = 1;

  const emit = (event: TransportEvent) => {
    for (const listener of listeners) listener(event);
  };

  function startConversation(): VisitorConversation {
    conversation = {
      id: `c${nextId++}`,
      state: 'bot',
      agentName: null,
      lastSeq: 0,
      rating: null,
      queue: null,
      createdAt: new Date(0).toISOString(),
    };
    return conversation;
  }

  function add(partial: Partial<Message>, broadcast = false): Message {
    const current = conversation ?? startConversation();
    const message: Message = {
      id: `m${nextId++}`,
      conversationId: current.id,
      seq: current.lastSeq + 1,
      clientId: null,
      author: 'bot',
      authorName: null,
      kind: 'text',
      body: '',
      meta: null,
      createdAt: new Date(0).toISOString(),
      ...partial,
    };
    messages.push(message);
    current.lastSeq = message.seq;
    if (broadcast) emit({ type: 'message', message });
    return message;
  }

  function setConversation(patch: Partial<VisitorConversation>, broadcast = true): VisitorConversation {
    conversation = { ...(conversation ?? startConversation()), ...patch };
    if (broadcast) emit({ type: 'conversation', conversation: { ...conversation } });
    return conversation;
  }

  const ok = <T>(data: T): Reply<T> => ({ ok: true, data });
  const notFound: Reply<never> = { ok: false, error: { code: 'not_found', message: 'not found' } };
  const ofConversation = () => messages.filter((m) => m.conversationId === conversation?.id);

  function handle(event: RequestName, input: unknown): Reply<unknown> {
    switch (event) {
      case EVENTS.sessionInit:
        return ok({ site, conversation: conversation && { ...conversation }, messages: ofConversation() });
      case EVENTS.conversationOpen: {
        const fresh = (input as { fresh?: boolean }).fresh;
        if (!conversation || (fresh && conversation.state === 'resolved')) startConversation();
        return ok({ conversation: { ...conversation! }, messages: ofConversation() });
      }
      case EVENTS.messageSend: {
        const send = input as SendVisitorMessageInput;
        if (send.conversationId !== conversation?.id) return notFound;
        const known = messages.find((m) => m.clientId === send.clientId);
        if (known) return ok({ message: known, duplicate: true });
        const message = add({ author: 'visitor', clientId: send.clientId, body: send.body });
        const answer = options.bot?.(send.body);
        queueMicrotask(() => {
          emit({ type: 'message', message });
          if (answer) add(answer, true);
        });
        return ok({ message, duplicate: false });
      }
      case EVENTS.messagesSync: {
        const { conversationId, afterSeq } = input as { conversationId: string; afterSeq: number };
        if (conversationId !== conversation?.id) return notFound;
        const after = ofConversation().filter((m) => m.seq > afterSeq);
        return ok({
          conversation: { ...conversation },
          messages: after.slice(0, pageSize),
          hasMore: after.length > pageSize,
        });
      }
      case EVENTS.conversationHandoff:
        if (conversation?.state === 'bot') {
          setConversation(
            { state: 'queued', queue: { position: 2, waitingSince: new Date(0).toISOString() } },
            false,
          );
          add({ author: 'system', kind: 'event', body: 'queued', meta: { event: { name: 'queued' } } }, true);
        }
        return ok({ ...conversation! });
      case EVENTS.botNotHelpful:
        return ok({ ...conversation! });
      case EVENTS.conversationRate:
        setConversation({ rating: (input as { rating: number }).rating }, false);
        return ok({ ...conversation! });
      case EVENTS.pageView:
        return ok(null);
    }
  }

  const transport: ChatTransport = {
    start: () => setOnline(true),
    stop: () => setOnline(false),
    request<E extends RequestName>(event: E, input: RequestInput<E>): Promise<Reply<RequestData<E>>> {
      calls.push({ event, input });
      if (!online) return Promise.resolve(NO_REPLY);
      const forced = scripted.get(event)?.shift();
      const reply = forced ?? handle(event, input);
      return new Promise((resolve) => queueMicrotask(() => resolve(reply as Reply<RequestData<E>>)));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  function setOnline(value: boolean): void {
    online = value;
    emit({ type: 'status', status: value ? 'online' : 'offline' });
  }

  return {
    transport,
    site,
    messages,
    calls,
    /** Requests of one kind, in order. */
    callsOf: <E extends RequestName>(event: E) =>
      calls.filter((c) => c.event === event).map((c) => c.input as RequestInput<E>),
    conversation: () => conversation,
    add,
    setConversation,
    setOnline,
    emit,
    /** The next `event` request gets this reply instead of the normal one. */
    script(event: RequestName, reply: Reply<never>) {
      scripted.set(event, [...(scripted.get(event) ?? []), reply]);
    },
  };
}

export type FakeServer = ReturnType<typeof createFakeServer>;

/** Lets queued microtasks and promise chains settle. */
export const settle = async (rounds = 10) => {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
};

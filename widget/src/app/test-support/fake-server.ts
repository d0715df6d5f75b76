/**
 * Test double: an in-memory `ChatTransport` that behaves like the server's visitor namespace
 * (get-or-create, idempotent sends by `clientId`, paged sync, handoff, rating), so the app can be
 * driven without sockets. State changes go through the real state machine (`transition`) with the
 * server's error codes. Not bundled: only tests import it.
 */
import {
  afterResolution,
  type ConversationEvent,
  type ErrorCode,
  EVENTS,
  type Message,
  nextReadSeq,
  type RateInput,
  type SendVisitorMessageInput,
  type SyncInput,
  transition,
  type VisitorConversation,
  type WidgetSite,
} from '@frontdesk/shared';
import { NO_REPLY, type Reply } from '@frontdesk/shared/client';
import type {
  ChatTransport,
  RequestData,
  RequestInput,
  RequestName,
  TransportEvent,
} from '../../transport/index.ts';

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
  let visitorRead = 0;

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
  const fail = (code: ErrorCode): Reply<never> => ({ ok: false, error: { code, message: code } });
  const ofConversation = () => messages.filter((m) => m.conversationId === conversation?.id);

  /** Applies a state-machine event as the server does: a change writes a system event to the timeline. */
  function apply(current: VisitorConversation, event: ConversationEvent): ErrorCode | null {
    const result = transition(current.state, event);
    if (!result.ok) return result.code;
    if (!result.changed) return null;
    const queue =
      result.to === 'queued'
        ? { position: 2, waitingSince: new Date(0).toISOString(), estimate: null }
        : null;
    setConversation({ state: result.to, queue }, false);
    const reason = event.type === 'handoff' ? { reason: event.reason } : {};
    add(
      { author: 'system', kind: 'event', body: '', meta: { event: { name: result.event, ...reason } } },
      true,
    );
    return null;
  }

  function handle(event: RequestName, input: unknown): Reply<unknown> {
    switch (event) {
      case EVENTS.sessionInit:
        return ok({ site, conversation: conversation && { ...conversation }, messages: ofConversation() });
      case EVENTS.conversationOpen: {
        const { fresh } = input as RequestInput<typeof EVENTS.conversationOpen>;
        if (!conversation || (fresh && conversation.state === 'resolved')) startConversation();
        return ok({ conversation: { ...conversation! }, messages: ofConversation() });
      }
      case EVENTS.messageSend: {
        const send = input as SendVisitorMessageInput;
        if (!conversation || send.conversationId !== conversation.id) return fail('not_found');
        const known = messages.find((m) => m.clientId === send.clientId);
        if (known) return ok({ message: known, duplicate: true });
        // A message on a resolved conversation reopens it until it is rated, as on the server.
        if (
          conversation.state === 'resolved' &&
          afterResolution(conversation.rating !== null) === 'start_new'
        )
          return fail('invalid_state');
        apply(conversation, { type: 'visitor_message' });
        const message = add({ author: 'visitor', clientId: send.clientId, body: send.body });
        const answer = conversation.state === 'bot' ? options.bot?.(send.body) : null;
        queueMicrotask(() => {
          emit({ type: 'message', message });
          if (answer) add(answer, true);
        });
        return ok({ message, duplicate: false });
      }
      case EVENTS.messagesSync: {
        const { conversationId, afterSeq } = input as SyncInput;
        if (conversationId !== conversation?.id) return fail('not_found');
        const after = ofConversation().filter((m) => m.seq > afterSeq);
        return ok({
          conversation: { ...conversation },
          messages: after.slice(0, pageSize),
          hasMore: after.length > pageSize,
        });
      }
      case EVENTS.conversationHandoff:
        // Asked while a person already helps (or after the end): nothing changes, as on the server.
        if (conversation?.state === 'bot') apply(conversation, { type: 'handoff', reason: 'visitor' });
        return ok({ ...conversation! });
      case EVENTS.botNotHelpful:
        return ok({ ...conversation! });
      case EVENTS.conversationRate: {
        if (conversation?.state !== 'resolved') return fail('invalid_state');
        setConversation({ rating: (input as RateInput).rating }, false);
        return ok({ ...conversation });
      }
      case EVENTS.pageView:
        return ok(null);
      // Issue 10: the form, as the server takes it (idempotent by clientId; queued and marked).
      case EVENTS.offlineMessage: {
        const form = input as RequestInput<typeof EVENTS.offlineMessage>;
        if (!conversation || form.conversationId !== conversation.id) return fail('not_found');
        const known = messages.find((m) => m.clientId === form.clientId);
        if (known) return ok({ conversation: { ...conversation }, message: known, duplicate: true });
        if (conversation.state !== 'bot' && conversation.state !== 'queued') return fail('invalid_state');
        const message = add({
          author: 'visitor',
          clientId: form.clientId,
          body: form.body,
          authorName: form.name,
        });
        const event = add({
          author: 'system',
          kind: 'event',
          meta: { event: { name: 'offline_message', offlineReason: form.reason } },
        });
        queueMicrotask(() => emit({ type: 'message', message: event }));
        setConversation(
          { state: 'queued', queue: null, offline: { reason: form.reason, email: form.email.toLowerCase() } },
          false,
        );
        return ok({ conversation: { ...conversation }, message, duplicate: false });
      }
      // E-mail as a channel (issue 10, mail):
      case EVENTS.mailTranscript:
        return (input as { conversationId: string }).conversationId === conversation?.id
          ? ok(null)
          : fail('not_found');
      // Issue 13: typing is relayed, never stored; read marks move forward only, capped at the last seq.
      case EVENTS.typingSet:
        return (input as { conversationId: string }).conversationId === conversation?.id
          ? ok(null)
          : fail('not_found');
      case EVENTS.readMark: {
        const mark = input as RequestInput<typeof EVENTS.readMark>;
        if (!conversation || mark.conversationId !== conversation.id) return fail('not_found');
        visitorRead = nextReadSeq(visitorRead, mark.seq, conversation.lastSeq);
        return ok({
          conversationId: conversation.id,
          reader: 'visitor',
          agentId: null,
          seq: visitorRead,
          readAt: new Date(0).toISOString(),
        });
      }
      // Issue 12 (contacts): a site without an identity secret (unverified); logout; delete my history.
      case EVENTS.contactIdentify:
        return ok({ identity: 'unverified', reconnect: false, conversationsMoved: 0 });
      case EVENTS.contactLogout:
        return ok(null);
      // Issue 13: the visitor's language (the server's conversation follows it).
      case EVENTS.localeSet:
        return ok(null);
      case EVENTS.contactDeleteHistory: {
        const deleted = conversation ? 1 : 0;
        conversation = null;
        messages.length = 0;
        return ok({ conversations: deleted });
      }
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
      return new Promise((resolve) => {
        queueMicrotask(() => resolve(reply as Reply<RequestData<E>>));
        // Issue 12: after a merge the server closes the socket right behind the ack, and the socket
        // transport reconnects with the same token. socket.io-client delivers each packet in its own
        // microtask, so the close runs before the code awaiting the ack resumes: so does this one.
        if (
          event === EVENTS.contactIdentify &&
          (reply as { data?: { reconnect?: boolean } }).data?.reconnect
        ) {
          queueMicrotask(() => {
            session.reconnects += 1;
            setOnline(false);
            setOnline(true);
          });
        }
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    forget() {
      session.forgotten += 1;
      conversation = null;
      messages.length = 0;
      setOnline(false);
      setOnline(true);
    },
  };
  /** Issue 12: how often the server closed the socket after a merge, or the app forgot its token. */
  const session = { reconnects: 0, forgotten: 0 };

  function setOnline(value: boolean): void {
    online = value;
    emit({ type: 'status', status: value ? 'online' : 'offline' });
  }

  return {
    transport,
    site,
    messages,
    calls,
    session,
    /** Requests of one kind, in order. */
    callsOf: <E extends RequestName>(event: E) =>
      calls.filter((c) => c.event === event).map((c) => c.input as RequestInput<E>),
    conversation: () => conversation,
    /** Issue 13: the visitor's read position as stored. */
    visitorRead: () => visitorRead,
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

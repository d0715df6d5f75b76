/**
 * A visitor as the widget behaves on the wire, for fault suites on real processes: one request at a
 * time, retried with the same payload (the same `clientId`) after a timeout or a retryable error
 * until acknowledged, and a resync (`messages:sync` after a `seq`) to catch up.
 *
 * Given several nodes, it stands for a visitor behind a load balancer: when the node it talks to
 * cannot be reached (a failed reconnection), it goes on with the next node, with the same token.
 */
import {
  type AckResult,
  API,
  EVENTS,
  type Message,
  NAMESPACES,
  type OpenResult,
  RETRYABLE_ERRORS,
  type SyncResult,
  type VisitorClientEvents,
  type VisitorConversation,
  type VisitorServerEvents,
} from '@frontdesk/shared';
import { io, type Socket } from 'socket.io-client';

export type VisitorSocket = Socket<VisitorServerEvents, VisitorClientEvents>;

/** Any client socket (visitor or agent) that `request` can drive. */
type AnySocket = Pick<Socket, 'connected' | 'timeout'>;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How many times one request is tried before the test gives up (a hang guard, not a speed). */
const ATTEMPTS = 600;
/** How long one attempt waits for its ack before it is sent again (the same payload). */
const ACK_WAIT_MS = 2000;

/**
 * One request, retried until it succeeds: after a timeout or a retryable error, once connected
 * again. `current` is asked anew on every attempt, so a client that moved to another node retries
 * there. A non-retryable error rejects.
 */
export async function request<T>(
  current: () => AnySocket,
  untilConnected: () => Promise<void>,
  event: string,
  payload: unknown,
): Promise<T> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const socket = current();
    if (!socket.connected) {
      await untilConnected();
      continue;
    }
    const reply = await (
      socket.timeout(ACK_WAIT_MS).emitWithAck as (e: string, p: unknown) => Promise<AckResult<T>>
    )(event, payload).catch(() => null);
    if (reply?.ok) return reply.data;
    if (reply && !RETRYABLE_ERRORS.includes(reply.error.code)) {
      throw new Error(`${event}: ${reply.error.code} ${reply.error.message}`);
    }
    await sleep(reply?.error.retryAfter ? reply.error.retryAfter * 1000 : 100);
  }
  throw new Error(`${event}: gave up after ${ATTEMPTS} attempts`);
}

/** Every message of a conversation after `afterSeq`, page by page (what a reconnecting client does). */
export async function syncAll<C>(
  send: (payload: { conversationId: string; afterSeq: number }) => Promise<SyncResult<C>>,
  conversationId: string,
  afterSeq = 0,
): Promise<Message[]> {
  const messages: Message[] = [];
  let after = afterSeq;
  for (;;) {
    const page = await send({ conversationId, afterSeq: after });
    messages.push(...page.messages);
    if (!page.hasMore || page.messages.length === 0) return messages;
    after = page.messages.at(-1)?.seq ?? after;
  }
}

export type VisitorClient = {
  token: string;
  conversationId: string;
  /** The node (base URL) it talks to now. */
  readonly node: string;
  readonly socket: VisitorSocket;
  /** How many times it went on with another node. */
  readonly moves: number;
  /** Every `message:new` it received live, on any node, in arrival order. */
  readonly live: readonly Message[];
  /** One request, retried with the same payload until acknowledged (see `request`). */
  request<T>(event: string, payload: unknown): Promise<T>;
  /** The whole conversation as stored, by resync. */
  sync(): Promise<Message[]>;
  close(): void;
};

export type VisitorOptions = {
  /** Node base URLs behind the "balancer"; the first is where the visitor starts. */
  nodes: readonly string[];
  siteKey?: string;
  /** An existing visitor's token (the same visitor in another tab, or behind another node). */
  token?: string;
};

async function newSession(node: string, siteKey: string): Promise<string> {
  const res = await fetch(node + API.visitorSessions, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: node },
    body: JSON.stringify({ siteKey }),
  });
  if (res.status !== 201) throw new Error(`session: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/** A visitor (a new session unless `token` is given) on the first node, connected, its conversation open. */
export async function newVisitor({
  nodes,
  siteKey = 'demo',
  ...options
}: VisitorOptions): Promise<VisitorClient> {
  const first = nodes[0];
  if (!first) throw new Error('newVisitor: no node');
  const token = options.token ?? (await newSession(first, siteKey));

  const live: Message[] = [];
  let waiters: Array<() => void> = [];
  let index = 0;
  let moves = 0;
  let closed = false;

  const connect = (node: string): VisitorSocket => {
    const s: VisitorSocket = io(node + NAMESPACES.visitor, {
      auth: { siteKey, token },
      // Each node accepts its own origin (PUBLIC_URL) for the demo site.
      extraHeaders: { origin: node },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    s.on('connect', () => {
      for (const wake of waiters) wake();
      waiters = [];
    });
    s.on(EVENTS.messageNew, (m: Message) => live.push(m));
    // The balancer: a node that cannot be reached is left for the next one (with one node, the
    // client keeps trying the same one, as socket.io does by itself).
    s.io.on('reconnect_error', () => {
      if (closed || nodes.length < 2 || s !== socket) return;
      s.disconnect();
      index = (index + 1) % nodes.length;
      moves += 1;
      socket = connect(nodes[index] ?? first);
    });
    return s;
  };
  let socket = connect(first);
  const untilConnected = () =>
    socket.connected ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve));
  const send = <T>(event: string, payload: unknown) =>
    request<T>(() => socket, untilConnected, event, payload);

  const opened = await send<OpenResult>(EVENTS.conversationOpen, { locale: 'en' });
  const conversationId = opened.conversation.id;
  return {
    token,
    conversationId,
    get node() {
      return nodes[index] ?? first;
    },
    get socket() {
      return socket;
    },
    get moves() {
      return moves;
    },
    live,
    request: send,
    sync: () => syncAll((p) => send<SyncResult<VisitorConversation>>(EVENTS.messagesSync, p), conversationId),
    close() {
      closed = true;
      socket.disconnect();
      for (const wake of waiters) wake();
    },
  };
}

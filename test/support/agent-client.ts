/**
 * An agent on a real Frontdesk process: signs in over HTTP (`POST /auth/login`) as the console
 * does, and drives the agent namespace with the same retrying `request` as the visitor client.
 * The first start of an install creates the admin and keeps its password in the data dir.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AgentClientEvents,
  type AgentConversation,
  type AgentServerEvents,
  API,
  EVENTS,
  type Message,
  NAMESPACES,
  type SyncResult,
  type WatchResult,
} from '@frontdesk/shared';
import { io, type Socket } from 'socket.io-client';
import { request, syncAll } from './visitor-client.ts';

export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;

/** The first admin, as the first start of the install (its data dir) made it. */
export function firstAdmin(dataDir: string): { email: string; password: string } {
  return {
    email: 'admin@example.com',
    password: readFileSync(join(dataDir, 'admin-password.txt'), 'utf8').trim(),
  };
}

export type AgentClient = {
  socket: AgentSocket;
  /** Every `message:new` it received live, in arrival order. */
  readonly live: readonly Message[];
  request<T>(event: string, payload: unknown): Promise<T>;
  /** Joins a conversation's room (its live messages) and returns it as stored. */
  watch(conversationId: string): Promise<WatchResult>;
  take(conversationId: string): Promise<AgentConversation>;
  /** The whole conversation as stored, by resync. */
  sync(conversationId: string): Promise<Message[]>;
  close(): void;
};

/** Signs in on `node` and connects its agent socket. */
export async function newAgent(
  node: string,
  credentials: { email: string; password: string },
): Promise<AgentClient> {
  const res = await fetch(node + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: node },
    body: JSON.stringify(credentials),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const socket: AgentSocket = io(node + NAMESPACES.agent, {
    extraHeaders: { origin: node, cookie },
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
  });
  const live: Message[] = [];
  socket.on(EVENTS.messageNew, (m: Message) => live.push(m));
  const untilConnected = () =>
    socket.connected
      ? Promise.resolve()
      : new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const send = <T>(event: string, payload: unknown) =>
    request<T>(() => socket, untilConnected, event, payload);
  await untilConnected();
  return {
    socket,
    live,
    request: send,
    watch: (conversationId) => send<WatchResult>(EVENTS.conversationWatch, { conversationId }),
    take: (conversationId) => send<AgentConversation>(EVENTS.conversationTake, { conversationId }),
    sync: (conversationId) =>
      syncAll((p) => send<SyncResult<AgentConversation>>(EVENTS.messagesSync, p), conversationId),
    close() {
      socket.disconnect();
    },
  };
}

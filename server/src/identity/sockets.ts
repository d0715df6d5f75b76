/** The two socket namespaces as the server sees them: their event maps and what a checked handshake leaves on each socket. */
import {
  type AgentClientEvents,
  type AgentServerEvents,
  NAMESPACES,
  type VisitorClientEvents,
  type VisitorServerEvents,
} from '@frontdesk/shared';
import type { Namespace, Server, Socket } from 'socket.io';
import type { AgentContext, VisitorContext } from './context.ts';

export type VisitorSocketData = { ctx: VisitorContext; address: string };
export type AgentSocketData = {
  ctx: AgentContext;
  sessionHash: string;
  address: string;
  /** Issue 17: the console shows the conversation list (the socket is in its sites' list rooms). */
  showsLists?: boolean;
};

type NoServerSideEvents = Record<string, never>;

export type VisitorNamespace = Namespace<
  VisitorClientEvents,
  VisitorServerEvents,
  NoServerSideEvents,
  VisitorSocketData
>;
export type VisitorSocket = Socket<
  VisitorClientEvents,
  VisitorServerEvents,
  NoServerSideEvents,
  VisitorSocketData
>;

export type AgentNamespace = Namespace<
  AgentClientEvents,
  AgentServerEvents,
  NoServerSideEvents,
  AgentSocketData
>;
export type AgentSocket = Socket<AgentClientEvents, AgentServerEvents, NoServerSideEvents, AgentSocketData>;

/**
 * The namespaces of an io server, typed with their event maps and socket data (the server itself is
 * untyped: its two namespaces speak different protocols).
 */
export const visitorNamespace = (io: Server): VisitorNamespace => io.of(NAMESPACES.visitor);
export const agentNamespace = (io: Server): AgentNamespace => io.of(NAMESPACES.agent);

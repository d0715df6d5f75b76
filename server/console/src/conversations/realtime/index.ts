/** @module realtime — the agent socket behind a plain interface. */
export { connectAgentSocket } from './socket.ts';
export type { AgentRealtime, ConnectRealtime, RealtimeHandlers } from './types.ts';

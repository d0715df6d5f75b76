/** @module realtime — the agent socket behind a plain interface. */

export { withRetry } from './retry.ts';
export { connectAgentSocket } from './socket.ts';
export type { AgentRealtime, ConnectRealtime, RealtimeHandlers } from './types.ts';

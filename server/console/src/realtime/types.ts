/** What the console needs from the `/agent` socket, as a plain interface (socket.io stays in `socket.ts`). */
import type {
  AckResult,
  AgentConversation,
  Message,
  SendAgentMessageInput,
  SendResult,
  SyncResult,
  WatchResult,
} from '@frontdesk/shared';

export type RealtimeHandlers = {
  conversationUpdated(conversation: AgentConversation): void;
  messageNew(message: Message): void;
  /** The server ended this session (logout elsewhere, disabled agent). */
  sessionEnded(code: string): void;
  /** `reconnected` is true for every connect after the first: time to resync. */
  connected(reconnected: boolean): void;
  disconnected(): void;
  /** The server refused the connection and the client stopped retrying (e.g. the session is gone). */
  refused(message: string): void;
};

export type AgentRealtime = {
  watch(conversationId: string): Promise<AckResult<WatchResult>>;
  unwatch(conversationId: string): Promise<AckResult<null>>;
  send(input: SendAgentMessageInput): Promise<AckResult<SendResult>>;
  sync(conversationId: string, afterSeq: number): Promise<AckResult<SyncResult<AgentConversation>>>;
  take(conversationId: string): Promise<AckResult<AgentConversation>>;
  returnToBot(conversationId: string): Promise<AckResult<AgentConversation>>;
  resolve(conversationId: string): Promise<AckResult<AgentConversation>>;
  /** Tries to connect again after `refused`. */
  reconnect(): void;
  close(): void;
};

export type ConnectRealtime = (handlers: RealtimeHandlers) => AgentRealtime;

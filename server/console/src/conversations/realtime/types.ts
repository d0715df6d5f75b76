/** What the console needs from the `/agent` socket, as a plain interface (socket.io stays in `socket.ts`). */
import type {
  AgentConversation,
  AgentPresence,
  ContactUpdated,
  Message,
  PresenceSetInput,
  ReadPosition,
  SendAgentMessageInput,
  SendResult,
  SyncResult,
  TransferNotice,
  TypingNotice,
  TypingSetInput,
  WatchResult,
} from '@frontdesk/shared';
import type { Reply } from '@frontdesk/shared/client';
import type { TransferInput } from '@frontdesk/shared/routing-schemas';

export type RealtimeHandlers = {
  conversationUpdated(conversation: AgentConversation): void;
  messageNew(message: Message): void;
  /** The server ended this session (logout elsewhere, disabled agent). */
  sessionEnded(code: string): void;
  /** Every connect, the first and each reconnect: time to (re)load and resync. */
  connected(): void;
  disconnected(): void;
  /** The server refused the connection and the client stopped retrying (e.g. the session is gone). */
  refused(message: string): void;
  /** Issue 10 (presence): an agent's status changed (every known one is sent on connect). */
  presenceChanged?(presence: AgentPresence): void;
  /** Issue 13: the visitor is typing (or stopped), with their draft when the site allows the peek. */
  typingChanged?(notice: TypingNotice): void;
  /** Issue 13: a read position moved (the visitor's, or this agent's in another tab). */
  readChanged?(position: ReadPosition): void;
  /** Issue 12: another agent, the visitor or the host page changed a contact of one of our sites. */
  contactUpdated?(change: ContactUpdated): void;
  /** Issue 14 (routing): a conversation was transferred to this agent or a team of theirs. */
  conversationTransferred?(notice: TransferNotice): void;
};

/** Each request answers with the ack, or `NO_REPLY` when offline, timed out or cut off. */
export type AgentRealtime = {
  watch(conversationId: string): Promise<Reply<WatchResult>>;
  unwatch(conversationId: string): Promise<Reply<null>>;
  send(input: SendAgentMessageInput): Promise<Reply<SendResult>>;
  sync(conversationId: string, afterSeq: number): Promise<Reply<SyncResult<AgentConversation>>>;
  take(conversationId: string): Promise<Reply<AgentConversation>>;
  returnToBot(conversationId: string): Promise<Reply<AgentConversation>>;
  resolve(conversationId: string): Promise<Reply<AgentConversation>>;
  /** Issue 10 (presence): sets the agent's own status. */
  setPresence(input: PresenceSetInput): Promise<Reply<AgentPresence>>;
  /** Issue 13: the agent is typing a reply (or stopped). */
  typing(input: TypingSetInput): Promise<Reply<null>>;
  /** Issue 13: the agent has seen the conversation up to `seq`. */
  markRead(conversationId: string, seq: number): Promise<Reply<ReadPosition>>;
  /**
   * Issue 17: this console shows the conversation list (`true`: message previews of its sites come)
   * or not (only its own conversations' previews and real changes come). Forgotten on disconnect.
   */
  showLists(showing: boolean): Promise<Reply<null>>;
  /** Issue 14 (routing): hands the conversation to another agent or a team (optional in test fakes). */
  transfer?(input: TransferInput): Promise<Reply<AgentConversation>>;
  /** Tries to connect again after `refused`. */
  reconnect(): void;
  close(): void;
};

export type ConnectRealtime = (handlers: RealtimeHandlers) => AgentRealtime;

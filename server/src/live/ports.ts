/** Issue 13: what the typing and read-receipt use cases tell the realtime layer; socket.io implements it. */
import type { ReadPosition, TypingNotice } from '@frontdesk/shared';

/** The conversation as far as addressing goes: its rooms are keyed by these. */
export type LiveTarget = { id: string; visitorId: string };

export type LiveBroadcaster = {
  /** The visitor types: to the agents watching the conversation. */
  visitorTyping(target: LiveTarget, notice: TypingNotice): void;
  /** An agent types: to the visitor's sockets. */
  agentTyping(target: LiveTarget, notice: TypingNotice): void;
  /** The visitor's position moved: to their other tabs and to the agents watching. */
  visitorRead(target: LiveTarget, position: ReadPosition): void;
  /** An agent's position moved: to their other tabs, the agents watching, and the visitor (without the agent's id). */
  agentRead(target: LiveTarget, position: ReadPosition): void;
  /**
   * Issue 17: an agent's position moved because they wrote: only to their tabs that do not watch
   * the conversation (the others, and the visitor, take it from the `message:new`).
   */
  agentWroteElsewhere(target: LiveTarget, position: ReadPosition): void;
};

/**
 * Issue 13: what "typing" and "read" mean on the wire, and the read-position rules both ends apply.
 * A read position is the highest `seq` a participant (the visitor, or one agent) has seen on screen.
 */

/** Who read or types: the visitor of the conversation, or one agent. */
export type Participant = 'visitor' | 'agent';

/** One participant's read position in one conversation (stored; `seq` only ever grows). */
export type ReadPosition = {
  conversationId: string;
  reader: Participant;
  /** The agent's id when `reader` is `agent`, else null. */
  agentId: string | null;
  seq: number;
  readAt: string;
};

/** The read positions a client needs of one conversation: the visitor's, and the furthest agent's. */
export type ReadSummary = { visitor: number; agent: number };

/** Server → clients: someone is typing, or stopped. Never stored. */
export type TypingNotice = {
  conversationId: string;
  author: Participant;
  /** The agent's display name (visitors see "Anna is typing…"); null for the visitor. */
  name: string | null;
  typing: boolean;
  /** Sneak peek: the visitor's draft, only to agents and only when the site allows it. */
  draft?: string;
};

/**
 * The rule for a reported position: never backwards, never past the conversation's last `seq`,
 * never below 0. Returns the position to store (equal to `current` when nothing moves).
 */
export function nextReadSeq(current: number, requested: number, lastSeq: number): number {
  const capped = Math.max(0, Math.min(Math.floor(requested), lastSeq));
  return Math.max(current, capped);
}

/** Messages after a read position (what a list badge counts): 0 when all is read. */
export const unreadCount = (lastSeq: number, readSeq: number): number => Math.max(0, lastSeq - readSeq);

/** The summary of a conversation's stored positions. */
export function summarizeReads(positions: readonly ReadPosition[]): ReadSummary {
  let visitor = 0;
  let agent = 0;
  for (const p of positions) {
    if (p.reader === 'visitor') visitor = Math.max(visitor, p.seq);
    else agent = Math.max(agent, p.seq);
  }
  return { visitor, agent };
}

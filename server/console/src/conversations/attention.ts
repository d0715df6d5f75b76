/**
 * Issue 14: whether a conversation update deserves the agent's attention, and with which signals —
 * pure, so "should this notify" is decided and tested without sockets, audio or the DOM.
 */
import type { AgentConversation, AttentionPrefs } from '@frontdesk/shared';

export type AttentionKind = 'message' | 'assigned';

export type AttentionContext = {
  meId: string;
  /**
   * The conversation the agent is looking at: open in the workspace, in a visible and focused tab;
   * null when the tab is hidden, unfocused or on another page.
   */
  lookingAt: string | null;
  /** Conversations this agent is taking over right now (their own action rings nothing). */
  taking: ReadonlySet<string>;
};

const mine = (c: AgentConversation | undefined, meId: string) =>
  c?.state === 'assigned' && c.agentId === meId;

/**
 * `previous` is the copy held before this live update (undefined: not held yet); `next` the update.
 * A conversation newly assigned to the agent (not by their own take) is `assigned`; a new visitor
 * message in a conversation already theirs is `message`; anything about the one they are looking at,
 * and everything else, is null.
 */
export function attentionFor(
  previous: AgentConversation | undefined,
  next: AgentConversation,
  ctx: AttentionContext,
): AttentionKind | null {
  if (!mine(next, ctx.meId) || ctx.lookingAt === next.id) return null;
  if (!mine(previous, ctx.meId)) return ctx.taking.has(next.id) ? null : 'assigned';
  const grew = next.lastSeq > (previous?.lastSeq ?? 0);
  return grew && next.lastMessage?.author === 'visitor' ? 'message' : null;
}

export type Signals = { sound: boolean; desktop: boolean };

/** The signals an attention event gives under the agent's preferences (the title count is separate). */
export const signalsFor = (kind: AttentionKind | null, prefs: AttentionPrefs): Signals =>
  kind === null ? { sound: false, desktop: false } : { sound: prefs.sound, desktop: prefs.desktop };

/** The number in the tab title: visitors waiting, plus unread messages in the agent's own conversations when wanted. */
export const titleCount = (waiting: number, unreadMine: number, prefs: AttentionPrefs): number =>
  waiting + (prefs.title ? unreadMine : 0);

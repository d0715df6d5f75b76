/**
 * Unread messages, counted from a "seen" mark rather than in memory, so the badge survives moving
 * between pages of the site (and counts what arrived while no page was open): the mark is the last
 * `seq` of the conversation the visitor had on screen with the panel open, stored with the panel's
 * state; unread are the agent and bot messages after it while the panel is closed.
 */
import type { Message } from '@frontdesk/shared';
import type { Timeline } from '@frontdesk/shared/client';

export type SeenMark = { conversationId: string; seq: number };

/** What the mark depends on in the UI slice (kept structural: the slice imports this module). */
type Panel = { open: boolean; seen: SeenMark | null };

/** What draws the visitor's attention: the other side's words, not their own, events or notes. */
export const isReadable = (message: Message): boolean =>
  (message.author === 'agent' || message.author === 'bot') &&
  message.kind !== 'note' &&
  message.kind !== 'event';

/**
 * The mark after a change: with the panel open, everything on screen is seen; the first time a
 * conversation shows with no mark for it (a new one, or storage from before marks), what it holds
 * counts as seen too — only what arrives after it can be new.
 */
export function nextSeen(ui: Panel, timeline: Timeline, ready: boolean): SeenMark | null {
  const { conversationId, lastSeq } = timeline;
  if (conversationId === null || !ready) return ui.seen;
  const seen = ui.seen;
  const unknown = seen === null || seen.conversationId !== conversationId;
  if (!ui.open && !unknown) return seen;
  if (!unknown && seen.seq >= lastSeq) return seen;
  return { conversationId, seq: lastSeq };
}

export function unreadCount(ui: Panel, timeline: Timeline): number {
  const { seen } = ui;
  if (ui.open || seen === null || seen.conversationId !== timeline.conversationId) return 0;
  let count = 0;
  for (const message of timeline.messages) if (message.seq > seen.seq && isReadable(message)) count++;
  return count;
}

export function parseSeen(raw: string | null): SeenMark | null {
  const at = raw?.lastIndexOf(':') ?? -1;
  if (!raw || at <= 0) return null;
  const seq = Number(raw.slice(at + 1));
  return Number.isSafeInteger(seq) && seq >= 0 ? { conversationId: raw.slice(0, at), seq } : null;
}

export const serializeSeen = (seen: SeenMark | null): string =>
  seen ? `${seen.conversationId}:${seen.seq}` : '';

/**
 * One conversation's committed messages as a client holds them: in `seq` order, each message once,
 * and `lastSeq`, the point up to which nothing is missing (where the next sync continues from).
 *
 * Messages arrive through sync pages, live events and send acks, in any order and more than once.
 * The one duplicate rule: an id and a `clientId` appear once each; of two copies the one with the
 * lower `seq` stays (the server commits a `clientId` once, so the earlier commit is the real one),
 * and on equal `seq` the copy already held.
 */
import type { Message } from '../../types.ts';

export type Timeline = {
  conversationId: string | null;
  messages: readonly Message[];
  /** Every message up to this `seq` is held (or was never meant for this client). */
  lastSeq: number;
};

export const EMPTY_TIMELINE: Timeline = { conversationId: null, messages: [], lastSeq: 0 };

/** How messages arrived: a sync page is complete up to its highest `seq`; live ones may follow a gap. */
export type Source = 'sync' | 'live';

/** `held` with `incoming` merged in by the duplicate rule; `held` itself when nothing is new. */
export function mergeMessages(held: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  if (incoming.length === 0) return held;
  // A stable sort: on equal `seq` what is held comes first.
  const candidates = [...held, ...incoming].sort((a, b) => a.seq - b.seq);
  const ids = new Set<string>();
  const clientIds = new Set<string>();
  const merged: Message[] = [];
  for (const message of candidates) {
    if (ids.has(message.id) || (message.clientId !== null && clientIds.has(message.clientId))) continue;
    ids.add(message.id);
    if (message.clientId !== null) clientIds.add(message.clientId);
    merged.push(message);
  }
  const same = merged.length === held.length && merged.every((message, i) => message === held[i]);
  return same ? held : merged;
}

const maxSeq = (messages: readonly Message[], floor: number) =>
  messages.reduce((max, m) => Math.max(max, m.seq), floor);

/** A live message skipped some `seq`: what is missing must be synced. */
export const hasGap = (timeline: Timeline, message: Message): boolean => message.seq > timeline.lastSeq + 1;

/** `lastSeq` after `messages` arrived: to the top of a sync page; for live ones only while they follow on. */
function advance(lastSeq: number, messages: readonly Message[], source: Source): number {
  if (source === 'sync') return maxSeq(messages, lastSeq);
  let seq = lastSeq;
  for (const m of [...messages].sort((a, b) => a.seq - b.seq))
    if (m.seq <= seq + 1) seq = Math.max(seq, m.seq);
  return seq;
}

/** Messages of the timeline's conversation merged in (others ignored); the same object when nothing changed. */
export function receive(timeline: Timeline, messages: readonly Message[], source: Source): Timeline {
  const mine = messages.filter((m) => m.conversationId === timeline.conversationId);
  if (mine.length === 0) return timeline;
  const merged = mergeMessages(timeline.messages, mine);
  const lastSeq = advance(timeline.lastSeq, mine, source);
  return merged === timeline.messages && lastSeq === timeline.lastSeq
    ? timeline
    : { conversationId: timeline.conversationId, messages: merged, lastSeq };
}

/** A timeline for another conversation (or none), starting from a complete first page. */
export const openTimeline = (conversationId: string | null, messages: readonly Message[] = []): Timeline =>
  receive({ ...EMPTY_TIMELINE, conversationId }, messages, 'sync');

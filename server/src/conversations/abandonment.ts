/**
 * Issue 10: abandonment, as pure rules.
 * - A queued conversation is abandoned when its visitor has no connected socket and was last there
 *   (`visitorLastActiveAt`: socket opened or closed; before any, `queuedAt`) at least the site's
 *   `abandonAfterMinutes` ago.
 * - Fairness when they come back: they keep the time they actually waited while present, not the time
 *   they were gone. Their new `queuedAt` is `now − (lastActive − queuedAt)`, so they go back behind
 *   everyone who waited longer while they were away, and ahead of those who came after they had
 *   waited as long. Waits measured for the estimate (queued → taken) then exclude the absence too.
 */
import type { ConversationPatch, ConversationRecord } from './store.ts';

const MINUTE = 60_000;

/** When the visitor was last known to be there while queued: never before they joined the queue. */
function lastThere(c: ConversationRecord): number | null {
  const times = [c.visitorLastActiveAt, c.queuedAt].flatMap((t) => (t ? [Date.parse(t)] : []));
  return times.length === 0 ? null : Math.max(...times);
}

/** Whether the sweeper should abandon it now (the socket check is done by the caller, across nodes). */
export function isIdleQueued(c: ConversationRecord, now: Date, abandonAfterMinutes: number): boolean {
  if (c.state !== 'queued') return false;
  const last = lastThere(c);
  if (last === null) return false;
  return now.getTime() - last >= abandonAfterMinutes * MINUTE;
}

/** The patch of a conversation going back to the queue (from `abandoned`). */
export function requeuePatch(c: ConversationRecord, now: Date): ConversationPatch {
  const at = now.toISOString();
  if (!c.queuedAt) return { queuedAt: at, abandonedAt: null, visitorLastActiveAt: at };
  const waited = Math.max(0, (lastThere(c) ?? Date.parse(c.queuedAt)) - Date.parse(c.queuedAt));
  return {
    queuedAt: new Date(now.getTime() - waited).toISOString(),
    abandonedAt: null,
    visitorLastActiveAt: at,
  };
}

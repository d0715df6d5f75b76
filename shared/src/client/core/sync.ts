/**
 * Catching up: `messages:sync` after the last `seq` held, page after page while the server has more.
 * The cursor is read again before every page (live messages may have moved it meanwhile).
 */
import type { SyncResult } from '../../events.ts';
import type { Reply } from './reply.ts';

export type SyncDeps<C> = {
  /** The `seq` to continue after (the timeline's `lastSeq`). */
  cursor(): number;
  fetch(afterSeq: number): Promise<Reply<SyncResult<C>>>;
  /** Takes a page in; false stops (e.g. the client moved to another conversation meanwhile). */
  apply(page: SyncResult<C>): boolean;
};

/** A guard against a server that keeps answering `hasMore`: 10 000 messages at the page size. */
export const MAX_SYNC_PAGES = 50;

/** Resolves with the first failure, or `ok` once caught up (or stopped). */
export async function syncAfter<C>(deps: SyncDeps<C>): Promise<Reply<null>> {
  for (let page = 0; page < MAX_SYNC_PAGES; page++) {
    const afterSeq = deps.cursor();
    const reply = await deps.fetch(afterSeq);
    if (!reply.ok) return reply;
    // Done when the server has no more, or when a page did not move the cursor (nothing new in it).
    if (!deps.apply(reply.data) || !reply.data.hasMore || deps.cursor() <= afterSeq) break;
  }
  return { ok: true, data: null };
}

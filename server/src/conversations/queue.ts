/** A visitor's place in the site's queue (1 = next), shown while they wait for a person. */
import type { ConversationRecord, ConversationsStore } from './store.ts';

export class QueuePositions {
  constructor(private readonly store: Pick<ConversationsStore, 'countQueuedBefore'>) {}

  async of(c: ConversationRecord): Promise<number | null> {
    if (c.state !== 'queued' || !c.queuedAt) return null;
    return (await this.store.countQueuedBefore(c.siteId, c.queuedAt)) + 1;
  }
}

/**
 * Pages of a conversation's timeline for each audience. What a visitor may not see is left out by the
 * query, not after it: a page is either full (`hasMore`, and its last `seq` is past `afterSeq`) or the end.
 */
import { LIMITS, type Message } from '@frontdesk/shared';
import type { MessagesStore } from './store.ts';
import { HIDDEN_FROM_VISITORS, toVisitorMessage } from './views.ts';

export type Audience = 'visitor' | 'agent';
export type TimelinePage = { messages: Message[]; hasMore: boolean };

export class Timeline {
  constructor(private readonly store: Pick<MessagesStore, 'listMessages'>) {}

  async after(conversationId: string, afterSeq: number, audience: Audience): Promise<TimelinePage> {
    const visitorView = audience === 'visitor';
    const page = await this.store.listMessages(
      conversationId,
      afterSeq,
      LIMITS.syncPageSize,
      visitorView ? { excludeKinds: HIDDEN_FROM_VISITORS } : {},
    );
    const hasMore = page.length === LIMITS.syncPageSize;
    return { messages: visitorView ? page.map(toVisitorMessage) : page, hasMore };
  }
}

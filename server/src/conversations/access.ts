/**
 * Visitors and agents only ever reach their own conversations: anything else is "not found", the same
 * as a missing id (TESTPLAN A1, A2).
 */
import type { AgentContext, VisitorContext } from '../identity/context.ts';
import { AppError } from '../kernel/errors.ts';
import type { ConversationRecord, ConversationsStore } from './store.ts';

export const conversationNotFound = () => new AppError('not_found', 'conversation not found');

export class ConversationAccess {
  constructor(private readonly store: Pick<ConversationsStore, 'getConversation'>) {}

  async ofVisitor(ctx: VisitorContext, id: string): Promise<ConversationRecord> {
    const conversation = await this.store.getConversation(id);
    if (!conversation || conversation.visitorId !== ctx.visitor.id) throw conversationNotFound();
    return conversation;
  }

  async ofAgent(ctx: AgentContext, id: string): Promise<ConversationRecord> {
    const conversation = await this.store.getConversation(id);
    if (!conversation || !ctx.siteIds.includes(conversation.siteId)) throw conversationNotFound();
    return conversation;
  }
}

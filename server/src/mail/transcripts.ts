/**
 * The visitor's "e-mail me the transcript" (the `mail:transcript` socket event, with its own rate
 * budget): their own conversation only, to the address they give or the one on their record.
 */
import type { MailTranscriptInput } from '@frontdesk/shared/schemas';
import type { ConversationsStore } from '../conversations/store.ts';
import type { VisitorContext } from '../identity/context.ts';
import type { VisitorsStore } from '../identity/store.ts';
import { AppError } from '../kernel/errors.ts';
import type { ConversationMail } from './conversation-mail.ts';
import type { MailRecord } from './store.ts';

export type TranscriptDeps = {
  store: Pick<ConversationsStore, 'getConversation'> & Pick<VisitorsStore, 'updateVisitor'>;
  mail: Pick<ConversationMail, 'transcript'>;
};

export class TranscriptRequests {
  constructor(private readonly deps: TranscriptDeps) {}

  async request(ctx: VisitorContext, input: MailTranscriptInput): Promise<MailRecord> {
    const { visitor } = ctx;
    const conversation = await this.deps.store.getConversation(input.conversationId);
    if (!conversation || conversation.visitorId !== visitor.id) {
      throw new AppError('not_found', 'conversation not found');
    }
    const email = input.email ?? conversation.visitor.email;
    if (!email) throw new AppError('bad_request', 'an e-mail address is needed');
    // The first address a visitor gives becomes their record's (an agent can reply to it later).
    if (!conversation.visitor.email) await this.deps.store.updateVisitor(visitor.id, { email });
    return this.deps.mail.transcript(conversation.id, email);
  }
}

/**
 * The visitor's "e-mail me the transcript": their own conversation only (site key, origin and
 * visitor token checked as for a socket), to the address they give or the one on their record,
 * within a small budget per visitor and per address.
 */
import type { MailTranscriptInput } from '@frontdesk/shared/schemas';
import type { ConversationsStore } from '../conversations/store.ts';
import type { VisitorsStore } from '../identity/store.ts';
import type { VisitorSessions } from '../identity/visitor-sessions.ts';
import { AppError } from '../kernel/errors.ts';
import { type Budgets, rateLimited } from '../limits/index.ts';
import type { ConversationMail } from './conversation-mail.ts';
import type { MailRecord } from './store.ts';

export type TranscriptDeps = {
  visitors: Pick<VisitorSessions, 'siteFor' | 'identify'>;
  store: Pick<ConversationsStore, 'getConversation'> & Pick<VisitorsStore, 'updateVisitor'>;
  mail: Pick<ConversationMail, 'transcript'>;
  budgets: Pick<Budgets, 'mailTranscript'>;
};

export class TranscriptRequests {
  constructor(private readonly deps: TranscriptDeps) {}

  async request(
    input: MailTranscriptInput,
    origin: string | undefined,
    address: string,
  ): Promise<MailRecord> {
    const site = await this.deps.visitors.siteFor(input.siteKey, origin);
    const { visitor } = await this.deps.visitors.identify(site, input.token, undefined);
    const verdict = this.deps.budgets.mailTranscript(visitor.id, address);
    if (!verdict.ok) throw rateLimited(verdict, 'transcript e-mails');
    const conversation = await this.deps.store.getConversation(input.conversationId);
    if (!conversation || conversation.visitorId !== visitor.id) {
      throw new AppError('not_found', 'conversation not found');
    }
    const email = input.email ?? visitor.email;
    if (!email) throw new AppError('bad_request', 'an e-mail address is needed');
    // The first address a visitor gives becomes their record's (an agent can reply to it later).
    if (!visitor.email) await this.deps.store.updateVisitor(visitor.id, { email });
    return this.deps.mail.transcript(conversation.id, email);
  }
}

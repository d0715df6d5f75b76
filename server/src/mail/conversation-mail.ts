/**
 * The mail a conversation produces: the agent's reply to a visitor who has left (coalesced), the
 * transcript on request, and the notice to agents of a new offline message. Each is composed here
 * and queued in the outbox, which sends it.
 */
import { LIMITS, type Message } from '@frontdesk/shared';
import type { ConversationRecord, ConversationsStore, MessagesStore } from '../conversations/store.ts';
import type { AgentsStore } from '../identity/store.ts';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import type { SitesStore } from '../sites/store.ts';
import { agentNoticeMail, isMailable, replyMail, transcriptMail } from './compose.ts';
import { displayName } from './headers.ts';
import type { MailLinks } from './links.ts';
import type { MailOutbox } from './outbox.ts';
import type { MailRecord } from './store.ts';

/** Whether a visitor has a socket open anywhere (then the reply reaches them in the widget). */
export type VisitorPresence = { isConnected(visitorId: string): Promise<boolean> };

export type ConversationMailDeps = {
  store: Pick<ConversationsStore, 'getConversation'> &
    Pick<MessagesStore, 'listMessages'> &
    Pick<SitesStore, 'getSite'> &
    Pick<AgentsStore, 'listAgents' | 'listAgentSiteIds'>;
  outbox: MailOutbox;
  links: MailLinks;
  visitors: VisitorPresence;
  clock: () => number;
  logger: Logger;
};

const PAGE = 200;

export class ConversationMail {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly deps: ConversationMailDeps) {}

  /**
   * Called for every stored message; queues a reply e-mail when an agent answered a visitor who
   * has an e-mail address and no open widget. The first reply waits `mailReplyCoalesceMs`; replies
   * written meanwhile are folded into the same e-mail (its content is rebuilt, its time kept).
   */
  messageStored(conversation: ConversationRecord, message: Message): void {
    if (message.author !== 'agent' || message.kind !== 'text' || !conversation.visitor.email) return;
    this.track(
      this.agentReplied(conversation).catch((err: unknown) =>
        this.deps.logger.error({ err, conversationId: conversation.id }, 'could not queue the reply e-mail'),
      ),
    );
  }

  /** Whether the visitor has the widget open (then replies reach them there, not by e-mail). */
  visitorOnline(visitorId: string): Promise<boolean> {
    return this.deps.visitors.isConnected(visitorId);
  }

  /** Resolves once the mail work started so far is done (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async agentReplied(conversation: ConversationRecord): Promise<MailRecord | null> {
    const email = conversation.visitor.email;
    if (!email || (await this.deps.visitors.isConnected(conversation.visitorId))) return null;
    const site = await this.deps.store.getSite(conversation.siteId);
    if (!site) return null;
    const now = this.deps.clock();
    const messages = await this.mailable(conversation, conversation.lastSeq - PAGE);
    const lines = messages.slice(-LIMITS.mailRecentMessages);
    const agentName = [...lines].reverse().find((m) => m.author === 'agent')?.authorName ?? site.name;
    const replyTo = this.deps.links.replyTo(conversation.id, now);
    const content = replyMail({
      locale: conversation.locale,
      siteName: site.name,
      agentName,
      lines,
      link: this.deps.links.conversationLink(conversation.id, conversation.visitorId, now),
      replyable: replyTo !== null,
    });
    return this.deps.outbox.enqueueReply({
      ...content,
      conversationId: conversation.id,
      kind: 'reply',
      recipient: email,
      recipientName: displayName(conversation.visitor.name),
      fromName: displayName(`${agentName} · ${site.name}`),
      replyTo,
      dueAt: now + LIMITS.mailReplyCoalesceMs,
    });
  }

  /** The whole conversation (no notes, no system lines) to the visitor's address. */
  async transcript(conversationId: string, email: string): Promise<MailRecord> {
    const conversation = await this.deps.store.getConversation(conversationId);
    if (!conversation) throw new AppError('not_found', 'conversation not found');
    const site = await this.deps.store.getSite(conversation.siteId);
    if (!site) throw new AppError('not_found', 'site not found');
    const content = transcriptMail({
      locale: conversation.locale,
      siteName: site.name,
      lines: await this.mailable(conversation, 0),
    });
    return this.deps.outbox.enqueue({
      ...content,
      conversationId,
      kind: 'transcript',
      recipient: email,
      recipientName: displayName(conversation.visitor.name),
      fromName: displayName(site.name),
      replyTo: this.deps.links.replyTo(conversationId, this.deps.clock()),
    });
  }

  /**
   * E-mails the site's agents about a new offline message, when the site wants it and nobody is
   * online (`onlineAgents`, counted by the caller). Returns the queued mail (none when not wanted).
   */
  async notifyAgentsOfOfflineMessage(conversationId: string, onlineAgents: number): Promise<MailRecord[]> {
    if (onlineAgents > 0) return [];
    const conversation = await this.deps.store.getConversation(conversationId);
    if (!conversation) throw new AppError('not_found', 'conversation not found');
    const site = await this.deps.store.getSite(conversation.siteId);
    if (!site?.settings.notifyAgentsOfOfflineMessages) return [];
    const lines = (await this.mailable(conversation, 0)).filter((m) => m.author === 'visitor');
    const queued: MailRecord[] = [];
    for (const agent of await this.deps.store.listAgents()) {
      if (agent.disabled) continue;
      // Admins answer for every site; agents for theirs.
      if (agent.role !== 'admin' && !(await this.deps.store.listAgentSiteIds(agent.id)).includes(site.id))
        continue;
      const content = agentNoticeMail({
        locale: conversation.locale,
        siteName: site.name,
        visitorName: conversation.visitor.name,
        lines: lines.slice(-LIMITS.mailRecentMessages),
        consoleLink: this.deps.links.consoleLink(),
      });
      queued.push(
        await this.deps.outbox.enqueue({
          ...content,
          conversationId,
          kind: 'agent_notice',
          recipient: agent.email,
          recipientName: displayName(agent.name),
          fromName: displayName(site.name),
          replyTo: null,
        }),
      );
    }
    return queued;
  }

  private async mailable(conversation: ConversationRecord, afterSeq: number): Promise<Message[]> {
    const out: Message[] = [];
    let after = Math.max(0, afterSeq);
    for (;;) {
      const page = await this.deps.store.listMessages(conversation.id, after, PAGE, {
        excludeKinds: ['note', 'event'],
      });
      out.push(...page.filter(isMailable));
      const last = page.at(-1);
      if (page.length < PAGE || !last) return out;
      after = last.seq;
    }
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }
}

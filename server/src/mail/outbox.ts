/**
 * The outbox: every outgoing e-mail is stored first, then sent by a loop on an injected clock. A
 * failure is retried with growing waits (`backoff.ts`) and finally marked failed; each outcome is
 * written on the conversation as a note only agents see. Without SMTP, mail is stored as
 * `unconfigured` and sent once the server starts with `SMTP_URL`.
 */
import { MAIL_NOT_CONFIGURED } from '@frontdesk/shared';
import type { Broadcaster } from '../conversations/ports.ts';
import type { MessagesStore } from '../conversations/store.ts';
import type { Logger } from '../kernel/logger.ts';
import { DEFAULT_RETRY_POLICY, nextAttemptAt, type RetryPolicy } from './backoff.ts';
import type { MailContent, MailKind, MailRecord, MailStore } from './store.ts';
import type { MailTransport } from './transport.ts';

/** The reason shown for mail kept because SMTP is not configured (the console translates it). */
export const SMTP_NOT_CONFIGURED = MAIL_NOT_CONFIGURED;
/** How long one attempt may hold a mail before another sender may take it. */
const LEASE_MS = 5 * 60_000;

export type MailOutboxDeps = {
  store: MailStore & Pick<MessagesStore, 'appendMessage'>;
  transport: MailTransport | null;
  /** `MAIL_FROM`'s address; the display name is per mail. */
  fromAddress: string;
  broadcaster: Pick<Broadcaster, 'messageStored'>;
  clock: () => number;
  logger: Logger;
  policy?: RetryPolicy;
};

export type MailRequest = MailContent & {
  conversationId: string | null;
  kind: MailKind;
  recipient: string;
  recipientName: string;
  fromName: string;
  replyTo: string | null;
  /** Default: now. */
  dueAt?: number;
};

const iso = (ms: number) => new Date(ms).toISOString();

export class MailOutbox {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly deps: MailOutboxDeps) {}

  get configured(): boolean {
    return this.deps.transport !== null;
  }

  async enqueue(request: MailRequest): Promise<MailRecord> {
    const now = this.deps.clock();
    const mail = await this.deps.store.insertMail({
      conversationId: request.conversationId,
      kind: request.kind,
      recipient: request.recipient,
      recipientName: request.recipientName,
      fromName: request.fromName,
      subject: request.subject,
      text: request.text,
      html: request.html,
      replyTo: request.replyTo,
      status: this.configured ? 'pending' : 'unconfigured',
      nextAttemptAt: iso(request.dueAt ?? now),
      createdAt: iso(now),
    });
    if (!this.configured) await this.record(mail, SMTP_NOT_CONFIGURED);
    return mail;
  }

  /**
   * A reply joins the one not yet sent to the same person in the same conversation (its content is
   * rebuilt by the caller with every new message), else it is queued to go out at `dueAt`.
   */
  async enqueueReply(request: MailRequest & { conversationId: string }): Promise<MailRecord> {
    const unsent = await this.deps.store.findUnsentReply(request.conversationId, request.recipient);
    if (unsent && (await this.deps.store.updateUnsentMail(unsent.id, request))) {
      return { ...unsent, subject: request.subject, text: request.text, html: request.html };
    }
    return this.enqueue(request);
  }

  list(limit = 200): Promise<MailRecord[]> {
    return this.deps.store.listMail(limit);
  }

  /** An unconfigured or failed mail, sent again from scratch (only once SMTP is configured). */
  async retry(id: string): Promise<MailRecord | null> {
    if (!this.configured) return null;
    return this.deps.store.retryMail(id, iso(this.deps.clock()));
  }

  /** Sends every mail due now; returns how many were attempted. One run at a time. */
  runDue(limit = 20): Promise<number> {
    this.running ??= this.sendDue(limit).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Releases mail kept while unconfigured and sends due mail every `intervalMs`. */
  async start(intervalMs = 15_000): Promise<void> {
    if (!this.configured) return;
    const released = await this.deps.store.releaseUnconfigured(iso(this.deps.clock()));
    if (released > 0)
      this.deps.logger.info({ released }, 'mail kept while SMTP was not configured is sent now');
    this.timer = setInterval(() => {
      this.runDue().catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'mail outbox run failed'),
      );
    }, intervalMs);
    this.timer.unref?.();
    // Not awaited: a slow or unreachable SMTP server must not hold up the start.
    this.runDue().catch((error: unknown) => this.deps.logger.error({ err: error }, 'mail outbox run failed'));
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
    this.deps.transport?.close();
  }

  private async sendDue(limit: number): Promise<number> {
    const { store, transport, clock } = this.deps;
    if (!transport) return 0;
    const due = await store.listDueMail(iso(clock()), limit);
    let attempted = 0;
    for (const mail of due) {
      if (!(await store.claimMail(mail.id, mail.attempts, iso(clock() + LEASE_MS)))) continue;
      attempted += 1;
      const attempts = mail.attempts + 1;
      try {
        await transport.send({
          from: { name: mail.fromName, address: this.deps.fromAddress },
          to: { name: mail.recipientName, address: mail.recipient },
          replyTo: mail.replyTo,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
        });
        await store.markMailSent(mail.id, iso(clock()));
        await this.record(mail, null);
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        const next = nextAttemptAt(attempts, clock(), this.deps.policy ?? DEFAULT_RETRY_POLICY);
        await store.markMailUnsent(mail.id, reason, next === null ? null : iso(next));
        this.deps.logger.warn({ mailId: mail.id, attempts, reason, retry: next !== null }, 'mail not sent');
        if (next === null) await this.record(mail, reason);
      }
    }
    return attempted;
  }

  /** The outcome on the conversation, as a note (visitors never see it): sent, or why not. */
  private async record(mail: MailRecord, error: string | null): Promise<void> {
    // Notices to agents are not part of the conversation with the visitor: only the outbox shows them.
    if (!mail.conversationId || mail.kind === 'agent_notice') return;
    const event =
      error === null
        ? { name: 'mail_sent' as const, recipient: mail.recipient }
        : { name: 'mail_failed' as const, recipient: mail.recipient, error };
    try {
      const result = await this.deps.store.appendMessage({
        conversationId: mail.conversationId,
        clientId: null,
        author: 'system',
        authorName: null,
        agentId: null,
        kind: 'note',
        body:
          error === null
            ? `E-mail sent to ${mail.recipient}`
            : `E-mail to ${mail.recipient} not sent: ${error}`,
        meta: { event },
      });
      if (result.status === 'stored')
        this.deps.broadcaster.messageStored(result.conversation, result.message);
    } catch (err) {
      this.deps.logger.error(
        { err, mailId: mail.id },
        'could not record the mail outcome on its conversation',
      );
    }
  }
}

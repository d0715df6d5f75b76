/** The mail outbox's storage port (`mail_outbox`): every outgoing e-mail, whatever became of it. */

export type MailKind = 'reply' | 'transcript' | 'agent_notice';
/** `unconfigured`: kept until SMTP is configured; `pending`: due at `nextAttemptAt`. */
export type MailStatus = 'pending' | 'sent' | 'failed' | 'unconfigured';

export type MailRecord = {
  id: string;
  conversationId: string | null;
  kind: MailKind;
  recipient: string;
  /** Display names for To and From, already header-safe. */
  recipientName: string;
  fromName: string;
  subject: string;
  text: string;
  html: string;
  /** Where a reply to this mail goes (the signed per-conversation address), if anywhere. */
  replyTo: string | null;
  status: MailStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};

export type NewMail = Pick<
  MailRecord,
  | 'conversationId'
  | 'kind'
  | 'recipient'
  | 'recipientName'
  | 'fromName'
  | 'subject'
  | 'text'
  | 'html'
  | 'replyTo'
  | 'createdAt'
> & { status: 'pending' | 'unconfigured'; nextAttemptAt: string };

export type MailContent = Pick<MailRecord, 'subject' | 'text' | 'html'>;

export type MailStore = {
  insertMail(mail: NewMail): Promise<MailRecord>;
  getMail(id: string): Promise<MailRecord | null>;
  /** Newest first. */
  listMail(limit: number): Promise<MailRecord[]>;
  /** A reply to this recipient in this conversation not yet attempted: later replies join it. */
  findUnsentReply(conversationId: string, recipient: string): Promise<MailRecord | null>;
  /** Replaces the content of a mail not yet attempted; false when a sender took it meanwhile. */
  updateUnsentMail(id: string, content: MailContent): Promise<boolean>;
  /** Pending mail due at `now`, oldest first. */
  listDueMail(now: string, limit: number): Promise<MailRecord[]>;
  /**
   * Takes one attempt: only if the mail is still pending with `attempts`, counts the attempt and
   * moves `next_attempt_at` to `leaseUntil` (another sender skips it meanwhile). False if taken.
   */
  claimMail(id: string, attempts: number, leaseUntil: string): Promise<boolean>;
  markMailSent(id: string, at: string): Promise<void>;
  /** Still pending, next attempt at `nextAttemptAt`; or `failed` when `nextAttemptAt` is null. */
  markMailUnsent(id: string, error: string, nextAttemptAt: string | null): Promise<void>;
  /** Every `unconfigured` mail becomes pending, due `now` (SMTP is configured now). Returns how many. */
  releaseUnconfigured(now: string): Promise<number>;
  /** A failed or unconfigured mail is sent again from scratch; null if it is neither. */
  retryMail(id: string, now: string): Promise<MailRecord | null>;
};

/** Catalog-backed labels of outbox mail: status, kind, and why it is not sent. */
import { MAIL_NOT_CONFIGURED } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import type { MailOutboxEntry } from '@frontdesk/shared/responses';
import type { Translate } from '../app/i18n.ts';

const STATUS_KEYS: Record<MailOutboxEntry['status'], ConsoleKey> = {
  pending: 'outboxStatusPending',
  sent: 'outboxStatusSent',
  failed: 'outboxStatusFailed',
  unconfigured: 'outboxStatusUnconfigured',
};

const KIND_KEYS: Record<MailOutboxEntry['kind'], ConsoleKey> = {
  reply: 'outboxKindReply',
  transcript: 'outboxKindTranscript',
  agent_notice: 'outboxKindAgentNotice',
};

export const statusText = (mail: MailOutboxEntry, t: Translate) => t(STATUS_KEYS[mail.status]);
export const kindText = (mail: MailOutboxEntry, t: Translate) => t(KIND_KEYS[mail.kind]);

/** Why a mail is not (yet) sent, or null when there is nothing to say. */
export function reasonText(mail: MailOutboxEntry, t: Translate): string | null {
  if (mail.status === 'unconfigured' || mail.lastError === MAIL_NOT_CONFIGURED)
    return t('outboxReasonUnconfigured');
  if (mail.status !== 'sent' && mail.lastError) return t('outboxReason', { reason: mail.lastError });
  return null;
}

/** "Send again" is offered once SMTP is configured, for mail that will not go out by itself. */
export const canResend = (mail: MailOutboxEntry, configured: boolean) =>
  configured && (mail.status === 'failed' || mail.status === 'unconfigured');

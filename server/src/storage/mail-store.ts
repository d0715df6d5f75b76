/** `MailStore` over Kysely (`mail_outbox`). */
import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { MailRecord, MailStore } from '../mail/store.ts';
import type { Db } from './db.ts';
import { durableQueue } from './durable-queue.ts';
import type { MailOutboxTable } from './schema.ts';

const toMail = (row: Selectable<MailOutboxTable>): MailRecord => ({
  id: row.id,
  conversationId: row.conversation_id,
  kind: row.kind,
  recipient: row.recipient,
  recipientName: row.recipient_name,
  fromName: row.from_name,
  subject: row.subject,
  text: row.text,
  html: row.html,
  replyTo: row.reply_to,
  status: row.status,
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  createdAt: row.created_at,
  sentAt: row.sent_at,
});

export function kyselyMailStore(db: Db): MailStore {
  const queue = durableQueue(db, 'mail_outbox');
  return {
    async insertMail(mail) {
      const row: Selectable<MailOutboxTable> = {
        id: randomUUID(),
        conversation_id: mail.conversationId,
        kind: mail.kind,
        recipient: mail.recipient,
        recipient_name: mail.recipientName,
        from_name: mail.fromName,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        reply_to: mail.replyTo,
        status: mail.status,
        attempts: 0,
        next_attempt_at: mail.nextAttemptAt,
        last_error: null,
        created_at: mail.createdAt,
        sent_at: null,
      };
      await db.insertInto('mail_outbox').values(row).execute();
      return toMail(row);
    },
    async getMail(id) {
      const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toMail(row) : null;
    },
    async listMail(limit) {
      const rows = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toMail);
    },
    async findUnsentReply(conversationId, recipient) {
      const row = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .where('recipient', '=', recipient)
        .where('kind', '=', 'reply')
        .where('status', 'in', ['pending', 'unconfigured'])
        .where('attempts', '=', 0)
        .orderBy('created_at', 'desc')
        .executeTakeFirst();
      return row ? toMail(row) : null;
    },
    async updateUnsentMail(id, content) {
      const result = await db
        .updateTable('mail_outbox')
        .set({ subject: content.subject, text: content.text, html: content.html })
        .where('id', '=', id)
        .where('attempts', '=', 0)
        .where('status', 'in', ['pending', 'unconfigured'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async listDueMail(now, limit) {
      return (await queue.due(now, limit)).map(toMail);
    },
    claimMail: (id, attempts, leaseUntil) => queue.claim(id, attempts, leaseUntil),
    async markMailSent(id, at) {
      await db
        .updateTable('mail_outbox')
        .set({ status: 'sent', sent_at: at, next_attempt_at: null, last_error: null })
        .where('id', '=', id)
        .execute();
    },
    async markMailUnsent(id, error, nextAttemptAt) {
      await db
        .updateTable('mail_outbox')
        .set({
          status: nextAttemptAt === null ? 'failed' : 'pending',
          next_attempt_at: nextAttemptAt,
          last_error: error,
        })
        .where('id', '=', id)
        .execute();
    },
    async releaseUnconfigured(now) {
      const result = await db
        .updateTable('mail_outbox')
        .set({ status: 'pending', next_attempt_at: now })
        .where('status', '=', 'unconfigured')
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async retryMail(id, now) {
      const result = await db
        .updateTable('mail_outbox')
        .set({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null })
        .where('id', '=', id)
        .where('status', 'in', ['failed', 'unconfigured'])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return null;
      return this.getMail(id);
    },
  };
}

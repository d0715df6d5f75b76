/** `AttachmentsStore` over Kysely (issue 13): one row per stored file, the bytes live in a `FileStore`. */
import type { AttachmentKind, AttachmentMime } from '@frontdesk/shared';
import type { Selectable } from 'kysely';
import type { AttachmentRecord, AttachmentsStore, NewAttachment } from '../attachments/store.ts';
import { type Db, now } from './db.ts';
import type { AttachmentTable } from './schema.ts';

const toRecord = (row: Selectable<AttachmentTable>): AttachmentRecord => ({
  id: row.id,
  conversationId: row.conversation_id,
  siteId: row.site_id,
  messageId: row.message_id,
  author: row.author,
  name: row.name,
  mime: row.mime as AttachmentMime,
  kind: row.kind as AttachmentKind,
  size: Number(row.size),
  width: row.width === null ? null : Number(row.width),
  height: row.height === null ? null : Number(row.height),
  fileKey: row.file_key,
  thumbKey: row.thumb_key,
  createdAt: row.created_at,
});

const toRow = (input: NewAttachment) => ({
  id: input.id,
  conversation_id: input.conversationId,
  site_id: input.siteId,
  message_id: null,
  author: input.author,
  name: input.name,
  mime: input.mime,
  kind: input.kind,
  size: input.size,
  width: input.width,
  height: input.height,
  file_key: input.fileKey,
  thumb_key: input.thumbKey,
  created_at: now(),
});

export function kyselyAttachmentsStore(db: Db): AttachmentsStore {
  return {
    async insertAttachment(input) {
      const row = toRow(input);
      await db.insertInto('attachments').values(row).execute();
      return toRecord(row);
    },
    async reserveAttachment(input, rule) {
      return db.transaction().execute(async (trx) => {
        // A no-op update takes the conversation's row lock (PostgreSQL) or the write lock (SQLite)
        // until commit: uploads into one conversation count and insert one after another.
        const locked = await trx
          .updateTable('conversations')
          .set((eb) => ({ last_seq: eb.ref('last_seq') }))
          .where('id', '=', input.conversationId)
          .executeTakeFirst();
        if (Number(locked.numUpdatedRows) === 0) return null;
        const counted = await trx
          .selectFrom('attachments')
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .where('conversation_id', '=', input.conversationId)
          .where((eb) => eb.or([eb('message_id', 'is not', null), eb('created_at', '>=', rule.pendingSince)]))
          .executeTakeFirstOrThrow();
        if (Number(counted.n) >= rule.max) return null;
        const row = toRow(input);
        await trx.insertInto('attachments').values(row).execute();
        return toRecord(row);
      });
    },
    async getAttachment(id) {
      const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async linkAttachmentMessage(id, messageId) {
      await db.updateTable('attachments').set({ message_id: messageId }).where('id', '=', id).execute();
    },
    async countAttachments(conversationId) {
      const row = await db
        .selectFrom('attachments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('conversation_id', '=', conversationId)
        .where('message_id', 'is not', null)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async listAttachments(conversationId) {
      const rows = await db
        .selectFrom('attachments')
        .selectAll()
        .where('conversation_id', '=', conversationId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async deleteAttachment(id) {
      await db.deleteFrom('attachments').where('id', '=', id).execute();
    },
    async deleteAttachmentsOf(conversationId) {
      await db.deleteFrom('attachments').where('conversation_id', '=', conversationId).execute();
    },
  };
}

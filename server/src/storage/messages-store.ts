/** `MessagesStore` over Kysely: append (idempotent per `clientId`, guarded) and page through a timeline. */
import type { Message, ReadPosition } from '@frontdesk/shared';
import type { AppendResult, MessagesStore } from '../conversations/store.ts';
import { AppError } from '../kernel/errors.ts';
import { findConversation } from './conversation-rows.ts';
import type { Db } from './db.ts';
import { insertMessage, Rollback } from './message-insert.ts';
import { MESSAGE_COLUMNS, toMessageWithAvatar } from './records.ts';

export function kyselyMessagesStore(db: Db): MessagesStore {
  return {
    async appendMessage(input, options): Promise<AppendResult> {
      let appended: { message: Message; read?: ReadPosition };
      try {
        appended = await db.transaction().execute((trx) => insertMessage(trx, input, options));
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
        const conversation = await findConversation(db, input.conversationId);
        if (!conversation) throw new AppError('not_found', 'conversation not found');
        if (error.outcome.type === 'skipped') return { status: 'skipped', conversation };
        const original = error.outcome.row;
        if (
          original.body !== input.body ||
          original.author !== input.author ||
          original.kind !== input.kind
        ) {
          throw new AppError('client_id_conflict', 'this clientId was already used for another message');
        }
        return { status: 'duplicate', message: original, conversation };
      }
      const conversation = await findConversation(db, input.conversationId);
      if (!conversation) throw new AppError('internal', 'conversation vanished after append');
      return { status: 'stored', ...appended, conversation };
    },
    async listMessages(conversationId, afterSeq, limit, options = {}) {
      // Issue 13: each agent reply with its author's avatar as it is now (a changed one shows everywhere).
      let query = db
        .selectFrom('messages as m')
        .leftJoin('agents as a', 'a.id', 'm.agent_id')
        // Named columns: PostgreSQL's stored `search_vector` (issue 14) is not read back.
        .select(MESSAGE_COLUMNS.map((column) => `m.${column}` as const))
        .select([
          'a.id as a_id',
          'a.avatar_color as a_avatar_color',
          'a.avatar_image_id as a_avatar_image_id',
        ])
        .where('m.conversation_id', '=', conversationId)
        .where('m.seq', '>', afterSeq);
      if (options.excludeKinds?.length) query = query.where('m.kind', 'not in', options.excludeKinds);
      const rows = await query.orderBy('m.seq', 'asc').limit(limit).execute();
      return rows.map(toMessageWithAvatar);
    },
  };
}

/**
 * Migration `0005_offline_messages` (issue 10): a conversation can be an offline message, left with
 * the widget's form — when, why, and the answers to the site's extra questions (JSON). Null for a
 * live chat; existing rows stay live chats. Portable SQL only.
 */
import type { Kysely, Migration } from 'kysely';

export const offlineMessages: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('conversations').addColumn('offline_at', 'varchar(32)').execute();
    await db.schema.alterTable('conversations').addColumn('offline_reason', 'varchar(16)').execute();
    await db.schema.alterTable('conversations').addColumn('offline_answers', 'text').execute();
  },
};

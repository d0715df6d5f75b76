/** Reading conversations as records: joined with their visitor and their agent's name and avatar. */
import type { ConversationRecord } from '../conversations/store.ts';
import { type Queryable, run } from './db.ts';
import { CONVERSATION_BY_ID } from './hot-sql.ts';
import { type JoinedConversationRow, toConversation } from './records.ts';

/** The joined select, for queries that filter and order it further. */
export function selectConversations(db: Queryable) {
  return db
    .selectFrom('conversations as c')
    .innerJoin('visitors as v', 'v.id', 'c.visitor_id')
    .leftJoin('agents as a', 'a.id', 'c.agent_id')
    .selectAll('c')
    .select([
      'a.name as agent_name',
      'a.avatar_color as agent_avatar_color',
      'a.avatar_image_id as agent_avatar_image_id',
      'v.name as v_name',
      'v.email as v_email',
      'v.verified as v_verified',
      'v.locale as v_locale',
      'v.user_agent as v_user_agent',
      'v.page_url as v_page_url',
      'v.page_title as v_page_title',
      'v.created_at as v_created_at',
      'v.last_seen_at as v_last_seen_at',
    ]);
}

/** One conversation by id (a hot-path statement), inside a transaction or not. */
export async function findConversation(db: Queryable, id: string): Promise<ConversationRecord | null> {
  const [row] = await run<JoinedConversationRow>(db, CONVERSATION_BY_ID, [id]);
  return row ? toConversation(row) : null;
}

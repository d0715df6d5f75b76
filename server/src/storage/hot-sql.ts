/**
 * The statements of the message hot path, written once as portable SQL with `?` placeholders and
 * run without the query builder (building and compiling them cost more than running them).
 * `toPositional` turns `?` into `$1, $2 …` for engines that want numbered parameters.
 */
import type { ConversationState } from '@frontdesk/shared';

const CONVERSATION_COLUMNS = `c.*, a.name AS agent_name, a.avatar_color AS agent_avatar_color,
  a.avatar_image_id AS agent_avatar_image_id, v.name AS v_name, v.email AS v_email,
  v.verified AS v_verified, v.locale AS v_locale, v.user_agent AS v_user_agent, v.page_url AS v_page_url,
  v.page_title AS v_page_title, v.created_at AS v_created_at, v.last_seen_at AS v_last_seen_at`;

export const CONVERSATION_BY_ID = `SELECT ${CONVERSATION_COLUMNS} FROM conversations c
  INNER JOIN visitors v ON v.id = c.visitor_id LEFT JOIN agents a ON a.id = c.agent_id WHERE c.id = ?`;

export const INSERT_MESSAGE = `INSERT INTO messages
  (id, conversation_id, seq, client_id, author, author_name, agent_id, kind, body, meta, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, client_id) DO NOTHING`;

export const MESSAGE_BY_CLIENT_ID = 'SELECT * FROM messages WHERE conversation_id = ? AND client_id = ?';

export type BumpGuards = {
  states?: readonly ConversationState[];
  visitorId?: string;
  siteIds?: readonly string[];
  agentId?: string;
};

const list = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** `UPDATE … SET last_seq = last_seq + 1 … RETURNING last_seq`, with the preview and guards asked for. */
export function bumpSeq(
  conversationId: string,
  at: string,
  preview: { author: string; body: string } | null,
  guards: BumpGuards,
): { sql: string; params: unknown[] } {
  let sql = 'UPDATE conversations SET last_seq = last_seq + 1, updated_at = ?';
  const params: unknown[] = [at];
  if (preview) {
    sql += ', last_message_author = ?, last_message_body = ?, last_message_at = ?';
    params.push(preview.author, preview.body, at);
  }
  sql += ' WHERE id = ?';
  params.push(conversationId);
  if (guards.states) {
    sql += ` AND state IN (${list(guards.states.length)})`;
    params.push(...guards.states);
  }
  if (guards.visitorId !== undefined) {
    sql += ' AND visitor_id = ?';
    params.push(guards.visitorId);
  }
  if (guards.siteIds) {
    sql += ` AND site_id IN (${list(guards.siteIds.length)})`;
    params.push(...guards.siteIds);
  }
  if (guards.agentId !== undefined) {
    sql += ' AND agent_id = ?';
    params.push(guards.agentId);
  }
  return { sql: `${sql} RETURNING last_seq`, params };
}

export function toPositional(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

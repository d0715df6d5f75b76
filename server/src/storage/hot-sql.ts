/**
 * The statements of the message hot path, written once as portable SQL with `?` placeholders and
 * run without the query builder (building and compiling them cost more than running them).
 * `toPositional` turns `?` into `$1, $2 …` for engines that want numbered parameters.
 */
import type { ConversationState } from '@frontdesk/shared';
import type { MessageFact } from '../reports/facts.ts';

const CONVERSATION_COLUMNS = `c.*, a.name AS agent_name, a.avatar_color AS agent_avatar_color,
  a.avatar_image_id AS agent_avatar_image_id, v.name AS v_name, v.email AS v_email,
  v.verified AS v_verified, v.locale AS v_locale, v.user_agent AS v_user_agent, v.page_url AS v_page_url,
  v.page_title AS v_page_title, v.created_at AS v_created_at, v.last_seen_at AS v_last_seen_at`;

export const CONVERSATION_BY_ID = `SELECT ${CONVERSATION_COLUMNS} FROM conversations c
  INNER JOIN visitors v ON v.id = c.visitor_id LEFT JOIN agents a ON a.id = c.agent_id WHERE c.id = ?`;

export const INSERT_MESSAGE = `INSERT INTO messages
  (id, conversation_id, seq, client_id, author, author_name, agent_id, kind, body, meta, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, client_id) DO NOTHING`;

/**
 * A reader's position moved forward only (a lower `seq` leaves it), returned as stored: one statement
 * instead of an upsert and a read, run on every message sent (the writer has read up to it).
 */
export const MARK_READ = `INSERT INTO read_positions (conversation_id, reader_key, reader, agent_id, seq, read_at)
  VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (conversation_id, reader_key) DO UPDATE SET
  seq = CASE WHEN excluded.seq > read_positions.seq THEN excluded.seq ELSE read_positions.seq END,
  read_at = CASE WHEN excluded.seq > read_positions.seq THEN excluded.read_at ELSE read_positions.read_at END
  RETURNING *`;

/** A site's webhooks, oldest first: asked on every stored message (webhook events). */
export const WEBHOOKS_OF_SITE = 'SELECT * FROM webhooks WHERE site_id = ? ORDER BY created_at ASC, id ASC';

export const MESSAGE_BY_CLIENT_ID = 'SELECT * FROM messages WHERE conversation_id = ? AND client_id = ?';

export type BumpGuards = {
  states?: readonly ConversationState[];
  visitorId?: string;
  siteIds?: readonly string[];
  agentId?: string;
};

const list = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** The conversation column that keeps the earliest message of each report fact (issue 15). */
const FACT_COLUMN = { bot: 'first_bot_at', agentReply: 'first_agent_reply_at' } as const;

/**
 * `UPDATE … SET last_seq = last_seq + 1 … RETURNING last_seq`, with the preview and guards asked for,
 * and the report fact the message carries (the earliest instant is kept, in the same statement).
 */
export function bumpSeq(
  conversationId: string,
  at: string,
  preview: { author: string; body: string } | null,
  guards: BumpGuards,
  fact: MessageFact = null,
): { sql: string; params: unknown[] } {
  let sql = 'UPDATE conversations SET last_seq = last_seq + 1, updated_at = ?';
  const params: unknown[] = [at];
  if (preview) {
    sql += ', last_message_author = ?, last_message_body = ?, last_message_at = ?';
    params.push(preview.author, preview.body, at);
  }
  if (fact) {
    const column = FACT_COLUMN[fact];
    sql += `, ${column} = CASE WHEN ${column} IS NULL OR ${column} > ? THEN ? ELSE ${column} END`;
    params.push(at, at);
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

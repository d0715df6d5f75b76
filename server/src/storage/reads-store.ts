/** `ReadsStore` over Kysely (`read_positions`, issue 13): a monotonic upsert and a batch read. */
import type { ReadPosition } from '@frontdesk/shared';
import { type Selectable, sql } from 'kysely';
import type { ReadsStore } from '../live/store.ts';
import type { Db } from './db.ts';
import type { ReadPositionTable } from './schema.ts';

/** One key per reader: the visitor, or `agent:<id>`. */
const readerKey = (reader: ReadPosition['reader'], agentId: string | null) =>
  reader === 'visitor' ? 'visitor' : `agent:${agentId ?? ''}`;

const toPosition = (row: Selectable<ReadPositionTable>): ReadPosition => ({
  conversationId: row.conversation_id,
  reader: row.reader,
  agentId: row.agent_id,
  seq: Number(row.seq),
  readAt: row.read_at,
});

/** Lists of ids are bounded by the callers (a list page); chunked anyway to stay under bind limits. */
const CHUNK = 500;

export function kyselyReadsStore(db: Db): ReadsStore {
  return {
    async markRead(p) {
      const key = readerKey(p.reader, p.agentId);
      const forward = sql<boolean>`excluded.seq > read_positions.seq`;
      await db
        .insertInto('read_positions')
        .values({
          conversation_id: p.conversationId,
          reader_key: key,
          reader: p.reader,
          agent_id: p.reader === 'agent' ? p.agentId : null,
          seq: p.seq,
          read_at: p.readAt,
        })
        .onConflict((oc) =>
          oc.columns(['conversation_id', 'reader_key']).doUpdateSet({
            seq: sql`case when ${forward} then excluded.seq else read_positions.seq end`,
            read_at: sql`case when ${forward} then excluded.read_at else read_positions.read_at end`,
          }),
        )
        .execute();
      const row = await db
        .selectFrom('read_positions')
        .selectAll()
        .where('conversation_id', '=', p.conversationId)
        .where('reader_key', '=', key)
        .executeTakeFirstOrThrow();
      return toPosition(row);
    },
    async listReads(conversationIds) {
      const out: ReadPosition[] = [];
      for (let i = 0; i < conversationIds.length; i += CHUNK) {
        const ids = conversationIds.slice(i, i + CHUNK);
        const rows = await db
          .selectFrom('read_positions')
          .selectAll()
          .where('conversation_id', 'in', ids)
          .orderBy('conversation_id')
          .orderBy('reader_key')
          .execute();
        out.push(...rows.map(toPosition));
      }
      return out;
    },
  };
}

/** `ReadsStore` over Kysely (`read_positions`, issue 13): a monotonic upsert and a batch read. */
import type { ReadPosition } from '@frontdesk/shared';
import type { Selectable } from 'kysely';
import type { NewReadPosition, ReadsStore } from '../live/store.ts';
import { type Db, type Queryable, run } from './db.ts';
import { MARK_READ } from './hot-sql.ts';
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

/** Moves a reader's position forward (never back) and returns it as stored; inside a transaction too. */
export async function upsertReadPosition(db: Queryable, p: NewReadPosition): Promise<ReadPosition> {
  const [row] = await run<Selectable<ReadPositionTable>>(db, MARK_READ, [
    p.conversationId,
    readerKey(p.reader, p.agentId),
    p.reader,
    p.reader === 'agent' ? p.agentId : null,
    p.seq,
    p.readAt,
  ]);
  if (!row) throw new Error('read position upsert returned no row');
  return toPosition(row);
}

export function kyselyReadsStore(db: Db): ReadsStore {
  return {
    markRead: (p) => upsertReadPosition(db, p),
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

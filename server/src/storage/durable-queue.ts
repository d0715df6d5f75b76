/**
 * A table used as a durable work queue (the mail outbox, webhook deliveries): rows wait as `pending`
 * until `next_attempt_at`; a node takes one for an attempt with a conditional update of its row
 * (`attempts` as it read it), which also leases the row until `leaseUntil` — so among several nodes
 * exactly one claim wins, and a node that dies mid-attempt leaves the row due again when the lease
 * ends. Written once here, the same queries on SQLite and PostgreSQL (contract: `contract-queues.ts`).
 */
import type { Kysely, Selectable } from 'kysely';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';

export type QueueTable = 'mail_outbox' | 'webhook_deliveries';

/** The columns every queue table has. */
type QueueRow = { id: string; status: string; attempts: number; next_attempt_at: string | null };

export type DurableQueue<T extends QueueTable> = {
  /** Pending rows due at `now` (leased ones are not), the longest waiting first. */
  due(now: string, limit: number): Promise<Selectable<Database[T]>[]>;
  /** Takes a due row for one attempt, leased until `leaseUntil`: true when this call won it. */
  claim(id: string, attempts: number, leaseUntil: string): Promise<boolean>;
};

export function durableQueue<T extends QueueTable>(db: Db, table: T): DurableQueue<T> {
  // Only the shared columns are touched, so the table is seen through them alone, as one table type.
  const queue = db as unknown as Kysely<{ queue: QueueRow }>;
  const name = table as unknown as 'queue';
  return {
    async due(now, limit) {
      const rows = await queue
        .selectFrom(name)
        .selectAll()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at', 'asc')
        .limit(limit)
        .execute();
      return rows as unknown as Selectable<Database[T]>[];
    },
    async claim(id, attempts, leaseUntil) {
      const result = await queue
        .updateTable(name)
        .set({ attempts: attempts + 1, next_attempt_at: leaseUntil })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('attempts', '=', attempts)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

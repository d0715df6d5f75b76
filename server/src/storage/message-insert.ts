/**
 * Appending one message inside a transaction. Sequence numbers come from `conversations.last_seq`,
 * bumped in the same transaction as the insert: the row update serialises writers per conversation,
 * so `seq` has no gaps and no duplicates.
 */
import { randomUUID } from 'node:crypto';
import type { Message, ReadPosition } from '@frontdesk/shared';
import type { Selectable, Transaction } from 'kysely';
import type { AppendOptions, NewMessage } from '../conversations/store.ts';
import { AppError } from '../kernel/errors.ts';
import { messageFact } from '../reports/facts.ts';
import { execute, now, run } from './db.ts';
import { bumpSeq, INSERT_MESSAGE, MESSAGE_BY_CLIENT_ID } from './hot-sql.ts';
import { upsertReadPosition } from './reads-store.ts';
import { toMessage } from './records.ts';
import type { Database, MessageTable } from './schema.ts';

/** Thrown inside a transaction to roll it back and report what was found instead. */
export class Rollback extends Error {
  constructor(readonly outcome: { type: 'duplicate'; row: Message } | { type: 'skipped' }) {
    super('rollback');
  }
}

/** Kinds that change the conversation's "last message" preview. */
const PREVIEW_KINDS = new Set(['text', 'attachment']);

/** Bumps `last_seq` and inserts; must run inside a transaction. Throws `Rollback` when it does not apply. */
export async function insertMessage(
  trx: Transaction<Database>,
  input: NewMessage,
  options?: AppendOptions,
): Promise<{ message: Message; read?: ReadPosition }> {
  const at = now();
  if (options?.requireSiteIds?.length === 0) throw new Rollback({ type: 'skipped' });
  const preview = PREVIEW_KINDS.has(input.kind)
    ? { author: input.author, body: input.body.slice(0, 300) }
    : null;
  const bump = bumpSeq(
    input.conversationId,
    at,
    preview,
    {
      states: options?.requireStates,
      visitorId: options?.requireVisitorId,
      siteIds: options?.requireSiteIds,
      agentId: options?.requireAgentId,
    },
    messageFact(input.author, input.kind),
  );
  const [bumped] = await run<{ last_seq: number }>(trx, bump.sql, bump.params);
  if (!bumped) throw new Rollback({ type: 'skipped' });
  const row = {
    id: randomUUID(),
    conversation_id: input.conversationId,
    seq: Number(bumped.last_seq),
    client_id: input.clientId,
    author: input.author,
    author_name: input.authorName,
    agent_id: input.agentId,
    kind: input.kind,
    body: input.body,
    meta: input.meta ? JSON.stringify(input.meta) : null,
    created_at: at,
  };
  // A retried clientId hits the unique key: nothing is inserted and the bump is rolled back.
  const inserted = await execute(trx, INSERT_MESSAGE, [
    row.id,
    row.conversation_id,
    row.seq,
    row.client_id,
    row.author,
    row.author_name,
    row.agent_id,
    row.kind,
    row.body,
    row.meta,
    row.created_at,
  ]);
  if (Number(inserted.numAffectedRows ?? 0n) !== 1) {
    const [existing] = await run<Selectable<MessageTable>>(trx, MESSAGE_BY_CLIENT_ID, [
      input.conversationId,
      input.clientId,
    ]);
    if (!existing) throw new AppError('internal', 'message insert failed without a conflicting row');
    throw new Rollback({ type: 'duplicate', row: toMessage(existing) });
  }
  const message = toMessage(row);
  const mark = options?.markWriterRead;
  if (!mark) return { message };
  const read = await upsertReadPosition(trx, {
    conversationId: input.conversationId,
    seq: message.seq,
    ...mark,
  });
  return { message, read };
}

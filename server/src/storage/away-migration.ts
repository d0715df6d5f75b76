/**
 * Migration `0041_agent_away` (issue 14, away persisted): whether the agent chose Away (1) or not (0).
 * Kept on the agent so that it survives reconnects and restarts, and so that automatic routing on
 * every node reads the same answer. Portable SQL only.
 */
import type { Kysely, Migration } from 'kysely';

export const agentAway: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable('agents')
      .addColumn('away', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },
};

/**
 * Migration `0042_agent_offline` (issue 14, durable offline return): when the agent went offline (null
 * while they are connected) and until when a node has claimed returning their conversations, so that
 * any node's sweep returns them after the site's grace and only one does it at a time.
 */
export const agentOffline: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('agents').addColumn('offline_since', 'varchar(32)').execute();
    await db.schema.alterTable('agents').addColumn('offline_claimed_until', 'varchar(32)').execute();
  },
};

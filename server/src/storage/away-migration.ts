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

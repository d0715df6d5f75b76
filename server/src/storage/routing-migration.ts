/**
 * Migration `0040_routing` (issue 14): teams of agents per site, the team a conversation waits for,
 * each agent's own capacity (null: the site's default) and when they were last given a conversation
 * (the round-robin order, written in the same transaction as the assignment). Portable SQL only.
 */
import type { Kysely, Migration } from 'kysely';

export const routing: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('teams')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('site_id', 'varchar(64)', (c) => c.notNull().references('sites.id').onDelete('cascade'))
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addUniqueConstraint('teams_site_name', ['site_id', 'name'])
      .execute();
    await db.schema
      .createTable('team_members')
      .addColumn('team_id', 'varchar(64)', (c) => c.notNull().references('teams.id').onDelete('cascade'))
      .addColumn('agent_id', 'varchar(64)', (c) => c.notNull().references('agents.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'agent_id'])
      .execute();
    await db.schema.createIndex('team_members_agent').on('team_members').column('agent_id').execute();
    await db.schema.alterTable('agents').addColumn('capacity', 'integer').execute();
    await db.schema.alterTable('agents').addColumn('last_assigned_at', 'varchar(32)').execute();
    await db.schema
      .alterTable('conversations')
      .addColumn('team_id', 'varchar(64)', (c) => c.references('teams.id').onDelete('set null'))
      .execute();
    // The load of an agent (assigned conversations) is counted on every assignment.
    await db.schema
      .createIndex('conversations_agent_state')
      .on('conversations')
      .columns(['agent_id', 'state'])
      .execute();
  },
};

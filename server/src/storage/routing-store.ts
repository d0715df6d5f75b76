/** `RoutingStore` over Kysely (issue 14): teams, capacities and the atomic, capacity-checked assignment. */
import { randomUUID } from 'node:crypto';
import type { Message, Team } from '@frontdesk/shared';
import { AppError } from '../kernel/errors.ts';
import type { AssignResult, RoutingStore } from '../routing/store.ts';
import { findConversation, selectConversations } from './conversation-rows.ts';
import { patchColumns } from './conversations-store.ts';
import { type Db, now, type Queryable } from './db.ts';
import { insertMessage } from './message-insert.ts';
import { type JoinedConversationRow, toConversation } from './records.ts';

/** Thrown inside the assignment transaction to roll it back. */
class Refused extends Error {
  constructor(readonly outcome: Exclude<AssignResult, { status: 'assigned' }>) {
    super(outcome.status);
  }
}

async function teamsWhere(db: Queryable, where: { siteId: string } | { teamId: string }): Promise<Team[]> {
  let q = db.selectFrom('teams').selectAll();
  q = 'siteId' in where ? q.where('site_id', '=', where.siteId) : q.where('id', '=', where.teamId);
  const teams = await q.orderBy('name').orderBy('id').execute();
  if (teams.length === 0) return [];
  const members = await db
    .selectFrom('team_members')
    .select(['team_id', 'agent_id'])
    .where(
      'team_id',
      'in',
      teams.map((t) => t.id),
    )
    .orderBy('agent_id')
    .execute();
  return teams.map((t) => ({
    id: t.id,
    siteId: t.site_id,
    name: t.name,
    agentIds: members.filter((m) => m.team_id === t.id).map((m) => m.agent_id),
  }));
}

async function setMembers(db: Queryable, teamId: string, agentIds: readonly string[]) {
  await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
  if (agentIds.length > 0)
    await db
      .insertInto('team_members')
      .values(agentIds.map((agent_id) => ({ team_id: teamId, agent_id })))
      .execute();
}

async function loadOf(db: Queryable, agentId: string): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('agent_id', '=', agentId)
    .where('state', '=', 'assigned')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function kyselyRoutingStore(db: Db): RoutingStore {
  const getTeam = async (teamId: string) => (await teamsWhere(db, { teamId }))[0] ?? null;
  return {
    listTeams: (siteId) => teamsWhere(db, { siteId }),
    getTeam,
    async createTeam(input) {
      const id = randomUUID();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('teams')
          .values({ id, site_id: input.siteId, name: input.name, created_at: now() })
          .execute();
        await setMembers(trx, id, input.agentIds);
      });
      const team = await getTeam(id);
      if (!team) throw new AppError('internal', 'team vanished after insert');
      return team;
    },
    async updateTeam(teamId, input) {
      const found = await db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('teams')
          .set({ name: input.name })
          .where('id', '=', teamId)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) return false;
        await setMembers(trx, teamId, input.agentIds);
        return true;
      });
      return found ? getTeam(teamId) : null;
    },
    async deleteTeam(teamId) {
      const deleted = await db.transaction().execute(async (trx) => {
        // Conversations waiting for the team wait for anyone of the site again.
        await trx.updateTable('conversations').set({ team_id: null }).where('team_id', '=', teamId).execute();
        await trx.deleteFrom('team_members').where('team_id', '=', teamId).execute();
        return trx.deleteFrom('teams').where('id', '=', teamId).executeTakeFirst();
      });
      return Number(deleted.numDeletedRows) === 1;
    },
    async routingAgents(siteId) {
      const rows = await db
        .selectFrom('agents as a')
        .innerJoin('agent_sites as s', 's.agent_id', 'a.id')
        .select((eb) => [
          'a.id',
          'a.name',
          'a.capacity',
          'a.last_assigned_at',
          'a.away',
          eb
            .selectFrom('conversations as c')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('c.agent_id', '=', 'a.id')
            .where('c.state', '=', 'assigned')
            .as('load'),
        ])
        .where('s.site_id', '=', siteId)
        .where('a.disabled', '=', 0)
        .orderBy('a.name')
        .orderBy('a.id')
        .execute();
      return rows.map((r) => ({
        agentId: r.id,
        name: r.name,
        capacity: r.capacity === null || r.capacity === undefined ? null : Number(r.capacity),
        lastAssignedAt: r.last_assigned_at ?? null,
        away: Number(r.away) === 1,
        load: Number(r.load ?? 0),
      }));
    },
    async setAgentCapacity(agentId, capacity) {
      await db.updateTable('agents').set({ capacity }).where('id', '=', agentId).execute();
    },
    async agentAway(agentId) {
      const row = await db.selectFrom('agents').select('away').where('id', '=', agentId).executeTakeFirst();
      return Number(row?.away ?? 0) === 1;
    },
    async setAgentAway(agentId, away) {
      await db
        .updateTable('agents')
        .set({ away: away ? 1 : 0 })
        .where('id', '=', agentId)
        .execute();
    },
    async markAgentOffline(agentId, at) {
      await db
        .updateTable('agents')
        .set({ offline_since: at })
        .where('id', '=', agentId)
        .where('offline_since', 'is', null)
        .execute();
    },
    async clearAgentOffline(agentId) {
      await db
        .updateTable('agents')
        .set({ offline_since: null, offline_claimed_until: null })
        .where('id', '=', agentId)
        .where('offline_since', 'is not', null)
        .execute();
    },
    async agentOfflineSince(agentId) {
      const row = await db
        .selectFrom('agents')
        .select('offline_since')
        .where('id', '=', agentId)
        .executeTakeFirst();
      return row?.offline_since ?? null;
    },
    async offlineAgentsWithWork(limit) {
      const rows = await db
        .selectFrom('agents as a')
        .select(['a.id', 'a.offline_since'])
        .where('a.offline_since', 'is not', null)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('conversations as c')
              .select('c.id')
              .whereRef('c.agent_id', '=', 'a.id')
              .where('c.state', '=', 'assigned'),
          ),
        )
        .orderBy('a.offline_since')
        .orderBy('a.id')
        .limit(limit)
        .execute();
      return rows.flatMap((r) => (r.offline_since ? [{ agentId: r.id, offlineSince: r.offline_since }] : []));
    },
    async claimOfflineReturn(agentId, offlineSince, at, until) {
      // One conditional update: the database lets exactly one of concurrent claimers change the row.
      const claimed = await db
        .updateTable('agents')
        .set({ offline_claimed_until: until })
        .where('id', '=', agentId)
        .where('offline_since', '=', offlineSince)
        .where((eb) =>
          eb.or([eb('offline_claimed_until', 'is', null), eb('offline_claimed_until', '<=', at)]),
        )
        .executeTakeFirst();
      return Number(claimed.numUpdatedRows) === 1;
    },
    async endOfflineClaim(agentId, until) {
      await db
        .updateTable('agents')
        .set({ offline_claimed_until: null })
        .where('id', '=', agentId)
        .where('offline_claimed_until', '=', until)
        .execute();
    },
    async assignWithinCapacity(input) {
      try {
        return await db.transaction().execute(async (trx) => {
          // Written first: the agent's row lock makes concurrent assignments to them take turns, and
          // the load counted below then includes every assignment committed before.
          const touched = await trx
            .updateTable('agents')
            .set({ last_assigned_at: input.at })
            .where('id', '=', input.agentId)
            .executeTakeFirst();
          if (Number(touched.numUpdatedRows) !== 1) throw new Refused({ status: 'full' });
          if ((await loadOf(trx, input.agentId)) >= input.capacity) throw new Refused({ status: 'full' });
          const updated = await trx
            .updateTable('conversations')
            .set({
              version: input.expectedVersion + 1,
              updated_at: input.at,
              ...patchColumns(input.patch),
            })
            .where('id', '=', input.conversationId)
            .where('version', '=', input.expectedVersion)
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) !== 1) throw new Refused({ status: 'stale' });
          const messages: Message[] = [];
          for (const m of [...(input.event ? [input.event] : []), ...(input.extra ?? [])])
            messages.push((await insertMessage(trx, m)).message);
          const conversation = await findConversation(trx, input.conversationId);
          if (!conversation) throw new AppError('internal', 'conversation vanished during assignment');
          return { status: 'assigned' as const, conversation, messages };
        });
      } catch (error) {
        if (error instanceof Refused) return error.outcome;
        throw error;
      }
    },
    async listAssignedTo(agentId, limit) {
      const rows = await selectConversations(db)
        .where('c.agent_id', '=', agentId)
        .where('c.state', '=', 'assigned')
        .orderBy('c.updated_at', 'asc')
        .limit(limit)
        .execute();
      return rows.map((row) => toConversation(row as JoinedConversationRow));
    },
  };
}

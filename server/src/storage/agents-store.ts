/** `AgentsStore` over Kysely: `agents` and `agent_sites`. */
import { randomUUID } from 'node:crypto';
import type { AgentPatch, AgentsStore } from '../identity/store.ts';
import { type Db, now } from './db.ts';
import { toAgent, toSite } from './records.ts';

export function kyselyAgentsStore(db: Db): AgentsStore {
  const getAgent = async (id: string) => {
    const row = await db.selectFrom('agents').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAgent(row) : null;
  };
  return {
    getAgent,
    async createAgent(input) {
      const row = {
        id: randomUUID(),
        email: input.email,
        name: input.name,
        role: input.role,
        password_hash: input.passwordHash,
        disabled: 0,
        avatar_color: null,
        avatar_image_id: null,
        must_change_password: input.mustChangePassword ? 1 : 0,
        created_at: now(),
        // Issue 14 (routing): the site's default capacity, never assigned yet.
        capacity: null,
        last_assigned_at: null,
        // Issue 14 (away persisted): a new agent has not chosen Away.
        away: 0,
        offline_since: null,
        offline_claimed_until: null,
      };
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('agents').values(row).execute();
        if (input.siteIds.length > 0) {
          await trx
            .insertInto('agent_sites')
            .values(input.siteIds.map((site_id) => ({ agent_id: row.id, site_id })))
            .execute();
        }
      });
      return toAgent(row);
    },
    async getAgentByEmail(email) {
      const row = await db.selectFrom('agents').selectAll().where('email', '=', email).executeTakeFirst();
      return row ? toAgent(row) : null;
    },
    async countAgents() {
      const row = await db
        .selectFrom('agents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async listAgentSiteIds(agentId) {
      const rows = await db
        .selectFrom('agent_sites')
        .select('site_id')
        .where('agent_id', '=', agentId)
        .execute();
      return rows.map((r) => r.site_id);
    },
    async listSitesOfAgent(agentId) {
      const rows = await db
        .selectFrom('sites')
        .innerJoin('agent_sites', 'agent_sites.site_id', 'sites.id')
        .selectAll('sites')
        .where('agent_sites.agent_id', '=', agentId)
        .orderBy('sites.name')
        .execute();
      return rows.map(toSite);
    },
    async updateAgent(id: string, patch: AgentPatch) {
      const set = {
        ...(patch.name !== undefined && { name: patch.name }),
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.passwordHash !== undefined && { password_hash: patch.passwordHash }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled ? 1 : 0 }),
        ...(patch.avatarColor !== undefined && { avatar_color: patch.avatarColor }),
        ...(patch.avatarImageId !== undefined && { avatar_image_id: patch.avatarImageId }),
        ...(patch.mustChangePassword !== undefined && {
          must_change_password: patch.mustChangePassword ? 1 : 0,
        }),
      };
      if (Object.keys(set).length > 0) await db.updateTable('agents').set(set).where('id', '=', id).execute();
      return getAgent(id);
    },
    async listAgents() {
      const rows = await db.selectFrom('agents').selectAll().orderBy('email').execute();
      return rows.map(toAgent);
    },
    async setAgentSites(agentId, siteIds) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('agent_sites').where('agent_id', '=', agentId).execute();
        if (siteIds.length > 0) {
          await trx
            .insertInto('agent_sites')
            .values(siteIds.map((site_id) => ({ agent_id: agentId, site_id })))
            .execute();
        }
      });
    },
    async countActiveAdmins() {
      const row = await db
        .selectFrom('agents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('role', '=', 'admin')
        .where('disabled', '=', 0)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

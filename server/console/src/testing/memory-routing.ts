/**
 * Issue 14, tests only: the routing half of the in-memory client with the server's rules — bodies
 * through the real schemas, only admins change, unknown sites are `not_found`, team names unique.
 */
import {
  type AckResult,
  type AgentProfile,
  DEFAULT_ROUTING_SETTINGS,
  type RoutingOverview,
  type Team,
} from '@frontdesk/shared';
import { RoutingSettingsSchema, TeamInputSchema } from '@frontdesk/shared/routing-schemas';
import { v } from '@frontdesk/shared/schemas';
import type { RoutingApi } from '../routing/api.ts';

const fail = (code: 'not_found' | 'forbidden' | 'bad_request' | 'conflict', message: string) =>
  ({ ok: false, error: { code, message } }) as const;

export function createMemoryRoutingApi(agent: AgentProfile) {
  const overviews = new Map<string, RoutingOverview>();
  const teams = new Map<string, Team[]>();
  let counter = 0;
  const known = (siteId: string) => agent.sites.some((s) => s.id === siteId);
  const overviewOf = (siteId: string): RoutingOverview =>
    overviews.get(siteId) ?? {
      settings: DEFAULT_ROUTING_SETTINGS,
      agents: [{ agentId: agent.id, name: agent.name, capacity: null, load: 0 }],
    };
  const guard = (siteId: string, change: boolean) =>
    !known(siteId)
      ? fail('not_found', 'site not found')
      : change && agent.role !== 'admin'
        ? fail('forbidden', 'admins only')
        : null;
  const api: RoutingApi = {
    async getRouting(siteId) {
      return guard(siteId, false) ?? { ok: true, data: overviewOf(siteId) };
    },
    async saveRouting(siteId, settings) {
      const refused = guard(siteId, true);
      if (refused) return refused;
      const parsed = v.safeParse(RoutingSettingsSchema, settings);
      if (!parsed.success) return fail('bad_request', parsed.issues[0].message);
      const next = { ...overviewOf(siteId), settings: parsed.output };
      overviews.set(siteId, next);
      return { ok: true, data: next };
    },
    async saveCapacity(siteId, agentId, capacity) {
      const refused = guard(siteId, true);
      if (refused) return refused;
      const current = overviewOf(siteId);
      const next = {
        ...current,
        agents: current.agents.map((a) => (a.agentId === agentId ? { ...a, capacity } : a)),
      };
      overviews.set(siteId, next);
      return { ok: true, data: next };
    },
    async listTeams(siteId) {
      return guard(siteId, false) ?? { ok: true, data: teams.get(siteId) ?? [] };
    },
    async createTeam(siteId, input): Promise<AckResult<Team>> {
      const refused = guard(siteId, true);
      if (refused) return refused;
      const parsed = v.safeParse(TeamInputSchema, input);
      if (!parsed.success) return fail('bad_request', parsed.issues[0].message);
      const list = teams.get(siteId) ?? [];
      if (list.some((t) => t.name === parsed.output.name)) return fail('conflict', 'exists');
      const team = { id: `team-${++counter}`, siteId, ...parsed.output };
      teams.set(siteId, [...list, team]);
      return { ok: true, data: team };
    },
    async saveTeam(siteId, teamId, input): Promise<AckResult<Team>> {
      const refused = guard(siteId, true);
      if (refused) return refused;
      const parsed = v.safeParse(TeamInputSchema, input);
      if (!parsed.success) return fail('bad_request', parsed.issues[0].message);
      const list = teams.get(siteId) ?? [];
      const found = list.find((t) => t.id === teamId);
      if (!found) return fail('not_found', 'team not found');
      const team = { ...found, ...parsed.output };
      teams.set(
        siteId,
        list.map((t) => (t.id === teamId ? team : t)),
      );
      return { ok: true, data: team };
    },
    async deleteTeam(siteId, teamId) {
      const refused = guard(siteId, true);
      if (refused) return refused;
      const list = teams.get(siteId) ?? [];
      if (!list.some((t) => t.id === teamId)) return fail('not_found', 'team not found');
      teams.set(
        siteId,
        list.filter((t) => t.id !== teamId),
      );
      return { ok: true, data: null };
    },
  };
  return { api, overviews, teams };
}

/**
 * Issue 14 (routing): what an admin changes — a site's routing settings, an agent's capacity, the
 * site's teams (members must be agents of the site) — and what every agent of the site may read.
 */
import type { RoutingOverview, RoutingSettings, Team } from '@frontdesk/shared';
import { ROUTING_LIMITS } from '@frontdesk/shared';
import type { TeamInput } from '@frontdesk/shared/routing-schemas';
import { AppError } from '../kernel/errors.ts';
import type { Site, SitesStore } from '../sites/store.ts';
import type { RoutingStore } from './store.ts';

export type RoutingAdminDeps = {
  store: Pick<SitesStore, 'updateSite'> & RoutingStore;
  /** A site's queue may move now (mode switched to automatic, capacity raised). */
  queueChanged(siteId: string): void;
};

export class RoutingAdmin {
  constructor(private readonly deps: RoutingAdminDeps) {}

  async overview(site: Site): Promise<RoutingOverview> {
    const agents = await this.deps.store.routingAgents(site.id);
    return {
      settings: site.settings.routing,
      agents: agents.map((a) => ({ agentId: a.agentId, name: a.name, capacity: a.capacity, load: a.load })),
    };
  }

  async updateSettings(site: Site, routing: RoutingSettings): Promise<RoutingOverview> {
    const updated = await this.deps.store.updateSite(site.id, { settings: { ...site.settings, routing } });
    if (!updated) throw new AppError('not_found', 'site not found');
    this.deps.queueChanged(site.id);
    return this.overview(updated);
  }

  async setCapacity(site: Site, agentId: string, capacity: number | null): Promise<RoutingOverview> {
    await this.memberOf(site, [agentId]);
    await this.deps.store.setAgentCapacity(agentId, capacity);
    this.deps.queueChanged(site.id);
    return this.overview(site);
  }

  listTeams(site: Site): Promise<Team[]> {
    return this.deps.store.listTeams(site.id);
  }

  async createTeam(site: Site, input: TeamInput): Promise<Team> {
    const teams = await this.deps.store.listTeams(site.id);
    if (teams.length >= ROUTING_LIMITS.teamsPerSiteMax)
      throw new AppError('limit_reached', `at most ${ROUTING_LIMITS.teamsPerSiteMax} teams per site`);
    if (teams.some((t) => t.name.toLowerCase() === input.name.toLowerCase()))
      throw new AppError('conflict', 'a team of that name already exists');
    await this.memberOf(site, input.agentIds);
    return this.deps.store.createTeam({ siteId: site.id, ...input });
  }

  async updateTeam(site: Site, teamId: string, input: TeamInput): Promise<Team> {
    const teams = await this.deps.store.listTeams(site.id);
    if (!teams.some((t) => t.id === teamId)) throw new AppError('not_found', 'team not found');
    if (teams.some((t) => t.id !== teamId && t.name.toLowerCase() === input.name.toLowerCase()))
      throw new AppError('conflict', 'a team of that name already exists');
    await this.memberOf(site, input.agentIds);
    const team = await this.deps.store.updateTeam(teamId, input);
    if (!team) throw new AppError('not_found', 'team not found');
    this.deps.queueChanged(site.id);
    return team;
  }

  async deleteTeam(site: Site, teamId: string): Promise<void> {
    const team = await this.deps.store.getTeam(teamId);
    if (!team || team.siteId !== site.id || !(await this.deps.store.deleteTeam(teamId)))
      throw new AppError('not_found', 'team not found');
    this.deps.queueChanged(site.id);
  }

  private async memberOf(site: Site, agentIds: readonly string[]) {
    const ofSite = new Set((await this.deps.store.routingAgents(site.id)).map((a) => a.agentId));
    if (agentIds.some((id) => !ofSite.has(id)))
      throw new AppError('bad_request', 'not an agent of this site');
  }
}

/** Issue 14 (routing): a site's routing settings, agent capacities and teams over HTTP. */
import {
  type AckResult,
  API,
  type RoutingOverview,
  type RoutingSettings,
  type Team,
} from '@frontdesk/shared';
import { parseWith } from '@frontdesk/shared/responses';
import { RoutingOverviewSchema, TeamSchema, TeamsSchema } from '@frontdesk/shared/routing-responses';
import type { TeamInput } from '@frontdesk/shared/routing-schemas';
import { type Http, nothing } from '../shared/http.ts';

export type RoutingApi = {
  getRouting(siteId: string): Promise<AckResult<RoutingOverview>>;
  saveRouting(siteId: string, settings: RoutingSettings): Promise<AckResult<RoutingOverview>>;
  saveCapacity(siteId: string, agentId: string, capacity: number | null): Promise<AckResult<RoutingOverview>>;
  listTeams(siteId: string): Promise<AckResult<Team[]>>;
  createTeam(siteId: string, input: TeamInput): Promise<AckResult<Team>>;
  saveTeam(siteId: string, teamId: string, input: TeamInput): Promise<AckResult<Team>>;
  deleteTeam(siteId: string, teamId: string): Promise<AckResult<null>>;
};

const readOverview = parseWith(RoutingOverviewSchema);
const readTeam = parseWith(TeamSchema);
const readTeams = parseWith(TeamsSchema);

export const createRoutingApi = (http: Http): RoutingApi => ({
  getRouting: (siteId) => http.get(API.routing(siteId), readOverview),
  saveRouting: (siteId, settings) => http.send('PUT', API.routing(siteId), settings, readOverview),
  saveCapacity: (siteId, agentId, capacity) =>
    http.send('PUT', API.agentCapacity(siteId, agentId), { capacity }, readOverview),
  listTeams: (siteId) => http.get(API.teams(siteId), readTeams),
  createTeam: (siteId, input) => http.send('POST', API.teams(siteId), input, readTeam),
  saveTeam: (siteId, teamId, input) => http.send('PUT', API.team(siteId, teamId), input, readTeam),
  deleteTeam: (siteId, teamId) => http.send('DELETE', API.team(siteId, teamId), undefined, nothing),
});

/**
 * Reports (issue 15): the people tables — per agent and per team — folded from what the database
 * counted per agent. Pure: a team's counts are the sums over its members (each conversation has one
 * agent, so nothing is counted twice within a team); its durations come from the database, which
 * ranks the members' durations together (a median is not a sum of medians).
 */
import type { ReportAgentRow, ReportTeamRow } from '@frontdesk/shared/reports';
import type { ReportAgentFigures, ReportTeamFigures } from './store.ts';

const csat = (ratings: number, ratingSum: number) => ({
  count: ratings,
  average: ratings === 0 ? null : ratingSum / ratings,
});

/** Agents by conversations taken (most first), then by name. */
export function agentRows(agents: readonly ReportAgentFigures[]): ReportAgentRow[] {
  return agents
    .map(({ ratings, ratingSum, ...agent }) => ({ ...agent, csat: csat(ratings, ratingSum) }))
    .sort((a, b) => b.assigned - a.assigned || a.name.localeCompare(b.name));
}

/** Every team (in the order given: by name), its counts summed over the members who took conversations. */
export function teamRows(
  teams: readonly ReportTeamFigures[],
  agents: readonly ReportAgentFigures[],
): ReportTeamRow[] {
  const byId = new Map(agents.map((a) => [a.agentId, a]));
  return teams.map((team) => {
    let assigned = 0;
    let resolved = 0;
    let ratings = 0;
    let ratingSum = 0;
    for (const id of new Set(team.agentIds)) {
      const agent = byId.get(id);
      if (!agent) continue;
      assigned += agent.assigned;
      resolved += agent.resolved;
      ratings += agent.ratings;
      ratingSum += agent.ratingSum;
    }
    return {
      teamId: team.teamId,
      name: team.name,
      members: new Set(team.agentIds).size,
      assigned,
      resolved,
      firstResponse: team.firstResponse,
      resolution: team.resolution,
      csat: csat(ratings, ratingSum),
    };
  });
}

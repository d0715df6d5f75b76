/**
 * Reports on the command line (issue 15):
 *   reports:seed --count N [--site KEY] [--days 365]   adds N past conversations over the last days
 *   reports:time [--site KEY] [--from D --to D] [--runs 9]   times the whole report (default: the last 365 days)
 */

import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { REPORT_LIMITS, ReportQuerySchema } from '@frontdesk/shared/reports';
import { median, seedInBatches, siteOfKey, timeRuns, wholeNumber } from '../kernel/timing.ts';
import { parse } from '../kernel/validate.ts';
import { DEMO_SITE_KEY } from '../sites/embedding.ts';
import type { Storage } from '../storage/index.ts';
import { seedHistory } from './seed.ts';
import { createReports, siteTimeZone } from './service.ts';
import type { HistoricConversation } from './store.ts';

export const REPORTS_USAGE = `  pnpm frontdesk reports:seed --count 100000 [--site ${DEMO_SITE_KEY}] [--days 365]   (past conversations for measuring)
  pnpm frontdesk reports:time [--site KEY] [--from YYYY-MM-DD --to YYYY-MM-DD] [--runs 9]   (times the report)`;

const BATCH = 1000;

type Deps = { storage: Storage; out: (line: string) => void; now?: () => number };

/** The site's agents, or three disabled seed agents (they cannot sign in) when it has none. */
async function agentsFor(storage: Storage, siteId: string): Promise<string[]> {
  const ids: string[] = [];
  for (const agent of await storage.listAgents()) {
    if ((await storage.listSitesOfAgent(agent.id)).some((s) => s.id === siteId)) ids.push(agent.id);
  }
  if (ids.length > 0) return ids;
  for (const name of ['Ada Seed', 'Bolek Seed', 'Cyryl Seed']) {
    const agent = await storage.createAgent({
      email: `${name.toLowerCase().replace(' ', '.')}.${randomBytes(3).toString('hex')}@seed.invalid`,
      name,
      role: 'agent',
      passwordHash: 'seed-agent-cannot-sign-in',
      siteIds: [siteId],
    });
    await storage.updateAgent(agent.id, { disabled: true });
    ids.push(agent.id);
  }
  return ids;
}

export async function runReportsCommand(command: string, args: string[], deps: Deps): Promise<number> {
  const { storage, out } = deps;
  const now = deps.now ?? Date.now;
  const { values } = parseArgs({
    args,
    options: {
      site: { type: 'string', default: DEMO_SITE_KEY },
      count: { type: 'string' },
      days: { type: 'string' },
      runs: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  const site = await siteOfKey(
    storage,
    values.site ?? DEMO_SITE_KEY,
    'start the server once to create the demo site',
  );
  if (command === 'reports:seed') {
    const count = wholeNumber('count', values.count, 10_000_000, 1000);
    const days = wholeNumber('days', values.days, 3660, 365);
    const agentIds = await agentsFor(storage, site.id);
    // Ids continue after an earlier seed of the same site, so seeding twice adds rather than clashes.
    const offset = Math.floor(now() / 1000) * 10;
    const options = { endMs: now(), days, agentIds };
    // Each conversation comes from its own seed (`seedHistory`), so one at a time is the same history.
    const one = (i: number): HistoricConversation[] => [...seedHistory(offset + i, 1, options)];
    const took = await seedInBatches(
      count,
      BATCH,
      one,
      (batch) => storage.insertHistory(site.id, batch.flat()),
      (done) => {
        if (done % (BATCH * 10) === 0) out(`${done} conversations…`);
      },
    );
    out(`Seeded ${count} conversations over ${days} days into ${site.key} in ${took} s.`);
    return 0;
  }
  const runs = wholeNumber('runs', values.runs, 1000, 9);
  const zone = siteTimeZone(site.settings);
  const today = new Date(now()).toISOString().slice(0, 10);
  const yearAgo = new Date(now() - (REPORT_LIMITS.maxRangeDays - 2) * 86_400_000).toISOString().slice(0, 10);
  const query = parse(ReportQuerySchema, { from: values.from ?? yearAgo, to: values.to ?? today });
  const reports = createReports(storage);
  const { ms: timings, last: report } = await timeRuns(runs, () =>
    reports.report({ id: site.id, timeZone: zone }, query),
  );
  out(
    `Report of ${site.key} ${query.from} … ${query.to} (${zone}): ${report.summary.conversations} conversations.`,
  );
  out(`runs: ${timings.map((ms) => ms.toFixed(0)).join(' ')} ms`);
  out(`median: ${median(timings).toFixed(0)} ms over ${runs} runs`);
  return 0;
}

/**
 * Reports on the command line (issue 15):
 *   reports:seed --count N [--site KEY] [--days 365]   adds N past conversations over the last days
 *   reports:time [--site KEY] [--from D --to D] [--runs 9]   times the whole report (default: the last 365 days)
 */

import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { REPORT_LIMITS, ReportQuerySchema } from '@frontdesk/shared/reports';
import { AppError } from '../kernel/errors.ts';
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

const whole = (name: string, raw: string | undefined, fallback: number, max: number) => {
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new AppError('bad_request', `--${name} must be a whole number from 1 to ${max}`);
  return value;
};

/** The median of a few timings (the middle one; the lower middle for an even count). */
export const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? 0;

async function siteOf(storage: Storage, key: string) {
  const site = await storage.getSiteByKey(key);
  if (!site)
    throw new AppError(
      'not_found',
      `no site with key "${key}" (start the server once to create the demo site)`,
    );
  return site;
}

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
  const site = await siteOf(storage, values.site ?? DEMO_SITE_KEY);
  if (command === 'reports:seed') {
    const count = whole('count', values.count, 1000, 10_000_000);
    const days = whole('days', values.days, 365, 3660);
    const agentIds = await agentsFor(storage, site.id);
    // Ids continue after an earlier seed of the same site, so seeding twice adds rather than clashes.
    const offset = Math.floor(now() / 1000) * 10;
    const started = performance.now();
    const options = { endMs: now(), days, agentIds };
    for (let done = 0; done < count; done += BATCH) {
      const batch: HistoricConversation[] = [
        ...seedHistory(offset + done, Math.min(BATCH, count - done), options),
      ];
      await storage.insertHistory(site.id, batch);
      if ((done / BATCH) % 10 === 9) out(`${done + batch.length} conversations…`);
    }
    out(
      `Seeded ${count} conversations over ${days} days into ${site.key} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  }
  const runs = whole('runs', values.runs, 9, 1000);
  const zone = siteTimeZone(site.settings);
  const today = new Date(now()).toISOString().slice(0, 10);
  const yearAgo = new Date(now() - (REPORT_LIMITS.maxRangeDays - 2) * 86_400_000).toISOString().slice(0, 10);
  const query = parse(ReportQuerySchema, { from: values.from ?? yearAgo, to: values.to ?? today });
  const reports = createReports(storage);
  const timings: number[] = [];
  let conversations = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const report = await reports.report({ id: site.id, timeZone: zone }, query);
    timings.push(performance.now() - started);
    conversations = report.summary.conversations;
  }
  out(`Report of ${site.key} ${query.from} … ${query.to} (${zone}): ${conversations} conversations.`);
  out(`runs: ${timings.map((ms) => ms.toFixed(0)).join(' ')} ms`);
  out(`median: ${median(timings).toFixed(0)} ms over ${runs} runs`);
  return 0;
}

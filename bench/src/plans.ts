/** The two run sizes: `--quick` (under 2 minutes) and the full run (under 10 minutes on 2 cores). */
import type { ServerPlan } from './server-load.ts';

/**
 * `scaleOut`: the reduced plan of Frontdesk on PostgreSQL and on two nodes (PostgreSQL + Redis) — the
 * largest size only, two steady rates and the saturation ramp; no memory measurement.
 */
export type Plan = {
  server: ServerPlan;
  scaleOut: ServerPlan;
  hostRuns: number;
  settleMs: number;
  bot: boolean;
};

const TOPOLOGY = { chatsPerAgent: 5, agentsPerSite: 4 };

export const PLANS: Record<'quick' | 'full', Plan> = {
  quick: {
    server: {
      sizes: [1000],
      rates: [500, 2000],
      warmupMs: 1000,
      measureMs: 3000,
      drainMs: 20_000,
      rampRates: [500, 1000, 1500, 2500, 4000, 6000],
      rampMeasureMs: 2000,
      topology: TOPOLOGY,
      idleSockets: 1000,
    },
    scaleOut: {
      sizes: [1000],
      rates: [500, 2000],
      warmupMs: 1000,
      measureMs: 3000,
      drainMs: 20_000,
      rampRates: [500, 1000, 1500, 2500, 4000, 6000],
      rampMeasureMs: 2000,
      topology: TOPOLOGY,
      idleSockets: 0,
    },
    hostRuns: 9,
    settleMs: 1500,
    bot: false,
  },
  full: {
    server: {
      sizes: [1000, 5000, 10_000],
      rates: [500, 2000, 5000],
      warmupMs: 1000,
      measureMs: 6000,
      drainMs: 30_000,
      rampRates: [500, 1000, 1500, 2000, 3000, 4000, 6000, 8000, 12_000, 16_000],
      rampMeasureMs: 4000,
      topology: TOPOLOGY,
      idleSockets: 5000,
    },
    scaleOut: {
      sizes: [10_000],
      rates: [500, 2000],
      warmupMs: 1000,
      measureMs: 6000,
      drainMs: 30_000,
      rampRates: [500, 1000, 1500, 2000, 3000, 4000, 6000, 8000],
      rampMeasureMs: 4000,
      topology: TOPOLOGY,
      idleSockets: 0,
    },
    hostRuns: 15,
    settleMs: 3000,
    bot: true,
  },
};

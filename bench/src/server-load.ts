/**
 * The server part of the bench, run from the orchestrator: for each target (Frontdesk on SQLite, on
 * PostgreSQL, on two nodes, then the bare relay) its server process(es) and a separate load-generator
 * process; pairs grow through the planned sizes, each size runs the planned rates, the largest size is
 * ramped until it saturates, and at the end every acknowledged message is checked against what arrived
 * and (Frontdesk) what is stored.
 */
import type { CpuSample } from './infra/postgres.ts';
import { cpuDelta } from './infra/proc-cpu.ts';
import { Child } from './ipc.ts';
import type { AckedMessages, NodeOptions, PhaseResult, TargetKind, Team, Topology } from './load/protocol.ts';
import type { LoopDelay, ProcessStats } from './targets/process-stats.ts';

/**
 * What runs: `frontdesk` is one node on SQLite (the original row), `postgres` one node on PostgreSQL,
 * `two-nodes` two nodes on PostgreSQL + Redis, `bare` the relay.
 */
export type TargetName = 'frontdesk' | 'postgres' | 'two-nodes' | 'bare';

export type TargetSetup = {
  name: TargetName;
  /** The server's protocol, as the load generator speaks it. */
  kind: TargetKind;
  /** One entry per server process (node), started in order; the first makes the teams and verifies. */
  nodes: NodeOptions[];
  /** CPU of processes outside the nodes, sampled before and after each phase. */
  samplers?: { postgres?: () => Promise<CpuSample>; redis?: () => Promise<CpuSample> };
};

/** A target with one node and no outside processes (SQLite Frontdesk, the bare relay). */
export const singleNode = (name: 'frontdesk' | 'bare'): TargetSetup => ({
  name,
  kind: name === 'bare' ? 'bare' : 'frontdesk',
  nodes: [{}],
});

export type ServerPlan = {
  sizes: number[];
  rates: number[];
  warmupMs: number;
  measureMs: number;
  drainMs: number;
  /** Rates tried in order at the largest size until one breaks. */
  rampRates: number[];
  rampMeasureMs: number;
  topology: Topology;
  /** Idle visitor sockets for the memory measurement. */
  idleSockets: number;
};

const MEMORY_WARMUP_SOCKETS = 200;

/**
 * A ramp step breaks when delivery falls behind (a queue builds: achieved < 90% of the rate, or p99
 * past 500 ms) or anything is lost. Tail latency below that is reported per row, not as saturation.
 */
export const SATURATION = { minAchievedShare: 0.9, maxP99Ms: 500 } as const;

/** A quiet pause after connecting a size, before its first phase (setup work must not count). */
const SETTLE_AFTER_SETUP_MS = 3000;

export type PhaseRow = PhaseResult & {
  /** All node processes together (100 = one core). */
  serverCpuPct: number;
  serverCpuUsPerMessage: number;
  serverRssMB: number;
  nodes: number;
  /** CPU of the database's PostgreSQL backends per message sent; null when not measured. */
  postgresCpuUsPerMessage: number | null;
  /** CPU of the whole Redis server per message sent; null when not measured. */
  redisCpuUsPerMessage: number | null;
  /** The event loop's delay over the phase, warm-up and drain included (the worst node's). */
  eventLoopDelay: LoopDelay;
};

/** Idle visitor sockets connected to a fresh server (after a warm-up batch), RSS and heap after GC. */
export type MemoryResult = {
  sockets: number;
  rssPerSocketKB: number;
  heapPerSocketKB: number;
  baseRssMB: number;
};

export type TargetRun = {
  target: TargetName;
  nodes: number;
  rows: PhaseRow[];
  ramp: PhaseRow[];
  /** The highest ramp rate that held (see SATURATION). */
  saturationRate: number | null;
  /** False when even the last ramp rate held: the saturation rate is then a lower bound. */
  saturated: boolean;
  memory: MemoryResult;
  acked: number;
  undelivered: number;
  /** Frontdesk only: acknowledged messages missing from storage (null for the relay). */
  missingFromStorage: number | null;
  setupMs: number;
};

export type Log = (line: string) => void;

const MODULES: Record<TargetKind, URL> = {
  frontdesk: new URL('./targets/frontdesk.ts', import.meta.url),
  bare: new URL('./targets/bare-relay.ts', import.meta.url),
};
const GENERATOR = new URL('./load/generator.ts', import.meta.url);

export const agentSocketsFor = (pairs: number, t: Topology) => Math.ceil(pairs / t.chatsPerAgent);
export const sitesFor = (pairs: number, t: Topology) =>
  Math.ceil(agentSocketsFor(pairs, t) / t.agentsPerSite);

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

export function phaseBroken(row: PhaseResult): boolean {
  const p99 = Math.max(row.visitorToAgent.p99, row.agentToVisitor.p99);
  return (
    row.achievedRate < row.rate * SATURATION.minAchievedShare ||
    !(p99 <= SATURATION.maxP99Ms) ||
    row.lost > 0 ||
    row.ackMissing > 0 ||
    row.ackErrors > 0
  );
}

/** Sums the node processes' stats (memory and CPU add up; `at` is the latest). */
function sumStats(all: ProcessStats[]): ProcessStats {
  return {
    rssBytes: all.reduce((sum, s) => sum + s.rssBytes, 0),
    heapUsedBytes: all.reduce((sum, s) => sum + s.heapUsedBytes, 0),
    cpuMicros: all.reduce((sum, s) => sum + s.cpuMicros, 0),
    at: Math.max(...all.map((s) => s.at)),
    loopDelay: {
      p99Ms: Math.max(...all.map((s) => s.loopDelay.p99Ms)),
      maxMs: Math.max(...all.map((s) => s.loopDelay.maxMs)),
    },
  };
}

const perMessage = (micros: number | null, sent: number) =>
  micros === null || sent <= 0 ? null : Math.round(micros / sent);

async function sampleOutside(setup: TargetSetup) {
  const [postgres, redis] = await Promise.all([
    setup.samplers?.postgres?.() ?? null,
    setup.samplers?.redis?.() ?? null,
  ]);
  return { postgres, redis };
}

const outsideDelta = (before: CpuSample, after: CpuSample) =>
  before === null || after === null ? null : cpuDelta(before, after);

export async function runTarget(setup: TargetSetup, plan: ServerPlan, log: Log): Promise<TargetRun> {
  const target = setup.name;
  // BENCH_SERVER_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles the server under test.
  const extra = process.env.BENCH_SERVER_FLAGS?.split(' ').filter(Boolean) ?? [];
  const servers = setup.nodes.map(
    (_, i) =>
      new Child(
        MODULES[setup.kind],
        setup.nodes.length > 1 ? `${target} node ${i + 1}` : `${target} server`,
        ['--expose-gc', ...extra],
      ),
  );
  const server = servers[0]!;
  const generator = new Child(GENERATOR, `${target} load generator`);
  try {
    await Promise.all([...servers.map((s) => s.ready), generator.ready]);
    const urls: string[] = [];
    // One after the other: the first node migrates the database and makes the demo site.
    for (const [i, node] of servers.entries())
      urls.push((await node.call<{ url: string }>('start', setup.nodes[i], 120_000)).url);
    await generator.call('init', { target: setup.kind, urls, topology: plan.topology });
    const stats = async (collect: boolean) =>
      sumStats(await Promise.all(servers.map((s) => s.call<ProcessStats>('stats', collect))));

    const run: TargetRun = {
      target,
      nodes: servers.length,
      rows: [],
      ramp: [],
      saturationRate: null,
      saturated: false,
      memory: { sockets: 0, rssPerSocketKB: 0, heapPerSocketKB: 0, baseRssMB: 0 },
      acked: 0,
      undelivered: 0,
      missingFromStorage: null,
      setupMs: 0,
    };
    const measure = async (rate: number, measureMs: number): Promise<PhaseRow> => {
      const [before, outside0] = await Promise.all([stats(false), sampleOutside(setup)]);
      const result = await generator.call<PhaseResult>(
        'phase',
        { rate, warmupMs: plan.warmupMs, measureMs, drainMs: plan.drainMs },
        measureMs + plan.warmupMs + plan.drainMs + 60_000,
      );
      const [after, outside1] = await Promise.all([stats(false), sampleOutside(setup)]);
      const cpu = after.cpuMicros - before.cpuMicros;
      const row: PhaseRow = {
        ...result,
        serverCpuPct: Math.round((cpu / 1000 / (after.at - before.at)) * 100),
        serverCpuUsPerMessage: result.totalSent > 0 ? Math.round(cpu / result.totalSent) : 0,
        serverRssMB: Math.round(after.rssBytes / 2 ** 20),
        nodes: servers.length,
        postgresCpuUsPerMessage: perMessage(
          outsideDelta(outside0.postgres, outside1.postgres),
          result.totalSent,
        ),
        redisCpuUsPerMessage: perMessage(outsideDelta(outside0.redis, outside1.redis), result.totalSent),
        eventLoopDelay: after.loopDelay,
      };
      const outside = [
        row.postgresCpuUsPerMessage === null ? '' : `, postgres ${row.postgresCpuUsPerMessage} µs/msg`,
        row.redisCpuUsPerMessage === null ? '' : `, redis ${row.redisCpuUsPerMessage} µs/msg`,
      ].join('');
      log(
        `  ${target} ${row.pairs} pairs @ ${rate}/s: sent ${row.sentRate}/s, achieved ${row.achievedRate}/s, ` +
          `v→a p50/p99 ${row.visitorToAgent.p50}/${row.visitorToAgent.p99} ms, ` +
          `a→v p99 ${row.agentToVisitor.p99} ms, ack p99 ${row.ack.p99} ms, lost ${row.lost}, ` +
          `server cpu ${row.serverCpuPct}% (${row.serverCpuUsPerMessage} µs/msg${outside}), ` +
          `event loop delay p99/max ${row.eventLoopDelay.p99Ms}/${row.eventLoopDelay.maxMs} ms, ` +
          `generator cpu ${row.generatorCpuPct}%, ` +
          `frames/msg ${row.framesPerMessage} ${JSON.stringify(row.framesPerMessageByEvent)}` +
          (row.disconnects > 0 ? `, ${row.disconnects} sockets dropped` : '') +
          (row.ackErrors > 0 ? `, ack errors ${JSON.stringify(row.errorCodes)}` : ''),
      );
      return row;
    };

    const maxSize = Math.max(...plan.sizes);
    const teams: Team[] =
      setup.kind === 'frontdesk'
        ? await server.call<Team[]>(
            'teams',
            { count: sitesFor(maxSize, plan.topology), agentsPerSite: plan.topology.agentsPerSite },
            300_000,
          )
        : [];

    // Memory: a warm-up batch first (first-use allocations, JIT), then the measured idle sockets.
    if (plan.idleSockets > 0) {
      const memoryStart = performance.now();
      await generator.call('connectIdle', { count: MEMORY_WARMUP_SOCKETS, teams }, 600_000);
      const m0 = await stats(true);
      await generator.call('connectIdle', { count: plan.idleSockets, teams }, 600_000);
      const m1 = await stats(true);
      run.memory = {
        sockets: plan.idleSockets,
        rssPerSocketKB: kb((m1.rssBytes - m0.rssBytes) / plan.idleSockets),
        heapPerSocketKB: kb((m1.heapUsedBytes - m0.heapUsedBytes) / plan.idleSockets),
        baseRssMB: Math.round(m0.rssBytes / 2 ** 20),
      };
      await generator.call('dropIdle', null, 120_000);
      log(
        `  ${target}: ${plan.idleSockets} idle visitor sockets: ${run.memory.rssPerSocketKB} kB RSS, ` +
          `${run.memory.heapPerSocketKB} kB heap each (${Math.round(performance.now() - memoryStart)} ms)`,
      );
    }

    for (const size of plan.sizes) {
      const setupStart = performance.now();
      await generator.call('connectVisitors', { toPairs: size, teams }, 600_000);
      const connected = await generator.call<{ agents: number }>('connectAgents', { teams }, 600_000);
      run.setupMs += performance.now() - setupStart;
      log(
        `  ${target}: ${size} visitor + ${connected.agents} agent sockets connected, conversations taken ` +
          `(${Math.round(performance.now() - setupStart)} ms)`,
      );
      await new Promise((resolve) => setTimeout(resolve, SETTLE_AFTER_SETUP_MS));
      for (const rate of plan.rates) run.rows.push(await measure(rate, plan.measureMs));
    }

    // BENCH_PROFILE=<file>: a CPU profile of the Frontdesk server during the saturation ramp.
    const profile = target === 'frontdesk' ? process.env.BENCH_PROFILE : undefined;
    if (profile) await server.call('profileStart');
    for (const rate of plan.rampRates) {
      const row = await measure(rate, plan.rampMeasureMs);
      run.ramp.push(row);
      if (phaseBroken(row)) break;
      run.saturationRate = rate;
    }
    run.saturated = run.ramp.length > 0 && phaseBroken(run.ramp.at(-1)!);
    if (profile) {
      await server.call('profileStop', profile);
      log(`  CPU profile of the ramp written to ${profile}`);
    }

    const audit = await generator.call<{ acked: AckedMessages; ackedCount: number; undelivered: number }>(
      'audit',
      null,
      120_000,
    );
    run.acked = audit.ackedCount;
    run.undelivered = audit.undelivered;
    if (setup.kind === 'frontdesk') {
      const verified = await server.call<{ checked: number; missing: number }>(
        'verify',
        audit.acked,
        300_000,
      );
      run.missingFromStorage = verified.missing;
    }
    log(
      `  ${target}: ${run.acked} messages acknowledged, ${run.undelivered} never arrived` +
        (run.missingFromStorage === null ? '' : `, ${run.missingFromStorage} missing from storage`),
    );
    await generator.call('close', null, 60_000);
    return run;
  } finally {
    await generator.stop();
    for (const node of servers) await node.stop();
  }
}

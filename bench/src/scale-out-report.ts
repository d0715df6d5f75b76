/**
 * The scale-out part of the server report (pure): Frontdesk on one PostgreSQL node and on two nodes
 * (PostgreSQL + Redis), each row beside Frontdesk on SQLite and the bare relay at the same size and
 * rate of the same run, the saturation of every target, and the targets that were skipped.
 */
import type { Placement } from './load/nodes.ts';
import type { PhaseRow, TargetName, TargetRun } from './server-load.ts';
import { ratio } from './stats.ts';

export type ScaleOutName = Extract<TargetName, 'postgres' | 'two-nodes'>;

export const TARGET_LABELS: Record<TargetName, string> = {
  frontdesk: 'Frontdesk, 1 node, SQLite',
  postgres: 'Frontdesk, 1 node, PostgreSQL',
  'two-nodes': 'Frontdesk, 2 nodes, PostgreSQL + Redis',
  bare: 'bare socket.io relay',
};

/** A scale-out target as the orchestrator hands it over: its run, or why it did not run. */
export type ScaleOutOutcome =
  | { target: ScaleOutName; run: TargetRun; placement: Placement | null }
  | { target: ScaleOutName; skipped: string };

export type ScaleOutRowJson = {
  target: TargetName;
  nodes: number;
  sockets: number;
  agentSockets: number;
  rate: number;
  achievedRate: number;
  p50Ms: number;
  p99Ms: number;
  ackP50Ms: number;
  ackP99Ms: number;
  lost: number;
  /** Sends answered with an error (e.g. `unavailable` while the pool is exhausted): not acknowledged. */
  ackErrors: number;
  /** Sockets of the load that disconnected during the phase (they do not reconnect). */
  disconnects: number;
  /** All node processes together. */
  cpuUsPerMessage: number;
  serverCpuPct: number;
  generatorCpuPct: number;
  postgresCpuUsPerMessage: number | null;
  redisCpuUsPerMessage: number | null;
  ratioP99VsSqlite: number | null;
  ratioP99VsBare: number | null;
  ratioCpuVsSqlite: number | null;
  ratioCpuVsBare: number | null;
  ratioThroughputVsBare: number | null;
  /** The worst node's event-loop delay over the phase. */
  loopDelayMaxMs: number;
};

export type SaturationJson = {
  target: TargetName;
  nodes: number;
  sockets: number;
  rate: number | null;
  /** False when even the last ramp rate held: `rate` is then a lower bound. */
  reached: boolean;
  ratioVsSqlite: number | null;
  ratioVsBare: number | null;
  acked: number;
  undelivered: number;
  missingFromStorage: number | null;
  lost: number;
  ramp: { rate: number; achievedRate: number; p99Ms: number; lost: number }[];
};

export type ScaleOutJson = {
  /** Rows at every size and rate a scale-out target ran, SQLite and bare rows of the same run beside. */
  rows: ScaleOutRowJson[];
  saturation: SaturationJson[];
  skipped: { target: ScaleOutName; reason: string }[];
  /** Where the two-node target's sockets went (see bench/src/load/nodes.ts). */
  placement: (Placement & { pairs: number }) | null;
};

/** SQLite and the relay are what the scale-out targets are compared with, not compared with SQLite. */
const isBaseline = (target: TargetName) => target === 'frontdesk' || target === 'bare';

const same = (a: PhaseRow) => (b: PhaseRow) => a.pairs === b.pairs && a.rate === b.rate;

function rowJson(target: TargetName, x: PhaseRow, sqlite?: PhaseRow, bare?: PhaseRow): ScaleOutRowJson {
  return {
    target,
    nodes: x.nodes,
    sockets: x.pairs,
    agentSockets: x.agentSockets,
    rate: x.rate,
    achievedRate: x.achievedRate,
    p50Ms: x.delivery.p50,
    p99Ms: x.delivery.p99,
    ackP50Ms: x.ack.p50,
    ackP99Ms: x.ack.p99,
    lost: x.lost,
    ackErrors: x.ackErrors,
    disconnects: x.disconnects,
    cpuUsPerMessage: x.serverCpuUsPerMessage,
    serverCpuPct: x.serverCpuPct,
    generatorCpuPct: x.generatorCpuPct,
    postgresCpuUsPerMessage: x.postgresCpuUsPerMessage,
    redisCpuUsPerMessage: x.redisCpuUsPerMessage,
    ratioP99VsSqlite: isBaseline(target) ? null : ratio(x.delivery.p99, sqlite?.delivery.p99),
    ratioP99VsBare: target === 'bare' ? null : ratio(x.delivery.p99, bare?.delivery.p99),
    ratioCpuVsSqlite: isBaseline(target)
      ? null
      : ratio(x.serverCpuUsPerMessage, sqlite?.serverCpuUsPerMessage),
    ratioCpuVsBare: target === 'bare' ? null : ratio(x.serverCpuUsPerMessage, bare?.serverCpuUsPerMessage),
    ratioThroughputVsBare: target === 'bare' ? null : ratio(x.achievedRate, bare?.achievedRate),
    loopDelayMaxMs: x.eventLoopDelay.maxMs,
  };
}

function saturationJson(run: TargetRun, sqlite: TargetRun, bare: TargetRun, sockets: number): SaturationJson {
  const missing = run.missingFromStorage ?? 0;
  return {
    target: run.target,
    nodes: run.nodes,
    sockets,
    rate: run.saturationRate,
    reached: run.saturated,
    ratioVsSqlite: isBaseline(run.target) ? null : ratio(run.saturationRate, sqlite.saturationRate),
    ratioVsBare: run.target === 'bare' ? null : ratio(run.saturationRate, bare.saturationRate),
    acked: run.acked,
    undelivered: run.undelivered,
    missingFromStorage: run.missingFromStorage,
    lost: run.undelivered + missing,
    ramp: run.ramp.map((r) => ({
      rate: r.rate,
      achievedRate: r.achievedRate,
      p99Ms: r.delivery.p99,
      lost: r.lost,
    })),
  };
}

/**
 * The comparison: for each size and rate a scale-out target ran, the SQLite and bare rows of the same
 * size and rate, then each scale-out target's row; saturation of all four at `saturationSockets`.
 */
export function scaleOutJson(
  outcomes: ScaleOutOutcome[],
  sqlite: TargetRun,
  bare: TargetRun,
  saturationSockets: number,
): ScaleOutJson {
  const ran = outcomes.flatMap((o) => ('run' in o ? [o] : []));
  const keys: PhaseRow[] = [];
  for (const { run } of ran) for (const row of run.rows) if (!keys.some(same(row))) keys.push(row);
  keys.sort((a, b) => a.pairs - b.pairs || a.rate - b.rate);
  const rows: ScaleOutRowJson[] = [];
  for (const key of keys) {
    const s = sqlite.rows.find(same(key));
    const b = bare.rows.find(same(key));
    if (s) rows.push(rowJson('frontdesk', s, s, b));
    for (const { run } of ran) {
      const x = run.rows.find(same(key));
      if (x) rows.push(rowJson(run.target, x, s, b));
    }
    if (b) rows.push(rowJson('bare', b, s, b));
  }
  const twoNodes = ran.find((o) => o.target === 'two-nodes');
  const pairs = twoNodes ? Math.max(0, ...twoNodes.run.rows.map((r) => r.pairs)) : 0;
  return {
    rows,
    saturation: [sqlite, ...ran.map((o) => o.run), bare].map((run) =>
      saturationJson(run, sqlite, bare, saturationSockets),
    ),
    skipped: outcomes.flatMap((o) => ('skipped' in o ? [{ target: o.target, reason: o.skipped }] : [])),
    placement: twoNodes?.placement ? { ...twoNodes.placement, pairs } : null,
  };
}

const num = (value: number | null | undefined, unit = '') =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : `${value}${unit}`;

function table(head: string[], rows: (string | number)[][]): string {
  const lines = [head, head.map(() => '---'), ...rows.map((r) => r.map(String))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** "3000", "≥ 16000" (the ramp ended before it broke), "< 500" (its first step broke). */
export function saturationText(s: Pick<SaturationJson, 'rate' | 'reached' | 'ramp'>): string {
  if (s.rate === null) return s.ramp[0] ? `< ${s.ramp[0].rate}` : '–';
  return `${s.reached ? '' : '≥ '}${s.rate}`;
}

/** The Markdown section (part of `formatReport`). */
export function formatScaleOut(x: ScaleOutJson): string {
  const out: string[] = [];
  for (const s of x.skipped) out.push(`${TARGET_LABELS[s.target]}: skipped — ${s.reason}.`);
  if (x.skipped.length > 0) out.push('');
  if (x.rows.length === 0) {
    out.push('No scale-out target ran.');
    return out.join('\n');
  }
  out.push(
    table(
      [
        'target',
        'visitor sockets',
        'rate /s',
        'achieved /s',
        'p50 ms',
        'p99 ms',
        'ack p50',
        'ack p99',
        'lost',
        'ack errors',
        'node CPU µs/msg',
        'PostgreSQL µs/msg',
        'Redis µs/msg',
        'p99 × SQLite',
        'p99 × bare',
        'CPU × SQLite',
        'CPU × bare',
        'loop max ms',
      ],
      x.rows.map((r) => [
        TARGET_LABELS[r.target],
        r.sockets,
        r.rate,
        r.achievedRate,
        num(r.p50Ms),
        num(r.p99Ms),
        num(r.ackP50Ms),
        num(r.ackP99Ms),
        r.lost,
        r.ackErrors,
        r.cpuUsPerMessage,
        num(r.postgresCpuUsPerMessage),
        num(r.redisCpuUsPerMessage),
        num(r.ratioP99VsSqlite),
        num(r.ratioP99VsBare),
        num(r.ratioCpuVsSqlite),
        num(r.ratioCpuVsBare),
        num(r.loopDelayMaxMs),
      ]),
    ),
    '',
    table(
      [
        'target',
        `saturation at ${x.saturation[0]?.sockets ?? '–'} sockets (msg/s)`,
        '× SQLite',
        '× bare',
        'acknowledged',
        'never arrived',
        'missing from storage',
        'lost',
      ],
      x.saturation.map((s) => [
        TARGET_LABELS[s.target],
        saturationText(s),
        num(s.ratioVsSqlite),
        num(s.ratioVsBare),
        s.acked,
        s.undelivered,
        num(s.missingFromStorage),
        s.lost,
      ]),
    ),
    '',
    'Saturation ramps: ' +
      x.saturation
        .filter((s) => s.target === 'postgres' || s.target === 'two-nodes')
        .map(
          (s) =>
            `${TARGET_LABELS[s.target]}: ` +
            s.ramp.map((r) => `${r.rate}/s → ${r.achievedRate}/s, p99 ${num(r.p99Ms, ' ms')}`).join('; '),
        )
        .join(' — '),
  );
  if (x.placement) {
    const p = x.placement;
    out.push(
      '',
      `Two nodes, ${p.pairs} pairs: visitor sockets ${p.visitors.join(' / ')}, agent sockets ` +
        `${p.agents.join(' / ')} on node 1 / node 2; ${p.crossing} of ${p.pairs} pairs have the visitor ` +
        'on one node and its agent on the other.',
    );
  }
  out.push(
    '',
    'Node CPU = user + system time of every Frontdesk process of the target, warm-up and drain included, ' +
      'per message sent. PostgreSQL = the backend processes serving the bench database (from /proc; the ' +
      'WAL writer, checkpointer and other shared processes not counted). Redis = the whole Redis server ' +
      '(INFO cpu; anyone else using that Redis counts too).',
  );
  return out.join('\n');
}

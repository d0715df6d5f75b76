import { describe, expect, it } from 'vitest';
import { placement } from './load/nodes.ts';
import type { PhaseResult } from './load/protocol.ts';
import { formatScaleOut, type ScaleOutOutcome, saturationText, scaleOutJson } from './scale-out-report.ts';
import type { PhaseRow, TargetName, TargetRun } from './server-load.ts';
import { summarize } from './stats.ts';

const latency = (ms: number) => summarize([ms, ms, ms]);
const topology = { chatsPerAgent: 5, agentsPerSite: 4 };

type Figures = { achieved?: number; p99: number; cpu: number; postgres?: number; redis?: number };

function row(pairs: number, rate: number, nodes: number, f: Figures): PhaseRow {
  const phase: PhaseResult = {
    rate,
    pairs,
    agentSockets: pairs / 5,
    measureMs: 1000,
    sent: rate,
    sentRate: rate,
    totalSent: rate,
    acked: rate,
    ackErrors: 0,
    ackMissing: 0,
    delivered: rate,
    lost: 0,
    achievedRate: f.achieved ?? rate,
    delivery: latency(f.p99),
    visitorToAgent: latency(f.p99),
    agentToVisitor: latency(f.p99),
    ack: latency(f.p99 / 2),
    generatorCpuPct: 10,
    disconnects: 0,
    framesPerMessage: 0,
    framesPerMessageByEvent: {},
    errorCodes: {},
  };
  return {
    ...phase,
    serverCpuPct: 50,
    serverCpuUsPerMessage: f.cpu,
    serverRssMB: 100,
    nodes,
    postgresCpuUsPerMessage: f.postgres ?? null,
    redisCpuUsPerMessage: f.redis ?? null,
    eventLoopDelay: { p99Ms: 2, maxMs: 12 },
  };
}

function run(target: TargetName, rows: PhaseRow[], saturationRate: number, extra: Partial<TargetRun> = {}) {
  const nodes = target === 'two-nodes' ? 2 : 1;
  return {
    target,
    nodes,
    rows,
    ramp: [row(10_000, saturationRate, nodes, { p99: 10, cpu: 100 })],
    saturationRate,
    saturated: true,
    memory: { sockets: 0, rssPerSocketKB: 0, heapPerSocketKB: 0, baseRssMB: 0 },
    acked: 1000,
    undelivered: 0,
    missingFromStorage: target === 'bare' ? null : 0,
    setupMs: 1,
    ...extra,
  } satisfies TargetRun;
}

// SQLite and the relay ran three sizes; the scale-out targets only 10,000 sockets at 500 and 2,000/s.
const sqlite = run(
  'frontdesk',
  [
    row(1000, 500, 1, { p99: 4, cpu: 300 }),
    row(10_000, 500, 1, { p99: 8, cpu: 340 }),
    row(10_000, 2000, 1, { p99: 40, cpu: 280 }),
  ],
  3000,
);
const bare = run(
  'bare',
  [
    row(1000, 500, 1, { p99: 1, cpu: 100 }),
    row(10_000, 500, 1, { p99: 2, cpu: 80 }),
    row(10_000, 2000, 1, { p99: 4, cpu: 70 }),
  ],
  16_000,
  { saturated: false },
);
const postgres = run(
  'postgres',
  [
    row(10_000, 500, 1, { p99: 16, cpu: 680, postgres: 300 }),
    row(10_000, 2000, 1, { p99: 80, cpu: 560, achieved: 1900, postgres: 250 }),
  ],
  1500,
);
const twoNodes = run(
  'two-nodes',
  [
    row(10_000, 500, 2, { p99: 24, cpu: 1020, postgres: 310, redis: 90 }),
    row(10_000, 2000, 2, { p99: 20, cpu: 700, postgres: 260, redis: 70 }),
  ],
  4000,
  { undelivered: 1, missingFromStorage: 2 },
);
const outcomes: ScaleOutOutcome[] = [
  { target: 'postgres', run: postgres, placement: null },
  { target: 'two-nodes', run: twoNodes, placement: placement(10_000, topology, 2) },
];

describe('scaleOutJson', () => {
  const json = scaleOutJson(outcomes, sqlite, bare, 10_000);

  it('puts SQLite, PostgreSQL, two nodes and the relay side by side at each size and rate run', () => {
    expect(json.rows.map((r) => [r.target, r.sockets, r.rate])).toEqual([
      ['frontdesk', 10_000, 500],
      ['postgres', 10_000, 500],
      ['two-nodes', 10_000, 500],
      ['bare', 10_000, 500],
      ['frontdesk', 10_000, 2000],
      ['postgres', 10_000, 2000],
      ['two-nodes', 10_000, 2000],
      ['bare', 10_000, 2000],
    ]);
  });

  it('gives ratios against SQLite and against the relay of the same size and rate', () => {
    const pg2000 = json.rows.find((r) => r.target === 'postgres' && r.rate === 2000)!;
    expect(pg2000).toMatchObject({
      ratioP99VsSqlite: 2,
      ratioP99VsBare: 20,
      ratioCpuVsSqlite: 2,
      ratioCpuVsBare: 8,
      ratioThroughputVsBare: 0.95,
      postgresCpuUsPerMessage: 250,
      redisCpuUsPerMessage: null,
      nodes: 1,
    });
    const two500 = json.rows.find((r) => r.target === 'two-nodes' && r.rate === 500)!;
    expect(two500).toMatchObject({ ratioCpuVsSqlite: 3, nodes: 2, redisCpuUsPerMessage: 90 });
    // A target is not compared with itself.
    const sqlite500 = json.rows.find((r) => r.target === 'frontdesk' && r.rate === 500)!;
    expect(sqlite500.ratioP99VsSqlite).toBeNull();
    expect(sqlite500.ratioP99VsBare).toBe(4);
    const bare500 = json.rows.find((r) => r.target === 'bare')!;
    expect([bare500.ratioP99VsBare, bare500.ratioP99VsSqlite, bare500.ratioCpuVsSqlite]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('reports every target’s saturation with ratios, and counts undelivered and unstored as lost', () => {
    expect(
      json.saturation.map((s) => [s.target, s.rate, s.reached, s.ratioVsSqlite, s.ratioVsBare, s.lost]),
    ).toEqual([
      ['frontdesk', 3000, true, null, 0.19, 0],
      ['postgres', 1500, true, 0.5, 0.09, 0],
      ['two-nodes', 4000, true, 1.33, 0.25, 3],
      ['bare', 16_000, false, null, null, 0],
    ]);
  });

  it('keeps where the two-node sockets went', () => {
    expect(json.placement).toEqual({
      visitors: [5000, 5000],
      agents: [1000, 1000],
      crossing: 10_000,
      pairs: 10_000,
    });
  });

  it('prints a dash, not "null", for a latency with no delivered message', () => {
    const silent = { ...postgres.rows[0]!, delivered: 0, achievedRate: 0, delivery: summarize([]) };
    const text = formatScaleOut(
      scaleOutJson(
        [{ target: 'postgres', run: { ...postgres, rows: [silent] }, placement: null }],
        sqlite,
        bare,
        10_000,
      ),
    );
    expect(text).toContain('| Frontdesk, 1 node, PostgreSQL | 10000 | 500 | 0 | – | – |');
    expect(text).not.toContain('null');
  });

  it('lists skipped targets with their reason and still compares those that ran', () => {
    const partial = scaleOutJson(
      [
        { target: 'postgres', run: postgres, placement: null },
        { target: 'two-nodes', skipped: 'Redis not reachable at redis://127.0.0.1:6379 (ECONNREFUSED)' },
      ],
      sqlite,
      bare,
      10_000,
    );
    expect(partial.skipped).toEqual([
      { target: 'two-nodes', reason: 'Redis not reachable at redis://127.0.0.1:6379 (ECONNREFUSED)' },
    ]);
    expect(partial.rows.map((r) => r.target)).not.toContain('two-nodes');
    expect(partial.placement).toBeNull();
  });
});

describe('saturationText', () => {
  const ramp = [{ rate: 500, achievedRate: 300, p99Ms: 900, lost: 0 }];
  it('says "<" when the first step already broke, "≥" when the ramp never broke', () => {
    expect(saturationText({ rate: null, reached: true, ramp })).toBe('< 500');
    expect(saturationText({ rate: 16_000, reached: false, ramp })).toBe('≥ 16000');
    expect(saturationText({ rate: 3000, reached: true, ramp })).toBe('3000');
    expect(saturationText({ rate: null, reached: false, ramp: [] })).toBe('–');
  });
});

describe('formatScaleOut', () => {
  it('prints the side-by-side rows, saturation, placement and what the CPU columns count', () => {
    const text = formatScaleOut(scaleOutJson(outcomes, sqlite, bare, 10_000));
    expect(text).toContain(
      '| Frontdesk, 1 node, PostgreSQL | 10000 | 2000 | 1900 | 80 | 80 | 40 | 40 | 0 | 0 | 560 | 250 | – | 2 | 20 | 2 | 8 |',
    );
    expect(text).toContain(
      '| Frontdesk, 2 nodes, PostgreSQL + Redis | 4000 | 1.33 | 0.25 | 1000 | 1 | 2 | 3 |',
    );
    expect(text).toContain('| bare socket.io relay | ≥ 16000 | – | – |');
    expect(text).toContain('visitor sockets 5000 / 5000, agent sockets 1000 / 1000');
    expect(text).toContain('10000 of 10000 pairs have the visitor on one node and its agent on the other');
    expect(text).toContain('PostgreSQL = the backend processes serving the bench database');
  });

  it('says which targets were skipped and why', () => {
    const text = formatScaleOut(
      scaleOutJson(
        [
          { target: 'postgres', skipped: 'PostgreSQL not reachable at 127.0.0.1:5432 (ECONNREFUSED)' },
          { target: 'two-nodes', skipped: 'PostgreSQL not reachable at 127.0.0.1:5432 (ECONNREFUSED)' },
        ],
        sqlite,
        bare,
        10_000,
      ),
    );
    expect(text).toContain(
      'Frontdesk, 1 node, PostgreSQL: skipped — PostgreSQL not reachable at 127.0.0.1:5432 (ECONNREFUSED).',
    );
    expect(text).toContain('Frontdesk, 2 nodes, PostgreSQL + Redis: skipped —');
    expect(text).toContain('No scale-out target ran.');
  });
});

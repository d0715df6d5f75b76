import { describe, expect, it } from 'vitest';
import type { PhaseResult } from './load/protocol.ts';
import { type BenchJson, formatReport, OTHER_WIDGETS, serverJson } from './report.ts';
import type { PhaseRow, TargetRun } from './server-load.ts';
import { phaseBroken } from './server-load.ts';
import { summarize } from './stats.ts';

const latency = (ms: number) => summarize([ms, ms, ms]);

function row(pairs: number, rate: number, achievedRate: number, p99: number, lost = 0): PhaseRow {
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
    delivered: rate - lost,
    lost,
    achievedRate,
    delivery: latency(p99),
    visitorToAgent: latency(p99),
    agentToVisitor: latency(p99),
    ack: latency(p99),
    generatorCpuPct: 10,
    disconnects: 0,
    framesPerMessage: 0,
    framesPerMessageByEvent: {},
    errorCodes: {},
  };
  return {
    ...phase,
    serverCpuPct: 50,
    serverCpuUsPerMessage: 100,
    serverRssMB: 100,
    nodes: 1,
    postgresCpuUsPerMessage: null,
    redisCpuUsPerMessage: null,
    eventLoopDelay: { p99Ms: 2, maxMs: 12 },
  };
}

function run(target: 'frontdesk' | 'bare', p99: number, saturationRate: number, rssKB: number): TargetRun {
  return {
    target,
    nodes: 1,
    rows: [row(10_000, 2000, 2000, p99), row(10_000, 5000, target === 'bare' ? 5000 : 2500, p99 * 10)],
    ramp: [
      row(10_000, saturationRate, saturationRate, p99),
      row(10_000, saturationRate * 2, saturationRate, 500),
    ],
    saturationRate,
    saturated: true,
    memory: { sockets: 5000, rssPerSocketKB: rssKB, heapPerSocketKB: rssKB / 2, baseRssMB: 100 },
    acked: 100,
    undelivered: 0,
    missingFromStorage: target === 'frontdesk' ? 0 : null,
    setupMs: 1,
  };
}

const topology = { chatsPerAgent: 5, agentsPerSite: 4 };

describe('serverJson', () => {
  const server = serverJson(run('frontdesk', 20, 3000, 30), run('bare', 5, 4000, 25), topology, 10_000);

  it('has the stable keys of the issue on every row', () => {
    for (const r of server.rows) {
      for (const key of ['sockets', 'rate', 'p50Ms', 'p99Ms', 'lost', 'bareP99Ms', 'ratioThroughput'])
        expect(r).toHaveProperty(key);
    }
    expect(server).toHaveProperty('memoryPerSocketKB', 30);
    expect(server).toHaveProperty('bareMemoryPerSocketKB', 25);
  });

  it('pairs each Frontdesk row with the bare row of the same size and rate', () => {
    expect(server.rows.map((r) => [r.rate, r.ratioThroughput, r.bareP99Ms])).toEqual([
      [2000, 1, 5],
      [5000, 0.5, 50],
    ]);
  });

  it('judges the goals from the measured numbers', () => {
    expect(server.ratioSaturation).toBe(0.75);
    expect(server.ratioMemory).toBe(1.2);
    expect(server.goals).toEqual({ p99: true, saturation: true, memory: true, cpu: true, loopStall: true });
    const slow = serverJson(run('frontdesk', 30, 1000, 60), run('bare', 5, 4000, 25), topology, 10_000);
    expect(slow.goals).toMatchObject({ p99: false, saturation: false, memory: false });
  });

  it('judges CPU per message against the relay at every row, and the largest event-loop stall', () => {
    const f = run('frontdesk', 20, 3000, 30);
    // One row over 2× the relay's CPU per message and with a 35 ms stall fails both goals.
    f.rows[1] = { ...f.rows[1]!, serverCpuUsPerMessage: 250, eventLoopDelay: { p99Ms: 5, maxMs: 35 } };
    const judged = serverJson(f, run('bare', 5, 4000, 25), topology, 10_000);
    expect(judged.rows.map((r) => r.ratioCpu)).toEqual([1, 2.5]);
    expect(judged.loopDelayMaxMs).toBe(35);
    expect(judged.goals).toMatchObject({ cpu: false, loopStall: false });
    expect(formatReport({ ...minimalResult(), server: judged })).toContain('≤ 20 ms: NOT met');
  });

  it('cannot call the saturation goal met while the relay never saturated', () => {
    const bare = { ...run('bare', 5, 4000, 25), saturated: false };
    expect(serverJson(run('frontdesk', 20, 3000, 30), bare, topology, 10_000).goals.saturation).toBeNull();
  });

  it('counts undelivered and unstored messages as lost', () => {
    const f = { ...run('frontdesk', 20, 3000, 30), undelivered: 2, missingFromStorage: 1 };
    expect(serverJson(f, run('bare', 5, 4000, 25), topology, 10_000).lost).toBe(3);
  });
});

describe('phaseBroken', () => {
  it('breaks on throughput, tail latency or loss', () => {
    expect(phaseBroken(row(1000, 2000, 1990, 20))).toBe(false);
    expect(phaseBroken(row(1000, 2000, 1500, 20))).toBe(true);
    expect(phaseBroken(row(1000, 2000, 2000, 150))).toBe(false);
    expect(phaseBroken(row(1000, 2000, 2000, 600))).toBe(true);
    expect(phaseBroken(row(1000, 2000, 2000, 20, 1))).toBe(true);
  });
});

function minimalResult(): BenchJson {
  return {
    schema: 1,
    mode: 'quick',
    startedAt: '2025-01-01T00:00:00.000Z',
    durationS: 60,
    machine: { cpu: 'Test CPU', cores: 2, memoryGB: 4, node: 'v20', os: 'linux' },
    widget: { built: false, reason: 'not built' },
    host: { measured: false, reason: 'the widget is not built' },
    server: null,
    bot: { measured: false, reason: 'skipped with --quick' },
    others: OTHER_WIDGETS,
  };
}

describe('formatReport', () => {
  it('prints the tables, the goals and the other widgets', () => {
    const result: BenchJson = {
      schema: 1,
      mode: 'quick',
      startedAt: '2025-01-01T00:00:00.000Z',
      durationS: 60,
      machine: { cpu: 'Test CPU', cores: 2, memoryGB: 4, node: 'v20', os: 'linux' },
      widget: { built: false, reason: 'not built' },
      host: { measured: false, reason: 'the widget is not built' },
      server: serverJson(run('frontdesk', 20, 3000, 30), run('bare', 5, 4000, 25), topology, 10_000),
      bot: { measured: false, reason: 'skipped with --quick' },
      others: OTHER_WIDGETS,
    };
    const text = formatReport(result);
    expect(text).toContain('Test CPU, 2 cores');
    expect(
      formatReport({ ...result, machine: { ...result.machine, loadAverage: { start: 19, end: 23.8 } } }),
    ).toContain('load average (1 min) 19 at the start, 23.8 at the end');
    expect(text).toContain('not measured: not built');
    expect(text).toContain('| 10000 | 2000 | 2000 | 2000 |');
    expect(text).toContain('≤ 25 ms: met');
    expect(text).toContain('Rocket.Chat Livechat 493 kB');
  });
});

describe('formatReport: browser part skipped', () => {
  it('prints dashes for the request counts and bytes that were not measured', () => {
    const widget = {
      built: true as const,
      budgets: { loaderGzipBytes: 2048, openGzipBytes: 51_200 },
      loaderBytes: 3800,
      loaderGzipBytes: 2000,
      openGzipBytes: 30_000,
      lazyGzipBytes: null,
      chunksBytes: 150_000,
      requestsOnLoad: Number.NaN,
      requestsOnOpen: Number.NaN,
      bytesOnLoad: Number.NaN,
      bytesOnOpen: Number.NaN,
      socketsOnLoad: Number.NaN,
    };
    const result = {
      schema: 1 as const,
      mode: 'quick' as const,
      startedAt: '2025-01-01T00:00:00.000Z',
      durationS: 60,
      machine: { cpu: 'Test CPU', cores: 2, memoryGB: 4, node: 'v20', os: 'linux' },
      widget,
      host: { measured: false as const, reason: 'skipped with --skip-browser' },
      server: null,
      bot: { measured: false as const, reason: 'skipped with --quick' },
      others: OTHER_WIDGETS,
    };
    // After a round trip through JSON, NaN is null.
    const text = formatReport(JSON.parse(JSON.stringify(result)) as BenchJson);
    expect(text).toContain('| requests on page load (Chromium) | – |  |');
    expect(text).toContain('| bytes on the wire on load / on open | – / – |  |');
    expect(text).not.toContain('null');
  });
});

describe('formatReport: bot latency', () => {
  const base: Omit<BenchJson, 'bot'> = {
    schema: 1,
    mode: 'full',
    startedAt: '2025-01-01T00:00:00.000Z',
    durationS: 60,
    machine: { cpu: 'Test CPU', cores: 2, memoryGB: 4, node: 'v20', os: 'linux' },
    widget: { built: false, reason: 'not built' },
    host: { measured: false, reason: 'the widget is not built' },
    server: null,
    others: OTHER_WIDGETS,
  };
  const latency = { entries: 1000, queries: 1000, medianMs: 0.42, p99Ms: 1.07, budgetMs: 1 };

  it('reports the time per match over 1,000 entries against its budget', () => {
    const text = formatReport({ ...base, bot: { table: 'TABLE', json: null, latency } });
    expect(text).toContain('median 0.420 ms, p99 1.070 ms — budget 1 ms median: met');
  });

  it('says when the budget is not met, and when the latency run failed', () => {
    const slow = { ...latency, medianMs: 1.5 };
    expect(formatReport({ ...base, bot: { table: 'T', json: null, latency: slow } })).toContain('NOT met');
    expect(formatReport({ ...base, bot: { table: 'T', json: null, latency: null } })).toContain(
      'Time per match: not measured',
    );
  });
});

describe('formatReport, host page (issue 17)', () => {
  const tag = {
    loadEventMsMedian: 1300,
    loadDelayMs: 300,
    pairedLoadDelayMs: 280,
    scriptMsMedian: 70,
    addedScriptMs: 40,
    pairedAddedScriptMs: 38,
    tbtMsMedian: 0,
    loaderStartMsMedian: 600,
    widgetRequestsBeforeLoadMedian: 1,
    launcherVisibleMsMedian: 1290,
  };
  const host = {
    runs: 9,
    cpuSlowdown: 4,
    tbtMsMedian: 0,
    baselineTbtMsMedian: 0,
    loadEventMsMedian: 1010,
    baselineLoadEventMsMedian: 1000,
    loadDelayMs: 10,
    scriptMsMedian: 38,
    baselineScriptMsMedian: 30,
    addedScriptMs: 8,
    pairedLoadDelayMs: 4,
    pairedAddedScriptMs: 7.5,
    loaderStartMsMedian: 1012,
    widgetRequestsBeforeLoadMedian: 0,
    launcherVisibleMsMedian: 1100,
    openReadyMsMedian: 200,
    tag,
  };

  it('gives the three figures beside the baseline, per-round differences and the goals', () => {
    const text = formatReport({ ...minimalResult(), host });
    expect(text).toContain('| load event delayed by | 10 ms (1.01×) | 300 ms (1.3×) | – |');
    expect(text).toContain('| script added | 8 ms | 40 ms | – |');
    expect(text).toContain(
      '| per round (median of with − without) | load 4 ms, script 7.5 ms | load 280 ms, script 38 ms | – |',
    );
    expect(text).toContain('load event delayed ≤ 50 ms: met; script added ≤ 10 ms: met');
    expect(text).toContain(
      "launcher visible at 1100 ms (plain tag 1290 ms; the page's own load event 1000 ms)",
    );
    expect(text).not.toContain('Same rounds');
  });

  it('adds the compared loader (BENCH_COMPARE_LOADER) from the same rounds', () => {
    const compare = {
      file: '/tmp/widget-before.js',
      loadEventMsMedian: 1020,
      loadDelayMs: 20,
      pairedLoadDelayMs: 15,
      scriptMsMedian: 45,
      addedScriptMs: 15,
      pairedAddedScriptMs: 14,
      launcherVisibleMsMedian: 1110,
      pairedLauncherVsBuiltMs: 9,
    };
    const text = formatReport({ ...minimalResult(), host: { ...host, compare } });
    expect(text).toContain(
      'Same rounds, the after-load embed with the loader /tmp/widget-before.js: load event 1020 ms (delayed by 20 ms; per round 15 ms), ' +
        'script 45 ms (added 15 ms; per round 14 ms), launcher visible 1110 ms (per round 9 ms against the built loader)',
    );
  });
});

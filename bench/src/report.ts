/**
 * The bench result: one JSON object with stable keys (built here from the measured parts), the
 * printed table, and the published figures of other widgets. Pure: no I/O.
 */
import type { WIDGET_BUDGETS } from '@frontdesk/shared';
import type { HostImpact, WidgetWeight } from './browser/host-page.ts';
import { LISTS_PER_SITE, type Topology } from './load/protocol.ts';
import { formatScaleOut, type ScaleOutJson } from './scale-out-report.ts';
import { type PhaseRow, SATURATION, type TargetName, type TargetRun } from './server-load.ts';
import { ratio } from './stats.ts';

export type Machine = {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started and when it ended: how busy the shared machine was. */
  loadAverage?: { start: number; end: number };
};

/** Published or measured figures of other widgets, gzipped, for context only. */
export const OTHER_WIDGETS = [
  { name: 'Rocket.Chat Livechat', onLoadKB: 493, note: 'on page load' },
  { name: 'Papercups', onLoadKB: 127, note: '+ an iframe' },
  { name: 'Chatwoot', onLoadKB: 170, note: 'about' },
  { name: 'Crisp', onLoadKB: 130, note: 'about' },
  { name: 'Intercom', onLoadKB: 2, note: 'loader, then about 210 kB' },
] as const;

export const GOALS = {
  p99Ms: 25,
  p99AtRate: 2000,
  p99AtSockets: 10_000,
  saturationShare: 0.5,
  memoryRatio: 1.5,
  /** CPU per message at every load row, against the relay's in the same run. */
  cpuRatio: 2,
  /** No event-loop stall (delay beyond the monitor's resolution) over this under load, at any row. */
  loopStallMs: 20,
  /** Issue 17, at the host page's CPU slowdown: the load event delayed, main-thread script added. */
  hostLoadDelayMs: 50,
  hostAddedScriptMs: 10,
};

export type ServerRowJson = {
  sockets: number;
  agentSockets: number;
  rate: number;
  sentRate: number;
  achievedRate: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  visitorToAgentP99Ms: number;
  agentToVisitorP99Ms: number;
  ackP50Ms: number;
  ackP99Ms: number;
  lost: number;
  serverCpuPct: number;
  cpuUsPerMessage: number;
  generatorCpuPct: number;
  bareP50Ms: number | null;
  bareP99Ms: number | null;
  bareAchievedRate: number | null;
  bareCpuUsPerMessage: number | null;
  ratioThroughput: number | null;
  ratioP99: number | null;
  ratioCpu: number | null;
  /** Event-loop delay over the phase (`monitorEventLoopDelay`, beyond its 10 ms resolution). */
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  bareLoopDelayMaxMs: number | null;
};

export type BenchJson = {
  schema: 1;
  mode: 'quick' | 'full';
  startedAt: string;
  durationS: number;
  machine: Machine;
  widget: (WidgetWeight & { built: true; budgets: typeof WIDGET_BUDGETS }) | { built: false; reason: string };
  host:
    | Omit<HostImpact, 'withWidget' | 'withTag' | 'withoutWidget' | 'withCompare'>
    | { measured: false; reason: string };
  server: {
    topology: Topology & { persistence: string };
    rows: ServerRowJson[];
    memoryPerSocketKB: number;
    bareMemoryPerSocketKB: number;
    heapPerSocketKB: number;
    bareHeapPerSocketKB: number;
    ratioMemory: number | null;
    idleSockets: number;
    saturationRate: number | null;
    bareSaturationRate: number | null;
    /** False when the ramp ended before that target broke: its rate is then a lower bound. */
    saturationReached: boolean;
    bareSaturationReached: boolean;
    ratioSaturation: number | null;
    saturationSockets: number;
    ramp: { target: TargetName; rate: number; achievedRate: number; p99Ms: number; lost: number }[];
    acked: number;
    undelivered: number;
    missingFromStorage: number | null;
    lost: number;
    /** The largest event-loop stall of any load row (steady rows; the ramp overloads on purpose). */
    loopDelayMaxMs: number | null;
    goals: {
      p99: boolean | null;
      saturation: boolean | null;
      memory: boolean | null;
      cpu: boolean | null;
      loopStall: boolean | null;
    };
    /** Frontdesk on PostgreSQL and on two nodes beside SQLite and the relay; null: not asked for. */
    scaleOut: ScaleOutJson | null;
  } | null;
  bot: { table: string; json: unknown; latency: BotLatency | null } | { measured: false; reason: string };
  others: typeof OTHER_WIDGETS;
};

/** `pnpm bot:eval --latency --json`: time per match over 1,000 entries. */
export type BotLatency = {
  entries: number;
  queries: number;
  medianMs: number;
  p99Ms: number;
  budgetMs: number;
};

function rowJson(f: PhaseRow, bare: PhaseRow | undefined): ServerRowJson {
  return {
    sockets: f.pairs,
    agentSockets: f.agentSockets,
    rate: f.rate,
    sentRate: f.sentRate,
    achievedRate: f.achievedRate,
    p50Ms: f.delivery.p50,
    p95Ms: f.delivery.p95,
    p99Ms: f.delivery.p99,
    visitorToAgentP99Ms: f.visitorToAgent.p99,
    agentToVisitorP99Ms: f.agentToVisitor.p99,
    ackP50Ms: f.ack.p50,
    ackP99Ms: f.ack.p99,
    lost: f.lost,
    serverCpuPct: f.serverCpuPct,
    cpuUsPerMessage: f.serverCpuUsPerMessage,
    generatorCpuPct: f.generatorCpuPct,
    bareP50Ms: bare?.delivery.p50 ?? null,
    bareP99Ms: bare?.delivery.p99 ?? null,
    bareAchievedRate: bare?.achievedRate ?? null,
    bareCpuUsPerMessage: bare?.serverCpuUsPerMessage ?? null,
    ratioThroughput: ratio(f.achievedRate, bare?.achievedRate),
    ratioP99: ratio(f.delivery.p99, bare?.delivery.p99),
    ratioCpu: ratio(f.serverCpuUsPerMessage, bare?.serverCpuUsPerMessage),
    loopDelayP99Ms: f.eventLoopDelay.p99Ms,
    loopDelayMaxMs: f.eventLoopDelay.maxMs,
    bareLoopDelayMaxMs: bare?.eventLoopDelay.maxMs ?? null,
  };
}

export function serverJson(
  frontdesk: TargetRun,
  bare: TargetRun,
  topology: Topology,
  saturationSockets: number,
  scaleOut: ScaleOutJson | null = null,
): NonNullable<BenchJson['server']> {
  const rows = frontdesk.rows.map((f) =>
    rowJson(
      f,
      bare.rows.find((b) => b.pairs === f.pairs && b.rate === f.rate),
    ),
  );
  const goalRow = rows.find((r) => r.sockets === GOALS.p99AtSockets && r.rate === GOALS.p99AtRate);
  const ratioSaturation = ratio(frontdesk.saturationRate, bare.saturationRate);
  const ratioMemory = ratio(frontdesk.memory.rssPerSocketKB, bare.memory.rssPerSocketKB);
  const cpuRatios = rows.map((r) => r.ratioCpu).filter((x): x is number => x !== null);
  const loopDelayMaxMs = rows.length > 0 ? Math.max(...rows.map((r) => r.loopDelayMaxMs)) : null;
  const ramp = [frontdesk, bare].flatMap((run) =>
    run.ramp.map((r) => ({
      target: run.target,
      rate: r.rate,
      achievedRate: r.achievedRate,
      p99Ms: r.delivery.p99,
      lost: r.lost,
    })),
  );
  return {
    topology: { ...topology, persistence: 'SQLite file, WAL' },
    rows,
    memoryPerSocketKB: frontdesk.memory.rssPerSocketKB,
    bareMemoryPerSocketKB: bare.memory.rssPerSocketKB,
    heapPerSocketKB: frontdesk.memory.heapPerSocketKB,
    bareHeapPerSocketKB: bare.memory.heapPerSocketKB,
    ratioMemory,
    idleSockets: frontdesk.memory.sockets,
    saturationRate: frontdesk.saturationRate,
    bareSaturationRate: bare.saturationRate,
    saturationReached: frontdesk.saturated,
    bareSaturationReached: bare.saturated,
    ratioSaturation,
    saturationSockets,
    ramp,
    acked: frontdesk.acked,
    undelivered: frontdesk.undelivered,
    missingFromStorage: frontdesk.missingFromStorage,
    lost: frontdesk.undelivered + (frontdesk.missingFromStorage ?? 0),
    loopDelayMaxMs,
    goals: {
      cpu: cpuRatios.length === 0 ? null : cpuRatios.every((x) => x <= GOALS.cpuRatio),
      loopStall: loopDelayMaxMs === null ? null : loopDelayMaxMs <= GOALS.loopStallMs,
      p99: goalRow ? goalRow.p99Ms <= GOALS.p99Ms && goalRow.lost === 0 : null,
      // With the relay not saturated the ratio is an upper bound: it can prove "not met" only.
      saturation:
        ratioSaturation === null
          ? null
          : ratioSaturation < GOALS.saturationShare
            ? false
            : bare.saturated
              ? true
              : null,
      memory: ratioMemory === null ? null : ratioMemory <= GOALS.memoryRatio,
    },
    scaleOut,
  };
}

/** Not measured (NaN, or null after JSON) prints as a dash, never as "0.0 kB". */
const kB = (bytes: number | null) =>
  bytes === null || !Number.isFinite(bytes) ? '–' : `${(bytes / 1024).toFixed(1)} kB`;
const num = (value: number | null | undefined, unit = '') =>
  value === null || value === undefined || Number.isNaN(value) ? '–' : `${value}${unit}`;
const verdict = (ok: boolean | null) => (ok === null ? 'not measured' : ok ? 'met' : 'NOT met');

/** A Markdown table (also readable in a terminal). */
function table(head: string[], rows: (string | number)[][]): string {
  const lines = [head, head.map(() => '---'), ...rows.map((r) => r.map(String))];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The whole report as Markdown text; the same text goes to the terminal and docs/BENCHMARKS.md. */
export function formatReport(r: BenchJson): string {
  const out: string[] = [];
  out.push(
    `Frontdesk bench (${r.mode}), ${r.startedAt}, ${r.durationS} s — ${r.machine.cpu}, ${r.machine.cores} cores, ` +
      `${r.machine.memoryGB} GB, Node ${r.machine.node}, ${r.machine.os}` +
      (r.machine.loadAverage
        ? `; load average (1 min) ${r.machine.loadAverage.start} at the start, ${r.machine.loadAverage.end} at the end`
        : ''),
  );
  out.push('', '### Widget weight');
  if (r.widget.built) {
    const w = r.widget;
    out.push(
      table(
        ['', 'Frontdesk', 'budget'],
        [
          ['loader (gzip)', kB(w.loaderGzipBytes), kB(w.budgets.loaderGzipBytes)],
          ['loader (raw)', kB(w.loaderBytes), ''],
          ['on open (gzip)', kB(w.openGzipBytes), kB(w.budgets.openGzipBytes)],
          ['later, lazily (gzip)', w.lazyGzipBytes === null ? '–' : kB(w.lazyGzipBytes), ''],
          ['all chunks (raw)', kB(w.chunksBytes), ''],
          ['requests on page load (Chromium)', num(w.requestsOnLoad), ''],
          ['sockets opened on page load', num(w.socketsOnLoad), '0'],
          ['requests on open, socket included', num(w.requestsOnOpen), ''],
          ['bytes on the wire on load / on open', `${kB(w.bytesOnLoad)} / ${kB(w.bytesOnOpen)}`, ''],
        ],
      ),
    );
  } else out.push(`not measured: ${r.widget.reason}`);
  out.push(
    '',
    'Other widgets, published figures (gzip): ' +
      OTHER_WIDGETS.map((o) => `${o.name} ${o.onLoadKB} kB (${o.note})`).join('; '),
  );

  out.push('', '### Host page (demo shop, Chromium, cold cache, medians)');
  if ('tbtMsMedian' in r.host) {
    const h = r.host;
    const t = h.tag;
    const ms = (v: number | null | undefined) => num(v, ' ms');
    const delay = (delta: number, load: number) =>
      `${ms(delta)} (${num(ratio(load, h.baselineLoadEventMsMedian), '×')})`;
    const met = (value: number, goal: number) => verdict(Number.isFinite(value) ? value <= goal : null);
    out.push(
      'Three embeds of the same demo page, interleaved: the demo as shipped (loader inserted after the',
      "page's load event), the plain `async` tag (inserted where the parser ends the body), and none.",
      '',
      table(
        ['', 'after load (demo)', 'plain async tag', 'without (baseline)'],
        [
          ['load event', ms(h.loadEventMsMedian), ms(t.loadEventMsMedian), ms(h.baselineLoadEventMsMedian)],
          [
            'load event delayed by',
            delay(h.loadDelayMs, h.loadEventMsMedian),
            delay(t.loadDelayMs, t.loadEventMsMedian),
            '–',
          ],
          ['main-thread script', ms(h.scriptMsMedian), ms(t.scriptMsMedian), ms(h.baselineScriptMsMedian)],
          ['script added', ms(h.addedScriptMs), ms(t.addedScriptMs), '–'],
          [
            'per round (median of with − without)',
            `load ${ms(h.pairedLoadDelayMs)}, script ${ms(h.pairedAddedScriptMs)}`,
            `load ${ms(t.pairedLoadDelayMs)}, script ${ms(t.pairedAddedScriptMs)}`,
            '–',
          ],
          ['total blocking time', ms(h.tbtMsMedian), ms(t.tbtMsMedian), ms(h.baselineTbtMsMedian)],
          ['loader requested at', ms(h.loaderStartMsMedian), ms(t.loaderStartMsMedian), '–'],
          [
            'widget requests before load',
            num(h.widgetRequestsBeforeLoadMedian),
            num(t.widgetRequestsBeforeLoadMedian),
            '–',
          ],
          ['launcher visible', ms(h.launcherVisibleMsMedian), ms(t.launcherVisibleMsMedian), '–'],
          ['click → ready to type', ms(h.openReadyMsMedian), '', '–'],
        ],
      ),
      `(${h.runs} runs each; CPU slowed down ${h.cpuSlowdown}× in Chromium)`,
      `Goals (demo as shipped): load event delayed ≤ ${GOALS.hostLoadDelayMs} ms: ${met(h.loadDelayMs, GOALS.hostLoadDelayMs)}; ` +
        `script added ≤ ${GOALS.hostAddedScriptMs} ms: ${met(h.addedScriptMs, GOALS.hostAddedScriptMs)}; ` +
        `launcher visible at ${ms(h.launcherVisibleMsMedian)} (plain tag ${ms(t.launcherVisibleMsMedian)}; ` +
        `the page's own load event ${ms(h.baselineLoadEventMsMedian)})`,
    );
    const c = h.compare;
    if (c) {
      out.push(
        `Same rounds, the after-load embed with the loader ${c.file}: load event ${ms(c.loadEventMsMedian)} ` +
          `(delayed by ${ms(c.loadDelayMs)}; per round ${ms(c.pairedLoadDelayMs)}), script ${ms(c.scriptMsMedian)} ` +
          `(added ${ms(c.addedScriptMs)}; per round ${ms(c.pairedAddedScriptMs)}), launcher visible ` +
          `${ms(c.launcherVisibleMsMedian)} (per round ${ms(c.pairedLauncherVsBuiltMs)} against the built loader)`,
      );
    }
  } else out.push(`not measured: ${r.host.reason}`);

  out.push('', '### Server under load (Frontdesk vs bare socket.io relay, same run)');
  const s = r.server;
  if (s) {
    out.push(
      `Each visitor socket has one conversation; one agent socket handles ${s.topology.chatsPerAgent} of them; ` +
        `${s.topology.agentsPerSite} agent sockets per site (one account each, ` +
        `${s.topology.listsPerSite ?? LISTS_PER_SITE} showing the list). Persistence: ${s.topology.persistence}. ` +
        'Latency = send → arrival at the other side; half the messages each way.',
      '',
      table(
        [
          'visitor sockets',
          'agent sockets',
          'rate /s',
          'achieved /s',
          'p50 ms',
          'p95 ms',
          'p99 ms',
          'v→a p99',
          'a→v p99',
          'ack p99',
          'lost',
          'server CPU µs/msg',
          'bare p50',
          'bare p99',
          'bare achieved /s',
          'bare µs/msg',
          'CPU × bare',
          'loop delay p99 / max ms',
          'bare loop max ms',
          'throughput ratio',
        ],
        s.rows.map((x) => [
          x.sockets,
          x.agentSockets,
          x.rate,
          x.achievedRate,
          num(x.p50Ms),
          num(x.p95Ms),
          num(x.p99Ms),
          num(x.visitorToAgentP99Ms),
          num(x.agentToVisitorP99Ms),
          num(x.ackP99Ms),
          x.lost,
          x.cpuUsPerMessage,
          num(x.bareP50Ms),
          num(x.bareP99Ms),
          num(x.bareAchievedRate),
          num(x.bareCpuUsPerMessage),
          num(x.ratioCpu),
          `${x.loopDelayP99Ms} / ${x.loopDelayMaxMs}`,
          num(x.bareLoopDelayMaxMs),
          num(x.ratioThroughput),
        ]),
      ),
      '',
      table(
        ['', 'Frontdesk', 'bare relay', 'ratio', 'goal'],
        [
          [
            `saturation rate at ${s.saturationSockets} sockets (msg/s)`,
            `${s.saturationReached ? '' : '≥ '}${num(s.saturationRate)}`,
            `${s.bareSaturationReached ? '' : '≥ '}${num(s.bareSaturationRate)}`,
            `${s.bareSaturationReached || !s.saturationReached ? '' : '≤ '}${num(s.ratioSaturation)}`,
            `≥ ${GOALS.saturationShare}× bare: ${verdict(s.goals.saturation)}`,
          ],
          [
            `RSS per idle visitor socket (${s.idleSockets} sockets)`,
            `${s.memoryPerSocketKB} kB`,
            `${s.bareMemoryPerSocketKB} kB`,
            num(s.ratioMemory),
            `≤ ${GOALS.memoryRatio}× bare: ${verdict(s.goals.memory)}`,
          ],
          [
            'JS heap per idle visitor socket',
            `${s.heapPerSocketKB} kB`,
            `${s.bareHeapPerSocketKB} kB`,
            '',
            '',
          ],
          [
            `p99 at ${GOALS.p99AtRate}/s with ${GOALS.p99AtSockets} sockets`,
            num(
              s.rows.find((x) => x.sockets === GOALS.p99AtSockets && x.rate === GOALS.p99AtRate)?.p99Ms,
              ' ms',
            ),
            '',
            '',
            `≤ ${GOALS.p99Ms} ms: ${verdict(s.goals.p99)}`,
          ],
          [
            'CPU per message, every load row',
            '',
            '',
            s.rows.length > 0 ? `${Math.max(...s.rows.map((x) => x.ratioCpu ?? 0))} (worst)` : '–',
            `≤ ${GOALS.cpuRatio}× bare: ${verdict(s.goals.cpu)}`,
          ],
          [
            'largest event-loop stall, load rows',
            num(s.loopDelayMaxMs, ' ms'),
            s.rows.length > 0 ? `${Math.max(...s.rows.map((x) => x.bareLoopDelayMaxMs ?? 0))} ms` : '–',
            '',
            `≤ ${GOALS.loopStallMs} ms: ${verdict(s.goals.loopStall)}`,
          ],
        ],
      ),
      '',
      `Saturation ramp (a step breaks when achieved < ${SATURATION.minAchievedShare * 100}% of the rate, ` +
        `p99 > ${SATURATION.maxP99Ms} ms or anything is lost): ` +
        s.ramp
          .map((x) => `${x.target} ${x.rate}/s → ${x.achievedRate}/s, p99 ${num(x.p99Ms, ' ms')}`)
          .join('; '),
      '',
      `Messages: ${s.acked} acknowledged by Frontdesk, ${s.undelivered} of them never arrived, ` +
        `${s.missingFromStorage ?? '–'} missing from storage → lost ${s.lost}.`,
    );
    if (s.scaleOut)
      out.push(
        '',
        '### Server on PostgreSQL and on two nodes (same load, same run)',
        formatScaleOut(s.scaleOut),
      );
  } else out.push('not measured');

  out.push('', '### Bot');
  if ('table' in r.bot) {
    out.push('```', r.bot.table.trimEnd(), '```');
    const l = r.bot.latency;
    out.push(
      '',
      l
        ? `Time per match over ${l.entries} entries (${l.queries} queries, best of 3 passes): median ` +
            `${l.medianMs.toFixed(3)} ms, p99 ${l.p99Ms.toFixed(3)} ms — budget ${l.budgetMs} ms median: ` +
            `${l.medianMs <= l.budgetMs ? 'met' : 'NOT met'}.`
        : 'Time per match: not measured (the latency run failed).',
    );
  } else out.push(`not measured: ${r.bot.reason}`);
  return out.join('\n');
}

/**
 * Widget weight and host-page impact, in Chromium against a real Frontdesk process: the demo shop
 * with the script tag and without it (the loader request aborted), cold cache every run, the CPU
 * slowed down 4× (CDP `Emulation.setCPUThrottlingRate`, as Lighthouse's mobile profile). In the page:
 * long tasks (total blocking time), the load event, when the launcher is visible, click → composer
 * ready to type, which requests the widget made on load and on open (and how many of them started
 * before the load event, the ones that can delay it); from CDP, the main thread's script time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PATHS } from '@frontdesk/shared';
import { CHROMIUM_PATH, launchChromium } from '@frontdesk/test/chromium';
import type { Browser, Page } from 'playwright-core';
import { Child } from '../ipc.ts';
import { median, pairedMedian, round } from '../stats.ts';

export { CHROMIUM_PATH };

const MANIFEST = fileURLToPath(new URL('../../../widget/dist/manifest.json', import.meta.url));
const LOADER_BUILT = fileURLToPath(new URL('../../../widget/dist/widget.js', import.meta.url));
const WAIT_MS = 20_000;
/** CPU slowdown for every host-page run: a mid-range phone on a desktop core. */
export const CPU_SLOWDOWN = 4;

export type WidgetManifest = {
  loader: string;
  files: { path: string; bytes: number; gzipBytes: number }[];
  loaderGzipBytes: number;
  openGzipBytes: number;
  lazyGzipBytes?: number;
};

export type WidgetWeight = {
  loaderBytes: number;
  loaderGzipBytes: number;
  chunksBytes: number;
  openGzipBytes: number;
  lazyGzipBytes: number | null;
  /** Median over runs, measured in Chromium. */
  requestsOnLoad: number;
  requestsOnOpen: number;
  bytesOnLoad: number;
  bytesOnOpen: number;
  socketsOnLoad: number;
};

export type HostRun = {
  tbtMs: number;
  longTasks: number;
  loadEventMs: number;
  /** Main-thread script time (CDP `Performance.getMetrics` ScriptDuration) until the run settled. */
  scriptMs: number;
  /** The loader's request (Resource Timing), null when the page made none. */
  loaderStartMs: number | null;
  loaderEndMs: number | null;
  /** Widget requests (loader included) that started before the load event: what can delay it. */
  widgetRequestsBeforeLoad: number;
  launcherVisibleMs: number | null;
  openReadyMs: number | null;
  widgetRequestsOnLoad: number;
  widgetBytesOnLoad: number;
  widgetRequestsOnOpen: number;
  widgetBytesOnOpen: number;
  socketsOnLoad: number;
};

export type HostImpact = {
  runs: number;
  cpuSlowdown: number;
  tbtMsMedian: number;
  baselineTbtMsMedian: number;
  loadEventMsMedian: number;
  baselineLoadEventMsMedian: number;
  /** Median with − median without. */
  loadDelayMs: number;
  scriptMsMedian: number;
  baselineScriptMsMedian: number;
  /** Median with − median without. */
  addedScriptMs: number;
  /**
   * Median over rounds of (with − without) in the same round: each round's variants ran back to back,
   * so a busy machine's drift between rounds cancels out.
   */
  pairedLoadDelayMs: number;
  pairedAddedScriptMs: number;
  loaderStartMsMedian: number | null;
  widgetRequestsBeforeLoadMedian: number | null;
  launcherVisibleMsMedian: number | null;
  openReadyMsMedian: number | null;
  /** The same page with the plain `async` tag instead (the README's first embed), same run. */
  tag: {
    loadEventMsMedian: number;
    loadDelayMs: number;
    scriptMsMedian: number;
    addedScriptMs: number;
    pairedLoadDelayMs: number;
    pairedAddedScriptMs: number;
    tbtMsMedian: number;
    loaderStartMsMedian: number | null;
    widgetRequestsBeforeLoadMedian: number | null;
    launcherVisibleMsMedian: number | null;
  };
  /**
   * `BENCH_COMPARE_LOADER=<file>`: the after-load embed once more per round with that loader (e.g.
   * an earlier build kept aside) served instead of the built one, for a before/after in one run.
   */
  compare?: {
    file: string;
    loadEventMsMedian: number;
    loadDelayMs: number;
    pairedLoadDelayMs: number;
    scriptMsMedian: number;
    addedScriptMs: number;
    pairedAddedScriptMs: number;
    launcherVisibleMsMedian: number | null;
    /** Median over rounds of (this loader's launcher − the built one's), same round. */
    pairedLauncherVsBuiltMs: number;
  };
  withWidget: HostRun[];
  withTag: HostRun[];
  withCompare: HostRun[];
  withoutWidget: HostRun[];
};

export function readManifest(): WidgetManifest | null {
  return existsSync(MANIFEST) ? (JSON.parse(readFileSync(MANIFEST, 'utf8')) as WidgetManifest) : null;
}

// In-page code is kept as plain strings: tsx would wrap named functions with a `__name` helper that
// does not exist in the page.

/**
 * Runs in the page before any of its scripts: long tasks, and when the launcher is first laid out.
 * A mutation observer waits for the widget's element; a `ResizeObserver` on its button then reports
 * the rendering update in which the button is first laid out with a size. Nothing here reads layout
 * (an earlier version polled `getBoundingClientRect` every frame, which forced the launcher's style
 * and layout inside the bench's own script and counted them as the widget's script time), and the
 * baseline page runs none of it, so the script time of the variants is comparable.
 * `bench.launcher` resolves when the launcher is visible.
 */
const INSTRUMENT = `(() => {
  let shown;
  const bench = { longTasks: [], launcherAt: null, launcher: new Promise((resolve) => { shown = resolve; }) };
  window.__fdBench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const sized = new ResizeObserver((entries) => {
    if (!entries.some((e) => e.contentRect.width > 0)) return;
    sized.disconnect();
    bench.launcherAt = performance.now();
    shown();
  });
  const watcher = new MutationObserver(() => {
    const button = document.querySelector('frontdesk-widget')?.shadowRoot?.querySelector('button');
    if (!button) return;
    watcher.disconnect();
    sized.observe(button);
  });
  watcher.observe(document, { childList: true, subtree: true });
})()`;

/** In the page: clicks the launcher; resolves with ms until the composer can be typed into. */
const OPEN_AND_WAIT = `new Promise((resolve) => {
  const deepTextarea = (root) => {
    const found = root.querySelector('.composer textarea');
    if (found) return found;
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) {
        const inner = deepTextarea(el.shadowRoot);
        if (inner) return inner;
      }
    }
    return null;
  };
  const button = document.querySelector('frontdesk-widget')?.shadowRoot?.querySelector('button');
  const clickAt = performance.now();
  if (!button) return resolve({ clickAt, readyMs: null });
  button.click();
  const poll = () => {
    const box = deepTextarea(document);
    if (box && !box.disabled && box.getBoundingClientRect().height > 0)
      resolve({ clickAt, readyMs: performance.now() - clickAt });
    else if (performance.now() - clickAt < 20000) requestAnimationFrame(poll);
    else resolve({ clickAt, readyMs: null });
  };
  poll();
})`;

const READ_LOAD = `(() => {
  const b = window.__fdBench;
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    tbt: b.longTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
    longTasks: b.longTasks.length,
    launcherAt: b.launcherAt,
    loadEvent: nav ? nav.loadEventStart : NaN,
  };
})()`;

const READ_RESOURCES = `performance.getEntriesByType('resource').map((e) => ({ name: e.name, start: e.startTime, end: e.responseEnd, bytes: e.transferSize }))`;

type Resource = { path: string; start: number; end: number; bytes: number };

async function widgetResources(page: Page): Promise<Resource[]> {
  const entries =
    await page.evaluate<{ name: string; start: number; end: number; bytes: number }[]>(READ_RESOURCES);
  return entries
    .map((e) => ({ path: new URL(e.name).pathname, start: e.start, end: e.end, bytes: e.bytes }))
    .filter((e) => !e.path.startsWith(`${PATHS.demo}/`) && e.path !== '/favicon.ico');
}

/**
 * How the page gets the widget:
 * - `after-load`: the demo shop as shipped — it inserts the loader after its `load` event (the
 *   README's "after load" embed);
 * - `tag`: the README's plain embed, an `async` tag in the document: the bench inserts it when the
 *   parser has finished the body (`readyState` "interactive", where the demo shop used to insert it)
 *   and aborts the demo's own after-load request, so both variants measure one loader;
 * - `none`: the loader request aborted (the baseline).
 */
export type Embed = 'after-load' | 'tag' | 'none' | 'compare';

const TAG_QUERY = '?embed=tag';

/** The plain tag, inserted where the parser finishes the body. */
const INSERT_TAG = `document.addEventListener('readystatechange', () => {
  if (document.readyState !== 'interactive') return;
  const script = document.createElement('script');
  script.src = '${PATHS.loader}${TAG_QUERY}';
  script.async = true;
  script.dataset.site = 'demo';
  script.dataset.locale = 'en';
  document.body.append(script);
})`;

/**
 * `settleMs`: how long the page is left alone after the launcher shows (idle-time prefetch counts as
 * load). `compareLoader`: for `compare`, the loader's text served instead of the built one;
 * `builtLoader` (only when comparing): the built loader's text, answered the same way for `after-load`.
 */
async function oneRun(
  browser: Browser,
  url: string,
  embed: Embed,
  settleMs: number,
  compareLoader = '',
  builtLoader = '',
): Promise<HostRun> {
  const withWidget = embed !== 'none';
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await cdp.send('Performance.enable');
    let sockets = 0;
    page.on('websocket', () => {
      sockets += 1;
    });
    // `none` aborts every loader request; `tag` only the demo's own (the bench's carries a query);
    // `after-load` none.
    await page.route(
      (u) => u.pathname === PATHS.loader && (embed === 'none' || (embed === 'tag' && u.search !== TAG_QUERY)),
      (route) => route.abort(),
    );
    // With a compared build, both after-load variants get their loader answered by the bench (the
    // built one or the other), so neither takes a path the other does not.
    const answer = embed === 'compare' ? compareLoader : embed === 'after-load' ? builtLoader : '';
    if (answer)
      await page.route(
        (u) => u.pathname === PATHS.loader,
        (route) => route.fulfill({ body: answer, contentType: 'text/javascript; charset=utf-8' }),
      );
    await page.addInitScript(INSTRUMENT);
    if (embed === 'tag') await page.addInitScript(INSERT_TAG);
    await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
    // A promise the page resolves, not Playwright's polling (script every frame). The baseline
    // evaluates once too, so Playwright's helper script in the page costs both variants the same.
    await page.evaluate(
      withWidget
        ? `Promise.race([window.__fdBench.launcher, new Promise((_, reject) => setTimeout(() => reject(new Error('no launcher')), ${WAIT_MS}))])`
        : 'undefined',
    );
    await page.waitForTimeout(settleMs);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const scriptS = metrics.find((m) => m.name === 'ScriptDuration')?.value ?? Number.NaN;
    const loaded = await page.evaluate<{
      tbt: number;
      longTasks: number;
      launcherAt: number | null;
      loadEvent: number;
    }>(READ_LOAD);
    const onLoad = await widgetResources(page);
    const loader = onLoad.find((r) => r.path === PATHS.loader);
    const socketsOnLoad = sockets;
    let openReadyMs: number | null = null;
    let onOpen: Resource[] = [];
    if (withWidget) {
      const opened = await page.evaluate<{ clickAt: number; readyMs: number | null }>(OPEN_AND_WAIT);
      openReadyMs = opened.readyMs;
      await page.waitForTimeout(1000);
      onOpen = (await widgetResources(page)).filter((r) => r.start >= opened.clickAt);
    }
    return {
      tbtMs: round(loaded.tbt, 1),
      longTasks: loaded.longTasks,
      loadEventMs: round(loaded.loadEvent, 1),
      scriptMs: round(scriptS * 1000, 1),
      loaderStartMs: loader ? round(loader.start, 1) : null,
      loaderEndMs: loader ? round(loader.end, 1) : null,
      widgetRequestsBeforeLoad: onLoad.filter((r) => r.start < loaded.loadEvent).length,
      launcherVisibleMs: loaded.launcherAt === null ? null : round(loaded.launcherAt, 1),
      openReadyMs: openReadyMs === null ? null : round(openReadyMs, 1),
      widgetRequestsOnLoad: onLoad.length,
      widgetBytesOnLoad: onLoad.reduce((s, r) => s + r.bytes, 0),
      widgetRequestsOnOpen: onOpen.length + (sockets - socketsOnLoad),
      widgetBytesOnOpen: onOpen.reduce((s, r) => s + r.bytes, 0),
      socketsOnLoad,
    };
  } finally {
    await context.close();
  }
}

const medianOf = (runs: HostRun[], pick: (r: HostRun) => number | null) => {
  const values = runs.map(pick).filter((v): v is number => v !== null && Number.isFinite(v));
  return values.length === 0 ? null : round(median(values), 1);
};

/** Median over rounds of `pick(with) − pick(without)`, the two runs of one round paired. */
const pairedOf = (withRuns: HostRun[], without: HostRun[], pick: (r: HostRun) => number) =>
  round(pairedMedian(withRuns.map(pick), without.map(pick)), 1);

export const launchBrowser = launchChromium;

/** Both variants, interleaved so drift in the machine hits them equally. */
export async function measureHostPage(
  runs: number,
  settleMs: number,
  log: (line: string) => void,
): Promise<{
  host: HostImpact;
  requests: Pick<
    WidgetWeight,
    'requestsOnLoad' | 'requestsOnOpen' | 'bytesOnLoad' | 'bytesOnOpen' | 'socketsOnLoad'
  >;
}> {
  const server = new Child(
    new URL('../targets/frontdesk.ts', import.meta.url),
    'frontdesk server (host page)',
    ['--expose-gc'],
  );
  let browser: Browser | null = null;
  try {
    await server.ready;
    const { url } = await server.call<{ url: string }>('start');
    browser = await launchBrowser();
    const page = `${url}${PATHS.demo}/`;
    await oneRun(browser, page, 'after-load', settleMs); // warm-up: server caches, Chromium's first start
    const withWidget: HostRun[] = [];
    const withTag: HostRun[] = [];
    const withCompare: HostRun[] = [];
    const compareFile = process.env.BENCH_COMPARE_LOADER;
    const compareLoader = compareFile ? readFileSync(compareFile, 'utf8') : '';
    const builtLoader = compareFile ? readFileSync(LOADER_BUILT, 'utf8') : '';
    const withoutWidget: HostRun[] = [];
    // Interleaved, the order rotating each round, so drift and the machine's noise hit all three.
    const order: Embed[] = ['after-load', 'tag', 'none', ...(compareFile ? (['compare'] as const) : [])];
    for (let i = 0; i < runs; i++) {
      for (let k = 0; k < order.length; k++) {
        const embed = order[(i + k) % order.length]!;
        const run = await oneRun(browser, page, embed, settleMs, compareLoader, builtLoader);
        const runs = { 'after-load': withWidget, tag: withTag, none: withoutWidget, compare: withCompare };
        runs[embed].push(run);
      }
      const [w, t, wo] = [withWidget.at(-1)!, withTag.at(-1)!, withoutWidget.at(-1)!];
      log(
        `  run ${i + 1}/${runs}: load ${w.loadEventMs} / tag ${t.loadEventMs} / without ${wo.loadEventMs} ms; ` +
          `script ${w.scriptMs} / ${t.scriptMs} / ${wo.scriptMs} ms; launcher ${w.launcherVisibleMs} / ${t.launcherVisibleMs} ms; ` +
          `widget requests before load ${w.widgetRequestsBeforeLoad} / ${t.widgetRequestsBeforeLoad}; ` +
          `TBT ${w.tbtMs} / ${t.tbtMs} / ${wo.tbtMs} ms; open→ready ${w.openReadyMs} ms` +
          (compareFile
            ? `; ${compareFile}: load ${withCompare.at(-1)?.loadEventMs}, script ${withCompare.at(-1)?.scriptMs}, launcher ${withCompare.at(-1)?.launcherVisibleMs} ms`
            : ''),
      );
    }
    const tagLoad = medianOf(withTag, (r) => r.loadEventMs) ?? Number.NaN;
    const tagScript = medianOf(withTag, (r) => r.scriptMs) ?? Number.NaN;
    const loadEventMsMedian = medianOf(withWidget, (r) => r.loadEventMs) ?? Number.NaN;
    const baselineLoadEventMsMedian = medianOf(withoutWidget, (r) => r.loadEventMs) ?? Number.NaN;
    const scriptMsMedian = medianOf(withWidget, (r) => r.scriptMs) ?? Number.NaN;
    const baselineScriptMsMedian = medianOf(withoutWidget, (r) => r.scriptMs) ?? Number.NaN;
    const host: HostImpact = {
      runs,
      cpuSlowdown: CPU_SLOWDOWN,
      tbtMsMedian: medianOf(withWidget, (r) => r.tbtMs) ?? Number.NaN,
      baselineTbtMsMedian: medianOf(withoutWidget, (r) => r.tbtMs) ?? Number.NaN,
      loadEventMsMedian,
      baselineLoadEventMsMedian,
      loadDelayMs: round(loadEventMsMedian - baselineLoadEventMsMedian, 1),
      scriptMsMedian,
      baselineScriptMsMedian,
      addedScriptMs: round(scriptMsMedian - baselineScriptMsMedian, 1),
      pairedLoadDelayMs: pairedOf(withWidget, withoutWidget, (r) => r.loadEventMs),
      pairedAddedScriptMs: pairedOf(withWidget, withoutWidget, (r) => r.scriptMs),
      loaderStartMsMedian: medianOf(withWidget, (r) => r.loaderStartMs),
      widgetRequestsBeforeLoadMedian: medianOf(withWidget, (r) => r.widgetRequestsBeforeLoad),
      launcherVisibleMsMedian: medianOf(withWidget, (r) => r.launcherVisibleMs),
      openReadyMsMedian: medianOf(withWidget, (r) => r.openReadyMs),
      tag: {
        loadEventMsMedian: tagLoad,
        loadDelayMs: round(tagLoad - baselineLoadEventMsMedian, 1),
        scriptMsMedian: tagScript,
        addedScriptMs: round(tagScript - baselineScriptMsMedian, 1),
        pairedLoadDelayMs: pairedOf(withTag, withoutWidget, (r) => r.loadEventMs),
        pairedAddedScriptMs: pairedOf(withTag, withoutWidget, (r) => r.scriptMs),
        tbtMsMedian: medianOf(withTag, (r) => r.tbtMs) ?? Number.NaN,
        loaderStartMsMedian: medianOf(withTag, (r) => r.loaderStartMs),
        widgetRequestsBeforeLoadMedian: medianOf(withTag, (r) => r.widgetRequestsBeforeLoad),
        launcherVisibleMsMedian: medianOf(withTag, (r) => r.launcherVisibleMs),
      },
      ...(compareFile && {
        compare: {
          file: compareFile,
          loadEventMsMedian: medianOf(withCompare, (r) => r.loadEventMs) ?? Number.NaN,
          loadDelayMs: round(
            (medianOf(withCompare, (r) => r.loadEventMs) ?? Number.NaN) - baselineLoadEventMsMedian,
            1,
          ),
          pairedLoadDelayMs: pairedOf(withCompare, withoutWidget, (r) => r.loadEventMs),
          scriptMsMedian: medianOf(withCompare, (r) => r.scriptMs) ?? Number.NaN,
          addedScriptMs: round(
            (medianOf(withCompare, (r) => r.scriptMs) ?? Number.NaN) - baselineScriptMsMedian,
            1,
          ),
          pairedAddedScriptMs: pairedOf(withCompare, withoutWidget, (r) => r.scriptMs),
          launcherVisibleMsMedian: medianOf(withCompare, (r) => r.launcherVisibleMs),
          pairedLauncherVsBuiltMs: pairedOf(
            withCompare,
            withWidget,
            (r) => r.launcherVisibleMs ?? Number.NaN,
          ),
        },
      }),
      withWidget,
      withTag,
      withoutWidget,
      withCompare,
    };
    return {
      host,
      requests: {
        requestsOnLoad: medianOf(withWidget, (r) => r.widgetRequestsOnLoad) ?? 0,
        requestsOnOpen: medianOf(withWidget, (r) => r.widgetRequestsOnOpen) ?? 0,
        bytesOnLoad: medianOf(withWidget, (r) => r.widgetBytesOnLoad) ?? 0,
        bytesOnOpen: medianOf(withWidget, (r) => r.widgetBytesOnOpen) ?? 0,
        socketsOnLoad: medianOf(withWidget, (r) => r.socketsOnLoad) ?? 0,
      },
    };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

/** Sizes from the widget build's manifest (the build enforces the budgets; this only reports). */
export function weightFromManifest(manifest: WidgetManifest) {
  const loader = manifest.files.find((f) => f.path === manifest.loader);
  const app = manifest.files.filter((f) => f.path !== manifest.loader);
  return {
    loaderBytes: loader?.bytes ?? 0,
    loaderGzipBytes: manifest.loaderGzipBytes,
    chunksBytes: app.reduce((s, f) => s + f.bytes, 0),
    openGzipBytes: manifest.openGzipBytes,
    lazyGzipBytes: manifest.lazyGzipBytes ?? null,
  };
}

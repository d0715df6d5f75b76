/**
 * Conversations per day as a uPlot bar-like line (issue 15). uPlot (MIT, ~20 kB gzipped) is loaded
 * only here, on the Reports page, as its own chunk; the table below the chart carries the same figures
 * for screen readers and keyboards, so the canvas is labelled as an image.
 */
import { useEffect, useRef } from 'preact/hooks';
import { themeColors, useSchemeKey } from './theme-colors.ts';

type Props = { label: string; locale: string; days: readonly { day: string; conversations: number }[] };

export function DayChart({ label, locale, days }: Props) {
  const host = useRef<HTMLDivElement>(null);
  // Redrawn when the scheme changes: a canvas keeps the colours it was drawn with.
  const scheme = useSchemeKey();
  useEffect(() => {
    let chart: { destroy(): void } | null = null;
    let cancelled = false;
    void (async () => {
      const [{ default: UPlot }] = await Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]);
      const el = host.current;
      const dayFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
      if (cancelled || !el) return;
      // The theme's tokens (uPlot's default is dark grey text, unreadable on the dark panel): labels in
      // --muted, which theme.test.ts holds at AA on --panel in both schemes; grid and ticks in --line.
      const color = themeColors(el, ['muted', 'line', 'accent', 'accent-soft'] as const);
      const axis = { stroke: color.muted, grid: { stroke: color.line }, ticks: { stroke: color.line } };
      const xs = days.map((d) => Date.parse(`${d.day}T12:00:00Z`) / 1000);
      const ys = days.map((d) => d.conversations);
      chart = new UPlot(
        {
          width: Math.max(280, el.clientWidth),
          height: 220,
          legend: { show: false },
          scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
          series: [{}, { label, stroke: color.accent, fill: color['accent-soft'], width: 2 }],
          axes: [
            {
              ...axis,
              // Days in the agent's language (uPlot's default is US month/day with hours).
              space: 70,
              incrs: [86_400, 7 * 86_400, 30 * 86_400],
              values: (_u, splits) => splits.map((s) => dayFormat.format(new Date(s * 1000))),
            },
            { ...axis, size: 40 },
          ],
        },
        [xs, ys],
        el,
      );
      // Which days it shows: a test waiting for the chart of a range it chose is not fooled by the
      // chart of the range before (still drawn while the new report loads).
      el.dataset.ready = `${days[0]?.day ?? ''}/${days.at(-1)?.day ?? ''}`;
    })();
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [days, label, locale, scheme]);
  return <div class="report-chart" ref={host} role="img" aria-label={label} />;
}

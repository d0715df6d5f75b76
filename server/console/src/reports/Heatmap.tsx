/** Conversations by weekday and hour (issue 15): a table shaded by count; each cell keeps its figure for readers. */
import { useI18n } from '../app/i18n.ts';

type Props = { heatmap: number[][]; weekdays: string[] };

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export function Heatmap({ heatmap, weekdays }: Props) {
  const { t } = useI18n();
  const max = Math.max(1, ...heatmap.flat());
  return (
    <section
      class="heatmap"
      aria-label={t('reportsHeatmap')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
      tabIndex={0}
    >
      <table class="heatmap__table">
        <caption>{t('reportsHeatmap')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span class="visually-hidden">{t('reportsWeekday')}</span>
            </th>
            {HOURS.map((hour) => (
              <th scope="col" key={hour} class="heatmap__hour">
                {hour}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {heatmap.map((hours, day) => (
            <tr key={weekdays[day]}>
              <th scope="row" class="heatmap__day">
                {weekdays[day]}
              </th>
              {hours.map((n, hour) => (
                <td
                  key={hour}
                  class={`heatmap__cell heatmap__cell--${Math.ceil((n / max) * 4)}`}
                  title={`${weekdays[day]} ${hour}:00 — ${n}`}
                >
                  <span class="visually-hidden">{n}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

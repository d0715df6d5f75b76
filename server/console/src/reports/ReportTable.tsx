/** One report table (issue 15): a caption that names it, and its CSV download. */
import { useI18n } from '../app/i18n.ts';
import { type Cell, downloadCsv, toCsv } from './csv.ts';

type Props = {
  caption: string;
  file: string;
  header: string[];
  rows: Cell[][];
  display?: preact.ComponentChildren[][];
};

export function ReportTable({ caption, file, header, rows, display }: Props) {
  const { t } = useI18n();
  return (
    <div class="report-table">
      <section
        class="report-table__scroll"
        aria-label={caption}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
        tabIndex={0}
      >
        <table class="table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {header.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={header.length}>{t('reportsEmpty')}</td>
              </tr>
            ) : (
              (display ?? rows).map((row, i) => (
                <tr key={i}>
                  {row.map((cell, j) => (
                    <td key={j}>{cell}</td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </section>
      <button
        type="button"
        class="button report-table__csv"
        onClick={() => downloadCsv(file, toCsv(header, rows))}
      >
        {t('reportsCsv', { table: caption })}
      </button>
    </div>
  );
}

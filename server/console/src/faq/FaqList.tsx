/** The FAQ entries of a site, grouped by language: question, id, examples, tags and overlap warnings. */
import type { FaqEntry, FaqOverlap } from '@frontdesk/shared';
import { useI18n } from '../app/i18n.ts';
import { routeHash } from '../app/routes.ts';
import { localeText } from '../shared/labels.ts';
import { groupByLanguage } from './faq-list.ts';

type Props = {
  entries: readonly FaqEntry[];
  overlaps: ReadonlyMap<string, readonly FaqOverlap[]>;
  selectedId: string | null;
  onOpen(faqId: string): void;
};

export function FaqList({ entries, overlaps, selectedId, onOpen }: Props) {
  const { t } = useI18n();
  return (
    <>
      {groupByLanguage(entries).map((group) => (
        <section key={group.lang} class="faq-group" aria-label={localeText(group.lang, t)}>
          <h2 class="lists__title">
            {t('faqGroupTitle', { language: localeText(group.lang, t), count: group.entries.length })}
          </h2>
          <ul>
            {group.entries.map((entry) => {
              const warnings = overlaps.get(entry.id)?.length ?? 0;
              const selected = entry.id === selectedId;
              return (
                <li key={entry.id}>
                  <a
                    class={`row faq-row${selected ? ' row--selected' : ''}`}
                    href={routeHash({ page: 'faq', faqId: entry.id })}
                    aria-current={selected ? 'true' : undefined}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(entry.id);
                    }}
                  >
                    <span class="row__name">{entry.question}</span>
                    <span class="row__meta">
                      <code>{entry.id}</code> · {t('faqExamplesCount', { count: entry.examples.length })}
                      {entry.tags.length > 0 && ` · ${entry.tags.join(', ')}`}
                    </span>
                    {warnings > 0 && (
                      <span class="faq-row__warning">⚠ {t('faqOverlapCount', { count: warnings })}</span>
                    )}
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

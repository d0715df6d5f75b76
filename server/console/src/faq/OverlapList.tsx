/** An entry's overlap warnings: which of its examples match another entry better, linked to that entry. */
import type { FaqEntry, FaqOverlap } from '@frontdesk/shared';
import { useI18n } from '../app/i18n.ts';
import { routeHash } from '../app/routes.ts';
import { Template } from '../shared/Template.tsx';
import { formatScore, questionOf } from './faq-list.ts';

type Props = { overlaps: readonly FaqOverlap[]; entries: readonly FaqEntry[]; onOpen(faqId: string): void };

export function OverlapList({ overlaps, entries, onOpen }: Props) {
  const { t } = useI18n();
  if (overlaps.length === 0) return null;
  return (
    <section class="overlaps" aria-label={t('faqOverlapsTitle')}>
      <h3 class="overlaps__title">{t('faqOverlapsTitle')}</h3>
      <ul>
        {overlaps.map((o) => (
          <li key={`${o.example}\n${o.matchedFaqId}`} class="overlaps__item">
            <Template
              template={t('faqOverlap')}
              values={{
                example: o.example,
                entry: (
                  <a
                    href={routeHash({ page: 'faq', faqId: o.matchedFaqId })}
                    onClick={(e) => {
                      e.preventDefault();
                      onOpen(o.matchedFaqId);
                    }}
                  >
                    {questionOf(entries, o.matchedFaqId)}
                  </a>
                ),
                matched: formatScore(o.matchedScore),
                own: formatScore(o.ownScore),
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One group of unanswered visitor messages: its sample, the texts, the closest entries and the actions. */
import type { UnansweredGroup } from '@frontdesk/shared';
import type { ComponentChildren } from 'preact';
import { useI18n } from '../app/i18n.ts';
import { routeHash } from '../app/routes.ts';
import { ScoreBar } from '../faq/ScoreBar.tsx';
import { formatClock } from '../shared/format.ts';
import { localeText } from '../shared/labels.ts';

type Props = {
  group: UnansweredGroup;
  now: number;
  canEdit: boolean;
  busy: boolean;
  /** Whether a suggested entry can still be edited (it exists in the loaded list). */
  known(faqId: string): boolean;
  onAddTo(faqId: string): void;
  onCreate(): void;
  onDismiss(): void;
  /** The new-entry editor, when open for this group. */
  children?: ComponentChildren;
};

export function UnansweredGroupCard(props: Props) {
  const { group, now, canEdit, busy, known, onAddTo, onCreate, onDismiss, children } = props;
  const { t, locale } = useI18n();
  return (
    <article class="card" aria-label={group.sample}>
      <header class="card__head">
        <h2 class="card__title">{group.sample}</h2>
        <span class="count">{t('unansweredCount', { count: group.count })}</span>
        <span class="tag">{localeText(group.lang, t)}</span>
      </header>
      <details class="card__texts">
        <summary>{t('unansweredShowAll', { count: group.items.length })}</summary>
        <ul>
          {group.items.map((item) => (
            <li key={item.messageId}>
              <span class="card__text">{item.text}</span>{' '}
              <time class="msg__time" dateTime={item.createdAt}>
                {formatClock(item.createdAt, locale, now)}
              </time>
            </li>
          ))}
        </ul>
      </details>
      <h3 class="card__subtitle">{t('unansweredSuggestions')}</h3>
      {group.suggestions.length === 0 ? (
        <p class="notice">{t('unansweredNoSuggestions')}</p>
      ) : (
        <ul class="matches matches--actions">
          {group.suggestions.map((s) => (
            <li key={s.faqId} class="matches__item">
              <a href={routeHash({ page: 'faq', faqId: s.faqId })}>{s.question}</a>
              <ScoreBar score={s.score} />
              {canEdit && known(s.faqId) && (
                <button
                  type="button"
                  class="button"
                  disabled={busy}
                  aria-label={t('unansweredAddTo', { question: s.question })}
                  title={t('unansweredAddTo', { question: s.question })}
                  onClick={() => onAddTo(s.faqId)}
                >
                  {t('unansweredAddShort')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div class="card__actions">
          <button type="button" class="button button--primary" disabled={busy} onClick={onCreate}>
            {t('unansweredCreate')}
          </button>
          <button type="button" class="button" disabled={busy} onClick={onDismiss}>
            {t('unansweredDismiss')}
          </button>
        </div>
      )}
      {children}
    </article>
  );
}

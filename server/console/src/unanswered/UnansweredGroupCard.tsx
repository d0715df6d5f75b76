/** One group of unanswered visitor messages: its sample, the texts, the closest entries and the actions. */
import type { UnansweredGroup } from '@frontdesk/shared';
import { useI18n } from '../app/i18n.ts';
import { formatClock } from '../shared/format.ts';
import { localeText } from '../shared/labels.ts';
import { CardActions, type EntryCardProps } from './CardActions.tsx';
import { EntryMatch } from './EntryMatch.tsx';

type Props = EntryCardProps & { group: UnansweredGroup };

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
            <EntryMatch
              key={s.faqId}
              match={s}
              canAdd={canEdit && known(s.faqId)}
              busy={busy}
              addLabel={t('unansweredAddTo', { question: s.question })}
              addShort={t('unansweredAddShort')}
              onAdd={onAddTo}
            />
          ))}
        </ul>
      )}
      {canEdit && (
        <CardActions
          busy={busy}
          createLabel={t('unansweredCreate')}
          onCreate={onCreate}
          onDismiss={onDismiss}
        />
      )}
      {children}
    </article>
  );
}

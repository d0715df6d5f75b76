/** The left column: conversations by section with counts; arrow keys, Home and End move between rows. */
import type { AgentConversation } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import type { ComponentChildren } from 'preact';
import { useI18n } from '../app/i18n.ts';
import { Avatar } from '../shared/Avatar.tsx';
import { formatClock, minutesSince, previewText, visitorLabel } from '../shared/format.ts';
import { authorText } from './labels.ts';
import { SECTION_ORDER, type SectionId, type Sections } from './lists.ts';

const TITLES: Record<SectionId, ConsoleKey> = {
  queued: 'sectionQueued',
  bot: 'sectionBot',
  mine: 'sectionMine',
  others: 'sectionOthers',
  resolved: 'sectionResolved',
  abandoned: 'sectionAbandoned',
};

type Props = {
  sections: Sections;
  /** Issue 13: unread messages per conversation, from the agent's read positions. */
  unread: Readonly<Record<string, number>>;
  selectedId: string | null;
  now: number;
  onSelect(id: string): void;
  /** Issue 14: shown above the sections (the search box and saved views). */
  top?: ComponentChildren;
};

function moveFocus(event: KeyboardEvent) {
  const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
  if (!keys.includes(event.key)) return;
  // Issue 14: the keys keep their meaning in the search box above the rows.
  if ((event.target as HTMLElement | null)?.closest?.('input, select, textarea')) return;
  const rows = [
    ...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button[data-row]'),
  ];
  if (rows.length === 0) return;
  const index = rows.indexOf(document.activeElement as HTMLButtonElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? rows.length - 1
        : event.key === 'ArrowDown'
          ? Math.min(index + 1, rows.length - 1)
          : Math.max(index - 1, 0);
  event.preventDefault();
  rows[next]?.focus();
}

export function ConversationList({ sections, unread, selectedId, now, onSelect, top }: Props) {
  const { t } = useI18n();
  return (
    <nav class="lists" aria-label={t('listsLabel')} onKeyDown={moveFocus}>
      {top}
      {SECTION_ORDER.map((id) => (
        <section key={id} class={`lists__section lists__section--${id}`} aria-labelledby={`section-${id}`}>
          <h2 id={`section-${id}`} class="lists__title">
            {t(TITLES[id])}{' '}
            <span class="count" title={t('sectionCount', { count: sections[id].length })}>
              {sections[id].length}
            </span>
          </h2>
          {sections[id].length === 0 ? (
            <p class="lists__empty">{t('sectionEmpty')}</p>
          ) : (
            <ul>
              {sections[id].map((c) => (
                <li key={c.id}>
                  <Row
                    conversation={c}
                    waiting={id === 'queued'}
                    unread={unread[c.id] ?? 0}
                    selected={c.id === selectedId}
                    now={now}
                    onSelect={onSelect}
                  />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </nav>
  );
}

type RowProps = {
  conversation: AgentConversation;
  waiting: boolean;
  unread: number;
  selected: boolean;
  now: number;
  onSelect(id: string): void;
};

function Row({ conversation: c, waiting, unread, selected, now, onSelect }: RowProps) {
  const { t, locale } = useI18n();
  const name = visitorLabel(c, (id) => t('visitorFallback', { id }));
  const last = c.lastMessage;
  const preview = last
    ? last.author === 'visitor'
      ? previewText(last.body)
      : t('previewBy', { author: authorText(last.author, t), text: previewText(last.body) })
    : t('noMessagesYet');
  const minutes = minutesSince(c.queuedAt ?? c.createdAt, now);
  return (
    <button
      type="button"
      data-row
      class={`row${selected ? ' row--selected' : ''}${unread > 0 ? ' row--unread' : ''}`}
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(c.id)}
    >
      <Avatar name={c.visitor.name} seed={c.visitor.id} />
      <span class="row__body">
        <span class="row__top">
          <span class="row__name">{name}</span>
          <time class="row__time" dateTime={last?.createdAt ?? c.updatedAt}>
            {formatClock(last?.createdAt ?? c.updatedAt, locale, now)}
          </time>
        </span>
        <span class="row__preview">{preview}</span>
        {(waiting || unread > 0 || c.offline) && (
          <span class="row__meta">
            {c.offline && <span class="row__offline">{t('offlineBadge')}</span>}
            {waiting && (
              <span class="row__waiting">
                {minutes < 1 ? t('waitingUnderMinute') : t('waitingMinutes', { minutes })}
              </span>
            )}
            {unread > 0 && <span class="row__unread">{t('unreadCount', { count: unread })}</span>}
          </span>
        )}
      </span>
    </button>
  );
}

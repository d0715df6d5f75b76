/** The open conversation's messages in `seq` order plus unacknowledged sends; announces new ones politely. */
import type { Message } from '@frontdesk/shared';
import { watchRowsOnScreen } from '@frontdesk/shared/client';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { MessageBoundary } from './MessageBoundary.tsx';
import { MessageItem } from './MessageItem.tsx';
import type { Outgoing } from './workspace-state.ts';

type Props = {
  label: string;
  /** Issue 14: whose avatar the visitor's messages carry (the same as in the list). */
  visitor?: { id: string; name: string | null };
  messages: readonly Message[];
  pending: readonly Outgoing[];
  loading: boolean;
  now: number;
  onRetry(clientId: string): void;
  /** Issue 13: messages up to `seq` are on screen (the agent has read them). */
  onRead?(seq: number): void;
};

/** Within this many pixels of the bottom the view follows new messages; further up, the agent is reading. */
const STICK_PX = 80;

export function Timeline({ label, visitor, messages, pending, loading, now, onRetry, onRead }: Props) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  const onScroll = () => {
    const el = scroller.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_PX;
  };

  useEffect(() => {
    const el = scroller.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages.length, pending.length]);

  const lastSeq = messages.at(-1)?.seq ?? 0;
  useEffect(() => {
    const el = scroller.current;
    if (!el || !onRead || lastSeq === 0) return;
    return watchRowsOnScreen(el, lastSeq, onRead);
  }, [lastSeq, onRead]);

  return (
    <>
      {loading && <p class="timeline__loading">{t('loadingMessages')}</p>}
      {/* The scroller is the log, a wrapper of the list (role="log" on the <ol> itself would take away
          its list semantics). */}
      <div
        class="timeline"
        ref={scroller}
        onScroll={onScroll}
        role="log"
        aria-live="polite"
        aria-label={label}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable so keyboard users can scroll it (WCAG 2.1.1, axe scrollable-region-focusable)
        tabIndex={0}
      >
        <ol class="timeline__list">
          {messages.map((m) => (
            <MessageBoundary key={m.id} message={m}>
              <MessageItem message={m} now={now} {...(visitor ? { visitor } : {})} />
            </MessageBoundary>
          ))}
          {pending.map((p) => (
            <li
              key={p.clientId}
              class={`msg msg--agent msg--pending${p.kind === 'note' ? ' msg--note' : ''}`}
            >
              <p class="msg__body msg__body--text">{p.body}</p>
              {p.status !== 'failed' ? (
                <span class="msg__status">{t('sending')}</span>
              ) : (
                <span class="msg__status msg__status--failed">
                  {t('notSent')}{' '}
                  <button type="button" class="link-button" onClick={() => onRetry(p.clientId)}>
                    {t('retry')}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ol>
      </div>
    </>
  );
}

/** Shown while the visitor waits for a person: what is happening, their place in the queue and the usual wait. */
import type { OfflineReason, QueueInfo, WaitEstimate } from '@frontdesk/shared';
import { pluralCategory } from '@frontdesk/shared/i18n';
import { type Translate, useWidget } from './context.ts';

/** Issue 10: the measured range, or an honest "cannot estimate" (never a made-up number). */
export function waitText(estimate: WaitEstimate | null, t: Translate, locale = 'en'): string {
  if (!estimate) return t('waitUnknown');
  const { minMinutes: min, maxMinutes: max } = estimate;
  if (max < 1) return t('waitUnderMinute');
  const form = pluralCategory(locale, max);
  return min < 1 ? t(`waitUpTo_${form}`, { max }) : t(`waitRange_${form}`, { min, max });
}

/**
 * `away`: nobody can answer right now (everyone stepped away, or the team closed) — said instead of
 * "Connecting you…", never both; `onLeaveMessage`: the form is offered instead of waiting.
 */
export function Waiting({
  queue,
  away = null,
  onLeaveMessage,
}: {
  queue: QueueInfo | null;
  away?: Exclude<OfflineReason, 'long_wait'> | null;
  onLeaveMessage?: () => void;
}) {
  const { t, locale } = useWidget();
  return (
    <div class="waiting" role="status">
      <span class="dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <p>
        {away ? t(`offlineWhy_${away}`) : t('waiting')}
        {queue && queue.position > 0 && (
          <>
            {' '}
            <strong>{t('queuePosition', { position: queue.position })}</strong>{' '}
            {waitText(queue.estimate ?? null, t, locale)}
          </>
        )}
        {onLeaveMessage && (
          <>
            {' '}
            <button type="button" class="link" onClick={onLeaveMessage}>
              {t('leaveMessageInstead')}
            </button>
          </>
        )}
      </p>
    </div>
  );
}

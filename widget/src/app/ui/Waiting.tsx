/** Shown while the visitor waits for a person: what is happening and their place in the queue. */
import type { QueueInfo } from '@frontdesk/shared';
import { useWidget } from './context.ts';

/** `onLeaveMessage` (issue 10): the wait is long, so the form is offered instead. */
export function Waiting({ queue, onLeaveMessage }: { queue: QueueInfo | null; onLeaveMessage?: () => void }) {
  const { t } = useWidget();
  return (
    <div class="waiting" role="status">
      <span class="dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <p>
        {t('waiting')}
        {queue && queue.position > 0 && (
          <>
            {' '}
            <strong>{t('queuePosition', { position: queue.position })}</strong>
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

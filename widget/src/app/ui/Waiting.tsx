/** Shown while the visitor waits for a person: what is happening and their place in the queue. */
import type { QueueInfo } from '@frontdesk/shared';
import { useWidget } from './context.ts';

export function Waiting({ queue }: { queue: QueueInfo | null }) {
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
      </p>
    </div>
  );
}

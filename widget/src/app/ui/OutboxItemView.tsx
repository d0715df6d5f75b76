/** A message the server has not acknowledged yet: "sending", or "not sent" with a retry button. */

import { errorKey } from '../chat/index.ts';
import type { OutboxItem } from '../store/index.ts';
import { useWidget } from './context.ts';

export function OutboxItemView({ item }: { item: OutboxItem }) {
  const { t, chat } = useWidget();
  const failed = item.status === 'failed';
  return (
    <div class={`row mine ${failed ? 'failed' : 'pending'}`}>
      <div class="bubble">
        <span class="sr-only">{t('you')}: </span>
        <p class="text">{item.body}</p>
      </div>
      {failed ? (
        <p class="status" role="alert">
          {t('notSent')}. {t(errorKey(item.error ?? 'internal'))}{' '}
          <button type="button" class="link" onClick={() => chat.retry(item.clientId)}>
            {t('retry')}
          </button>
        </p>
      ) : (
        <p class="status">{t('sending')}</p>
      )}
    </div>
  );
}

/** One webhook's latest deliveries (issue 15): event, status, HTTP status, duration, the answer's start, and "Resend". */
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { ApiAccessApi, WebhookDelivery } from './api.ts';

const STATUS_KEYS: Record<WebhookDelivery['status'], ConsoleKey> = {
  pending: 'webhookDeliveryStatusPending',
  delivered: 'webhookDeliveryStatusDelivered',
  failed: 'webhookDeliveryStatusFailed',
};

type Props = { client: ApiAccessApi; webhookId: string; onSessionEnded(): void };

export function DeliveryLog({ client, webhookId, onSessionEnded }: Props) {
  const { t, locale } = useI18n();
  const { state, reload } = useLoad(
    `deliveries-${webhookId}`,
    () => client.listDeliveries(webhookId),
    onSessionEnded,
  );
  const [notice, setNotice] = useState<NoticeState>(null);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'short', timeStyle: 'medium' });

  const resend = async (delivery: WebhookDelivery) => {
    const result = await client.resendDelivery(delivery.id);
    setNotice(
      result.ok
        ? { error: false, text: t('webhookResent') }
        : { error: true, text: detailedErrorText(result.error, t) },
    );
    await reload();
  };

  return (
    <section class="delivery-log" aria-labelledby={`deliveries-${webhookId}`}>
      <h3 id={`deliveries-${webhookId}`}>{t('webhookDeliveries')}</h3>
      <button type="button" class="button" onClick={() => void reload()}>
        {t('webhookRefresh')}
      </button>
      <PageStatus state={state} onRetry={() => void reload()} />
      <Notice notice={notice} />
      {state.data && state.data.length === 0 && <p class="placeholder">{t('webhookDeliveriesEmpty')}</p>}
      {state.data && state.data.length > 0 && (
        <ul class="delivery-log__list">
          {state.data.map((d) => (
            <li key={d.id} class="delivery-log__item">
              <span class="delivery-log__event">{d.event}</span>{' '}
              <span class={`badge badge--delivery-${d.status}`}>{t(STATUS_KEYS[d.status])}</span>{' '}
              <time dateTime={d.createdAt}>{when(d.createdAt)}</time>
              <span class="field__hint">
                {' '}
                {d.lastStatus !== null
                  ? t('webhookDeliveryFacts', {
                      status: d.lastStatus,
                      duration: d.lastDurationMs ?? 0,
                      attempts: d.attempts,
                    })
                  : t('webhookDeliveryNoAnswer', { attempts: d.attempts })}
              </span>
              {(d.lastError || d.lastResponse) && (
                <pre class="delivery-log__response">{d.lastError ?? d.lastResponse}</pre>
              )}
              {d.status !== 'pending' && (
                <button type="button" class="button" onClick={() => void resend(d)}>
                  {t('webhookResend')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

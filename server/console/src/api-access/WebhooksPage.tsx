/**
 * Webhooks (issue 15, admins): add a URL for a site with the events it wants, see its signing
 * secret and its delivery log (status, time, answer) with "Resend", remove it; per site, allow
 * private addresses for self-hosted receivers.
 */
import { type SiteSummary, WEBHOOK_EVENTS, type WebhookEvent } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { ConfirmButton } from '../shared/Confirm.tsx';
import { CopyField } from '../shared/CopyField.tsx';
import { detailedErrorText } from '../shared/labels.ts';
import type { NoticeState } from '../shared/Notice.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { ApiAccessApi, Webhook } from './api.ts';
import { DeliveryLog } from './DeliveryLog.tsx';
import { ListAndFormPage, ListItem, SiteField } from './ListAndFormPage.tsx';

export const EVENT_KEYS: Record<WebhookEvent, ConsoleKey> = {
  'conversation.created': 'webhookEventConversationCreated',
  'conversation.queued': 'webhookEventConversationQueued',
  'conversation.assigned': 'webhookEventConversationAssigned',
  'conversation.resolved': 'webhookEventConversationResolved',
  'message.created': 'webhookEventMessageCreated',
  'rating.created': 'webhookEventRatingCreated',
  'contact.updated': 'webhookEventContactUpdated',
};

type Props = { client: ApiAccessApi; sites: readonly SiteSummary[]; onSessionEnded(): void };

export function WebhooksPage({ client, sites, onSessionEnded }: Props) {
  const { t } = useI18n();
  const { state, reload } = useLoad('webhooks', () => client.listWebhooks(), onSessionEnded);
  const [url, setUrl] = useState('');
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const [events, setEvents] = useState<WebhookEvent[]>(['conversation.created', 'message.created']);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  // The choice being saved: shown at once, kept until the reload after it has the stored value.
  const [allowing, setAllowing] = useState<boolean | null>(null);
  const chosenSite = siteId || (sites[0]?.id ?? '');
  const siteName = (id: string) => sites.find((s) => s.id === id)?.name ?? id;

  const add = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setNotice(null);
    const result = await client.createWebhook({ siteId: chosenSite, url, events });
    setBusy(false);
    setNotice(
      result.ok
        ? { error: false, text: t('webhookAdded') }
        : { error: true, text: detailedErrorText(result.error, t) },
    );
    if (result.ok) setUrl('');
    await reload();
  };

  const remove = async (hook: Webhook) => {
    const result = await client.removeWebhook(hook.id);
    if (!result.ok) setNotice({ error: true, text: detailedErrorText(result.error, t) });
    await reload();
  };

  const allow = async (allowPrivate: boolean) => {
    setAllowing(allowPrivate);
    const result = await client.setWebhookAllowPrivate(chosenSite, allowPrivate);
    if (!result.ok) setNotice({ error: true, text: detailedErrorText(result.error, t) });
    await reload();
    setAllowing(null);
  };

  return (
    <ListAndFormPage
      name="webhooks"
      title={t('webhooksTitle')}
      intro={t('webhooksIntro')}
      fields={
        <>
          <SiteField
            id="webhook-site"
            label={t('webhookSite')}
            sites={sites}
            value={chosenSite}
            onChange={setSiteId}
          />
          <div class="field">
            <label for="webhook-url">{t('webhookUrl')}</label>
            <input
              id="webhook-url"
              type="url"
              required
              placeholder="https://"
              value={url}
              onInput={(e) => setUrl(e.currentTarget.value)}
            />
          </div>
          <fieldset class="field">
            <legend>{t('webhookEvents')}</legend>
            {WEBHOOK_EVENTS.map((name) => (
              <label key={name} class="check" for={`webhook-event-${name}`}>
                <input
                  id={`webhook-event-${name}`}
                  type="checkbox"
                  checked={events.includes(name)}
                  onChange={(e) =>
                    setEvents(e.currentTarget.checked ? [...events, name] : events.filter((x) => x !== name))
                  }
                />
                {t(EVENT_KEYS[name])}
              </label>
            ))}
          </fieldset>
          <label class="check" for="webhook-allow-private">
            <input
              id="webhook-allow-private"
              type="checkbox"
              checked={allowing ?? state.data?.allowPrivate[chosenSite] ?? false}
              // Until the stored value is known a click would be overwritten by it.
              disabled={state.data === null || allowing !== null}
              onChange={(e) => void allow(e.currentTarget.checked)}
            />
            {t('webhookAllowPrivate')}
          </label>
        </>
      }
      submitLabel={t('webhookAdd')}
      submitDisabled={busy || events.length === 0}
      onSubmit={(e) => void add(e)}
      notice={notice}
      state={state}
      onRetry={() => void reload()}
      empty={state.data?.webhooks.length === 0}
      emptyText={t('webhooksEmpty')}
    >
      <ul class="api-list">
        {state.data?.webhooks.map((hook) => (
          <ListItem
            key={hook.id}
            id={`hook-${hook.id}`}
            level={2}
            title={hook.url}
            titleClass="api-list__url"
          >
            <p>
              {siteName(hook.siteId)} · {hook.events.map((e) => t(EVENT_KEYS[e])).join(', ')}
            </p>
            <CopyField id={`hook-secret-${hook.id}`} label={t('webhookSecret')} value={hook.secret} />
            <DeliveryLog client={client} webhookId={hook.id} onSessionEnded={onSessionEnded} />
            <ConfirmButton
              label={t('webhookRemove')}
              question={t('webhookRemoveConfirm', { url: hook.url })}
              confirmLabel={t('webhookRemove')}
              danger
              onConfirm={() => void remove(hook)}
            />
          </ListItem>
        ))}
      </ul>
    </ListAndFormPage>
  );
}

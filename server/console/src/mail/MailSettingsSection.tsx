/** The site's e-mail notification setting (admins change it; others see it): one switch, saved at once. */
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { adminErrorText } from '../shared/labels.ts';
import { useLoad } from '../shared/use-load.ts';
import type { SitesApi } from '../sites/api.ts';

type Props = {
  client: Pick<SitesApi, 'getSite' | 'patchSite'>;
  siteId: string;
  canEdit: boolean;
  onSessionEnded(): void;
};

export function MailSettingsSection({ client, siteId, canEdit, onSessionEnded }: Props) {
  const { t } = useI18n();
  const { state, reload } = useLoad(`mail-settings:${siteId}`, () => client.getSite(siteId), onSessionEnded);
  // The choice being saved: shown at once, kept (and the switch locked) until the reload has the stored value.
  const [saving, setSaving] = useState<boolean | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const site = state.data;
  if (!site) return null;

  const change = async (notify: boolean) => {
    setSaving(notify);
    setMessage(null);
    const result = await client.patchSite(siteId, { notifyAgentsOfOfflineMessages: notify });
    await reload();
    setSaving(null);
    setMessage(
      result.ok
        ? { error: false, text: t('mailSettingsSaved') }
        : { error: true, text: adminErrorText(result.error, t) },
    );
  };

  return (
    <section class="card" aria-labelledby="mail-settings-title">
      <h2 id="mail-settings-title">{t('mailSettingsTitle')}</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={saving ?? site.notifyAgentsOfOfflineMessages}
          disabled={!canEdit || saving !== null}
          onChange={(e) => void change(e.currentTarget.checked)}
        />{' '}
        {t('mailSettingsNotify')}
      </label>
      {message && (
        <p class={message.error ? 'alert' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}

/**
 * Issue 10 (abandonment): the site's "waiting visitors" settings: how many minutes without its visitor
 * before a queued conversation is marked abandoned. Validated with the same schema as the server.
 */
import { LIMITS, type SiteDetail } from '@frontdesk/shared';
import { SitePatchSchema, v } from '@frontdesk/shared/schemas';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { SitesApi } from './api.ts';

type Props = { site: SiteDetail; client: Pick<SitesApi, 'patchSite'> };

export function WaitingSettings({ site, client }: Props) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState(String(site.abandonAfterMinutes ?? LIMITS.abandonAfterMinutes));
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const bounds = { min: LIMITS.abandonAfterMinutesMin, max: LIMITS.abandonAfterMinutesMax };

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const parsed = v.safeParse(SitePatchSchema, {
      abandonAfterMinutes: Number(minutes.trim() || Number.NaN),
    });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    setBusy(true);
    setNotice(null);
    const result = await client.patchSite(site.id, parsed.output);
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    setMinutes(String(result.data.abandonAfterMinutes ?? minutes));
    setNotice({ error: false, text: t('waitingSettingsSaved') });
  };

  return (
    <form class="form" onSubmit={save} noValidate aria-labelledby="site-waiting-title">
      <h3 id="site-waiting-title">{t('waitingSettingsTitle')}</h3>
      <div class="field">
        <label for="site-abandon-after">{t('abandonAfterLabel')}</label>
        <input
          id="site-abandon-after"
          type="number"
          inputMode="numeric"
          min={bounds.min}
          max={bounds.max}
          step={1}
          value={minutes}
          aria-invalid={invalid ? true : undefined}
          aria-describedby="site-abandon-after-help"
          onInput={(e) => setMinutes(e.currentTarget.value)}
        />
        <p id="site-abandon-after-help" class="field__hint">
          {t('abandonAfterHelp')}
        </p>
        {invalid && <p class="error">{t('abandonAfterInvalid', bounds)}</p>}
      </div>
      <Notice notice={notice} />
      <div class="editor__bar">
        <button type="submit" class="button button--primary" disabled={busy}>
          {t('waitingSettingsSave')}
        </button>
      </div>
    </form>
  );
}

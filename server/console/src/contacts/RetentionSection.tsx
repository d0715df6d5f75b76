/**
 * A site's retention period (issue 12, in the site editor): off (conversations are kept) or N months
 * without activity, after which the daily job deletes them. Validated with the server's schema.
 */
import { CONTACT_LIMITS, type PrivacySettings } from '@frontdesk/shared';
import { PrivacySettingsSchema } from '@frontdesk/shared/contacts-schemas';
import { useState } from 'preact/hooks';
import * as v from 'valibot';
import { useI18n } from '../app/i18n.ts';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { ContactsApi } from './api.ts';

type Props = {
  siteId: string;
  client: Pick<ContactsApi, 'getPrivacySettings' | 'setPrivacySettings'>;
  onSessionEnded(): void;
};

/** A suggestion when the owner turns deletion on (two years, a common policy). */
const SUGGESTED_MONTHS = 24;
const BOUNDS = { min: CONTACT_LIMITS.retentionMonthsMin, max: CONTACT_LIMITS.retentionMonthsMax };

export function RetentionSection({ siteId, client, onSessionEnded }: Props) {
  const { state, reload } = useLoad(
    `privacy/${siteId}`,
    () => client.getPrivacySettings(siteId),
    onSessionEnded,
  );
  return state.status === 'ready' ? (
    <RetentionForm siteId={siteId} client={client} saved={state.data} />
  ) : (
    <section class="form retention-settings" aria-labelledby="site-retention-title">
      <RetentionTitle />
      <PageStatus state={state} onRetry={() => void reload()} />
    </section>
  );
}

function RetentionTitle() {
  const { t } = useI18n();
  return <h3 id="site-retention-title">{t('retentionTitle')}</h3>;
}

function RetentionForm({
  siteId,
  client,
  saved,
}: Omit<Props, 'onSessionEnded'> & { saved: PrivacySettings }) {
  const { t } = useI18n();
  const [enabled, setEnabled] = useState(saved.retentionMonths !== null);
  const [months, setMonths] = useState(String(saved.retentionMonths ?? SUGGESTED_MONTHS));
  const [invalid, setInvalid] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const wanted = enabled ? Number(months.trim() || Number.NaN) : null;
    const parsed = v.safeParse(PrivacySettingsSchema, { retentionMonths: wanted });
    setInvalid(!parsed.success);
    if (!parsed.success) return;
    setBusy(true);
    setNotice(null);
    const result = await client.setPrivacySettings(siteId, parsed.output);
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    const kept = result.data.retentionMonths;
    setEnabled(kept !== null);
    if (kept !== null) setMonths(String(kept));
    setNotice({
      error: false,
      text: kept === null ? t('retentionSavedKeep') : t('retentionSavedMonths', { months: kept }),
    });
  };

  return (
    <form class="form retention-settings" onSubmit={save} noValidate aria-labelledby="site-retention-title">
      <RetentionTitle />
      <label class="check" for="site-retention-enabled">
        <input
          id="site-retention-enabled"
          type="checkbox"
          checked={enabled}
          onChange={(e) => {
            setEnabled(e.currentTarget.checked);
            setInvalid(false);
          }}
        />
        {t('retentionEnabled')}
      </label>
      <div class="field">
        <label for="site-retention-months">{t('retentionMonthsLabel')}</label>
        <input
          id="site-retention-months"
          type="number"
          inputMode="numeric"
          min={BOUNDS.min}
          max={BOUNDS.max}
          step={1}
          value={months}
          disabled={!enabled}
          aria-invalid={invalid ? true : undefined}
          aria-describedby="site-retention-help"
          onInput={(e) => setMonths(e.currentTarget.value)}
        />
        <p id="site-retention-help" class="field__hint">
          {t('retentionHelp')}
        </p>
        {invalid && (
          <p class="error" role="alert">
            {t('retentionInvalid', BOUNDS)}
          </p>
        )}
      </div>
      <Notice notice={notice} />
      <div class="editor__bar">
        <button type="submit" class="button button--primary" disabled={busy}>
          {t('retentionSave')}
        </button>
      </div>
    </form>
  );
}

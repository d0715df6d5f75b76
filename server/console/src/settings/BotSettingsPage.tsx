/** Bot settings: misses before a person is offered, escalation phrases, the answer-threshold override. */
import type { AckResult, BotSettings } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { MailSettingsSection } from '../mail/MailSettingsSection.tsx';
import { adminErrorText } from '../shared/labels.ts';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { SitesApi } from '../sites/api.ts';
import type { SettingsApi } from './api.ts';
import {
  type BotSettingsForm,
  formFromSettings,
  BOT_SETTINGS_RANGE as RANGE,
  settingsFromForm,
} from './bot-settings-form.ts';

type Props = {
  client: SettingsApi & Pick<SitesApi, 'getSite' | 'patchSite'>;
  siteId: string;
  canEdit: boolean;
  onSessionEnded(): void;
};

export function BotSettingsPage({ client, siteId, canEdit, onSessionEnded }: Props) {
  const { t } = useI18n();
  const { state, reload } = useLoad(siteId, () => client.getBotSettings(siteId), onSessionEnded);
  return (
    <main class="page settings">
      <div class="page__body">
        <h1 class="page__title">{t('settingsTitle')}</h1>
        {!canEdit && <p class="banner banner--info">{t('readOnlyNotice')}</p>}
        <PageStatus state={state} onRetry={() => void reload()} />
        {state.status === 'ready' && (
          <SettingsForm
            key={siteId}
            initial={state.data}
            readOnly={!canEdit}
            onSave={(settings) => client.saveBotSettings(siteId, settings)}
          />
        )}
        {/* E-mail as a channel (issue 10, mail): */}
        {canEdit && (
          <MailSettingsSection
            client={client}
            siteId={siteId}
            canEdit={canEdit}
            onSessionEnded={onSessionEnded}
          />
        )}
      </div>
    </main>
  );
}

type FormProps = {
  initial: BotSettings;
  readOnly: boolean;
  onSave(settings: BotSettings): Promise<AckResult<BotSettings>>;
};

function SettingsForm({ initial, readOnly, onSave }: FormProps) {
  const { t, locale } = useI18n();
  const [form, setForm] = useState<BotSettingsForm>(() => formFromSettings(initial));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const edit = (patch: Partial<BotSettingsForm>) => {
    setMessage(null);
    setForm((f) => ({ ...f, ...patch }));
  };
  const number = (n: number) => n.toLocaleString(locale);
  const override = form.threshold.trim() !== '';

  const save = async (event: Event) => {
    event.preventDefault();
    if (readOnly || busy) return;
    const parsed = settingsFromForm(form);
    if (!parsed.ok) {
      const params = (key: string) =>
        key === 'settingsErrorMisses'
          ? { min: RANGE.missesMin, max: RANGE.missesMax }
          : { min: number(RANGE.thresholdMin), max: number(RANGE.thresholdMax) };
      setMessage({ error: true, text: parsed.problems.map((key) => t(key, params(key))).join(' ') });
      return;
    }
    setBusy(true);
    setMessage(null);
    const result = await onSave(parsed.settings);
    setBusy(false);
    if (!result.ok) {
      setMessage({ error: true, text: adminErrorText(result.error, t) });
      return;
    }
    setForm(formFromSettings(result.data));
    setMessage({ error: false, text: t('saved') });
  };

  return (
    <form class="form" onSubmit={save} noValidate>
      <div class="field">
        <label for="settings-misses">{t('settingsMisses')}</label>
        <input
          id="settings-misses"
          type="number"
          class="input--short"
          min={RANGE.missesMin}
          max={RANGE.missesMax}
          step={1}
          value={form.misses}
          readOnly={readOnly}
          onInput={(e) => edit({ misses: e.currentTarget.value })}
        />
        <p class="field__hint">{t('settingsMissesHint', { min: RANGE.missesMin, max: RANGE.missesMax })}</p>
      </div>
      <div class="field">
        <label for="settings-phrases">{t('settingsPhrases')}</label>
        <textarea
          id="settings-phrases"
          rows={6}
          value={form.phrases}
          readOnly={readOnly}
          onInput={(e) => edit({ phrases: e.currentTarget.value })}
        />
        <p class="field__hint">{t('settingsPhrasesHint')}</p>
      </div>
      <fieldset class="field">
        <legend>{t('settingsThreshold')}</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={override}
            disabled={readOnly}
            onChange={(e) => edit({ threshold: e.currentTarget.checked ? String(RANGE.thresholdStart) : '' })}
          />
          {t('settingsThresholdOverride')}
        </label>
        {override ? (
          <div class="threshold">
            <input
              type="range"
              aria-label={t('settingsThreshold')}
              min={RANGE.thresholdMin}
              max={RANGE.thresholdMax}
              step={RANGE.thresholdStep}
              value={form.threshold}
              disabled={readOnly}
              onInput={(e) => edit({ threshold: e.currentTarget.value })}
            />
            <input
              type="number"
              class="input--short"
              aria-label={t('settingsThreshold')}
              min={RANGE.thresholdMin}
              max={RANGE.thresholdMax}
              step={RANGE.thresholdStep}
              value={form.threshold}
              readOnly={readOnly}
              onInput={(e) => edit({ threshold: e.currentTarget.value })}
            />
          </div>
        ) : (
          <p class="threshold__default">{t('settingsThresholdDefault')}</p>
        )}
        <p class="field__hint">
          {t('settingsThresholdHint', { min: number(RANGE.thresholdMin), max: number(RANGE.thresholdMax) })}
        </p>
      </fieldset>
      {message && (
        <p class={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {!readOnly && (
        <div class="editor__bar">
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? t('saving') : t('save')}
          </button>
        </div>
      )}
    </form>
  );
}

/**
 * Issue 10: a site's leave-a-message form — when the wait counts as long, and the extra questions
 * (label per language, answer type, required, a choice's options). Checked with the server's own
 * schema before saving; the server checks again.
 */
import {
  LIMITS,
  LOCALES,
  type Locale,
  type OfflineSettings,
  PRE_CHAT_FIELD_TYPES,
  type PreChatField,
  type PreChatFieldType,
} from '@frontdesk/shared';
import { OfflineSettingsSchema, v } from '@frontdesk/shared/schemas';
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { Loading } from '../shared/Loading.tsx';
import { detailedErrorText, localeText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { OfflineSettingsApi } from './offline-api.ts';

type Draft = {
  id: string;
  type: PreChatFieldType;
  required: boolean;
  label: Record<Locale, string>;
  /** Options, one per line, per language (matched by line). */
  options: Record<Locale, string>;
};

const perLocale = (make: (locale: Locale) => string) =>
  Object.fromEntries(LOCALES.map((l) => [l, make(l)])) as Record<Locale, string>;

const toDraft = (field: PreChatField): Draft => ({
  id: field.id,
  type: field.type,
  required: field.required,
  label: perLocale((l) => field.label[l] ?? ''),
  options: perLocale((l) => (field.options ?? []).map((o) => o.label[l] ?? '').join('\n')),
});

const lines = (text: string) => text.split('\n').map((line) => line.trim());

function fromDraft(draft: Draft): PreChatField {
  const label = Object.fromEntries(
    LOCALES.filter((l) => draft.label[l].trim()).map((l) => [l, draft.label[l].trim()]),
  );
  const field: PreChatField = { id: draft.id, type: draft.type, label, required: draft.required };
  if (draft.type !== 'choice') return field;
  const count = Math.max(...LOCALES.map((l) => lines(draft.options[l]).filter(Boolean).length));
  field.options = Array.from({ length: count }, (_, i) => ({
    id: `o${i + 1}`,
    label: Object.fromEntries(
      LOCALES.map((l) => [l, lines(draft.options[l])[i] ?? ''] as const).filter(([, text]) => text !== ''),
    ),
  }));
  return field;
}

/** A new question's id: `q1`, `q2` … the first one not taken. */
function freshId(drafts: readonly Draft[]): string {
  for (let n = 1; ; n++) if (!drafts.some((d) => d.id === `q${n}`)) return `q${n}`;
}

type Props = { siteId: string; client: OfflineSettingsApi };

export function OfflineSettingsSection({ siteId, client }: Props) {
  const { t } = useI18n();
  const [minutes, setMinutes] = useState('');
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [busy, setBusy] = useState(true);
  // The form shows once the stored settings are in it: a field typed in before would be overwritten.
  const [loaded, setLoaded] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const show = (settings: OfflineSettings) => {
    setMinutes(settings.longWaitMinutes === null ? '' : String(settings.longWaitMinutes));
    setDrafts(settings.fields.map(toDraft));
  };

  useEffect(() => {
    void client.getOfflineSettings(siteId).then((result) => {
      setBusy(false);
      if (!result.ok) {
        setNotice({ error: true, text: detailedErrorText(result.error, t) });
        return;
      }
      show(result.data);
      setLoaded(true);
    });
  }, [siteId]);

  const change = (index: number, patch: Partial<Draft>) =>
    setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)));

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const parsed = v.safeParse(OfflineSettingsSchema, {
      longWaitMinutes: minutes.trim() === '' ? null : Number(minutes),
      fields: drafts.map(fromDraft),
    });
    if (!parsed.success) {
      const issue = parsed.issues[0];
      setNotice({ error: true, text: t('offlineSettingsInvalid', { detail: issue.message }) });
      return;
    }
    setBusy(true);
    setNotice(null);
    const result = await client.saveOfflineSettings(siteId, parsed.output);
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    show(result.data);
    setNotice({ error: false, text: t('offlineSettingsSaved') });
  };

  return (
    <section aria-labelledby="offline-settings-title" class="panel offline-settings">
      <h2 id="offline-settings-title">{t('offlineSettingsTitle')}</h2>
      <p class="field__hint">{t('offlineSettingsIntro')}</p>
      {!loaded && (notice ? <Notice notice={notice} /> : <Loading />)}
      {loaded && (
        <form class="form" onSubmit={save} noValidate>
          <div class="field">
            <label for="offline-long-wait">{t('offlineLongWait')}</label>
            <input
              id="offline-long-wait"
              type="number"
              inputMode="numeric"
              min={LIMITS.longWaitMinutesMin}
              max={LIMITS.longWaitMinutesMax}
              value={minutes}
              aria-describedby="offline-long-wait-hint"
              onInput={(e) => setMinutes(e.currentTarget.value)}
            />
            <p class="field__hint" id="offline-long-wait-hint">
              {t('offlineLongWaitHint')}
            </p>
          </div>
          <h3>{t('offlineFields')}</h3>
          {drafts.map((draft, index) => {
            const n = index + 1;
            const key = `offline-field-${index}`;
            return (
              <fieldset class="field" key={draft.id}>
                <legend>{t('offlineFieldLegend', { n })}</legend>
                {LOCALES.map((locale) => (
                  <div class="field" key={locale}>
                    <label for={`${key}-label-${locale}`}>
                      {t('offlineFieldLabel', { locale: localeText(locale, t) })}
                    </label>
                    <input
                      id={`${key}-label-${locale}`}
                      maxLength={LIMITS.preChatLabelMaxLength}
                      value={draft.label[locale]}
                      onInput={(e) =>
                        change(index, { label: { ...draft.label, [locale]: e.currentTarget.value } })
                      }
                    />
                  </div>
                ))}
                <div class="field">
                  <label for={`${key}-type`}>{t('offlineFieldType')}</label>
                  <select
                    id={`${key}-type`}
                    value={draft.type}
                    onChange={(e) => change(index, { type: e.currentTarget.value as PreChatFieldType })}
                  >
                    {PRE_CHAT_FIELD_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {t(`offlineFieldType_${type}`)}
                      </option>
                    ))}
                  </select>
                </div>
                {draft.type === 'choice' &&
                  LOCALES.map((locale) => (
                    <div class="field" key={locale}>
                      <label for={`${key}-options-${locale}`}>
                        {t('offlineFieldOptions', { locale: localeText(locale, t) })}
                      </label>
                      <textarea
                        id={`${key}-options-${locale}`}
                        rows={3}
                        value={draft.options[locale]}
                        onInput={(e) =>
                          change(index, { options: { ...draft.options, [locale]: e.currentTarget.value } })
                        }
                      />
                    </div>
                  ))}
                <label>
                  <input
                    type="checkbox"
                    checked={draft.required}
                    onChange={(e) => change(index, { required: e.currentTarget.checked })}
                  />{' '}
                  {t('offlineFieldRequired')}
                </label>
                <button
                  type="button"
                  class="button"
                  onClick={() => setDrafts((all) => all.filter((_, i) => i !== index))}
                >
                  {t('offlineFieldRemove', { n })}
                </button>
              </fieldset>
            );
          })}
          {drafts.length < LIMITS.preChatFieldsMax && (
            <button
              type="button"
              class="button"
              onClick={() =>
                setDrafts((all) => [
                  ...all,
                  {
                    id: freshId(all),
                    type: 'text',
                    required: false,
                    label: perLocale(() => ''),
                    options: perLocale(() => ''),
                  },
                ])
              }
            >
              {t('offlineFieldAdd')}
            </button>
          )}
          <Notice notice={notice} />
          <div class="editor__bar">
            <button type="submit" class="button button--primary" disabled={busy}>
              {t('offlineSettingsSave')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/**
 * Issue 14: the profile page's Alerts: sound, desktop notification and title count, each switchable
 * and stored with the agent. Turning desktop notifications on asks the browser's permission (a click).
 */
import type { AttentionPrefs } from '@frontdesk/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { AttentionControls } from './use-attention.ts';

const FLAGS: {
  key: keyof AttentionPrefs;
  label: 'attentionSound' | 'attentionDesktop' | 'attentionTitleCount';
}[] = [
  { key: 'sound', label: 'attentionSound' },
  { key: 'desktop', label: 'attentionDesktop' },
  { key: 'title', label: 'attentionTitleCount' },
];

const permission = (): NotificationPermission | 'unsupported' =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

type Props = { attention: AttentionControls };

/** Drawn afresh when the stored switches arrive, so the first enabled frame already shows them. */
export function AttentionSection({ attention }: Props) {
  return <AttentionForm key={String(attention.loaded)} attention={attention} />;
}

function AttentionForm({ attention }: Props) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(attention.prefs);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [allowed, setAllowed] = useState(permission);
  // The saved switches arrived or changed (not on mount: a click made before the effect runs stays).
  const seen = useRef(attention.prefs);
  useEffect(() => {
    if (seen.current === attention.prefs) return;
    seen.current = attention.prefs;
    setDraft(attention.prefs);
  }, [attention.prefs]);

  const toggle = (key: keyof AttentionPrefs, on: boolean) => {
    setNotice(null);
    setDraft((d) => ({ ...d, [key]: on }));
    // The permission prompt needs this click; asked once, when the agent turns desktop alerts on.
    if (key === 'desktop' && on && allowed === 'default')
      Notification.requestPermission()
        .then(setAllowed)
        .catch((error: unknown) => console.warn('[console] notification permission request failed', error));
  };

  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await attention.save(draft);
    setBusy(false);
    setNotice(
      result.ok
        ? { error: false, text: t('saved') }
        : { error: true, text: detailedErrorText(result.error, t) },
    );
  };

  return (
    <section aria-labelledby="attention-title">
      <h2 id="attention-title">{t('attentionTitle')}</h2>
      <p class="field__hint">{t('attentionIntro')}</p>
      <form class="form" onSubmit={save}>
        {FLAGS.map(({ key, label }) => (
          <label key={key} class="check">
            <input
              type="checkbox"
              checked={draft[key]}
              disabled={!attention.loaded}
              onChange={(e) => toggle(key, e.currentTarget.checked)}
            />
            {t(label)}
          </label>
        ))}
        {draft.desktop && allowed === 'denied' && <p class="field__hint">{t('attentionDesktopBlocked')}</p>}
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={busy || !attention.loaded}>
            {t('attentionSave')}
          </button>
        </div>
        <Notice notice={notice} />
      </form>
    </section>
  );
}

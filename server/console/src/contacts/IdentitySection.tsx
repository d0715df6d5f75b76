/**
 * A site's identity verification (issue 12, admins): the secret to copy (or none), generate /
 * rotate / remove it, and the code that computes `userHash` on the site's server (Node, PHP,
 * Python) and passes it on the page.
 */
import { IDENTITY_SNIPPETS, type IdentitySettings, type IdentitySnippetLanguage } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { ConfirmButton } from '../shared/Confirm.tsx';
import { CopyField } from '../shared/CopyField.tsx';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { ContactsApi } from './api.ts';

type Props = {
  siteId: string;
  client: Pick<ContactsApi, 'getIdentitySettings' | 'rotateIdentitySecret' | 'removeIdentitySecret'>;
  onSessionEnded(): void;
};

const SERVER_LANGUAGES: { id: Exclude<IdentitySnippetLanguage, 'page'>; name: string }[] = [
  { id: 'node', name: 'Node.js' },
  { id: 'php', name: 'PHP' },
  { id: 'python', name: 'Python' },
];

export function IdentitySection({ siteId, client, onSessionEnded }: Props) {
  const { t, locale } = useI18n();
  const { state, reload } = useLoad(
    `identity/${siteId}`,
    () => client.getIdentitySettings(siteId),
    onSessionEnded,
  );
  const [settings, setSettings] = useState<IdentitySettings | null>(null);
  const [language, setLanguage] = useState<(typeof SERVER_LANGUAGES)[number]['id']>('node');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const current = settings ?? state.data;

  const change = async (action: 'rotate' | 'remove') => {
    setBusy(true);
    setNotice(null);
    const result =
      action === 'rotate'
        ? await client.rotateIdentitySecret(siteId)
        : await client.removeIdentitySecret(siteId);
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    setSettings(result.data);
    setNotice({ error: false, text: t(action === 'rotate' ? 'identityRotated' : 'identityRemoved') });
  };

  return (
    <section class="form identity-settings" aria-labelledby="site-identity-title">
      <h3 id="site-identity-title">{t('identityTitle')}</h3>
      <p class="field__hint">{t('identityIntro')}</p>
      {!current && <PageStatus state={state} onRetry={() => void reload()} />}
      {current && (
        <>
          {current.secret ? (
            <>
              <CopyField id="site-identity-secret" label={t('identitySecret')} value={current.secret} />
              {current.rotatedAt && (
                <p class="field__hint">
                  {t('identityRotatedAt', {
                    time: new Date(current.rotatedAt).toLocaleString(locale, {
                      dateStyle: 'medium',
                      timeStyle: 'short',
                    }),
                  })}
                </p>
              )}
            </>
          ) : (
            <p class="notice">{t('identityNoSecret')}</p>
          )}
          <div class="editor__bar">
            {current.secret ? (
              <>
                <ConfirmButton
                  label={t('identityRotate')}
                  question={t('identityRotateQuestion')}
                  confirmLabel={t('identityRotateConfirm')}
                  disabled={busy}
                  onConfirm={() => void change('rotate')}
                />
                <ConfirmButton
                  label={t('identityRemove')}
                  question={t('identityRemoveQuestion')}
                  confirmLabel={t('identityRemoveConfirm')}
                  danger
                  disabled={busy}
                  onConfirm={() => void change('remove')}
                />
              </>
            ) : (
              <button
                type="button"
                class="button button--primary"
                disabled={busy}
                onClick={() => void change('rotate')}
              >
                {t('identityGenerate')}
              </button>
            )}
          </div>
          <Notice notice={notice} />
        </>
      )}
      <div class="field">
        <label for="site-identity-language">
          {t('identityServer')} — {t('identityLanguage')}
        </label>
        <select
          id="site-identity-language"
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value as typeof language)}
        >
          {SERVER_LANGUAGES.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <CopyField
        id="site-identity-server"
        label={t('identityServer')}
        value={IDENTITY_SNIPPETS[language]}
        multiline
        rows={IDENTITY_SNIPPETS[language].split('\n').length}
      />
      <CopyField
        id="site-identity-page"
        label={t('identityPage')}
        value={IDENTITY_SNIPPETS.page}
        multiline
        rows={IDENTITY_SNIPPETS.page.split('\n').length}
      />
    </section>
  );
}

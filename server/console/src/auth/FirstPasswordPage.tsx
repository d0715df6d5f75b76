/** First sign-in with a generated password: a new one is chosen before anything else is shown. */
import { useI18n } from '../app/i18n.ts';
import type { ProfileApi } from '../profile/api.ts';
import { PasswordForm } from '../profile/PasswordForm.tsx';

type Props = {
  client: Pick<ProfileApi, 'changePassword'>;
  agentName: string;
  onChanged(): void;
  onLogout(): void;
};

export function FirstPasswordPage({ client, agentName, onChanged, onLogout }: Props) {
  const { t } = useI18n();
  return (
    <main class="login">
      <div class="login__card">
        <h1>{t('firstPasswordTitle')}</h1>
        <p>{t('firstPasswordIntro', { name: agentName })}</p>
        <PasswordForm
          client={client}
          idPrefix="first-password"
          submitLabel={t('firstPasswordSubmit')}
          onChanged={onChanged}
        />
        <button type="button" class="link-button" onClick={onLogout}>
          {t('logout')}
        </button>
      </div>
    </main>
  );
}

/** The sign-in form: e-mail + password, errors from the catalog, a notice when a session has ended. */
import type { AgentProfile, ErrorCode } from '@frontdesk/shared';
import { LIMITS } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import type { AuthApi } from './api.ts';

type Props = {
  api: Pick<AuthApi, 'login'>;
  notice: string | null;
  onSignedIn(agent: AgentProfile): void;
};

const ERROR_KEYS = {
  unauthorized: 'loginErrorUnauthorized',
  bad_request: 'loginErrorUnauthorized',
  rate_limited: 'loginErrorRateLimited',
} as const satisfies Partial<Record<ErrorCode, string>>;

export function LoginPage({ api, notice, onSignedIn }: Props) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    const result = await api.login(email.trim(), password);
    setBusy(false);
    if (result.ok) {
      onSignedIn(result.data);
      return;
    }
    const { code, retryAfter } = result.error;
    if (code === 'rate_limited' && retryAfter) {
      setError(t('loginErrorRateLimitedFor', { minutes: Math.ceil(retryAfter / 60) }));
      return;
    }
    setError(t(code in ERROR_KEYS ? ERROR_KEYS[code as keyof typeof ERROR_KEYS] : 'loginErrorGeneric'));
  };

  return (
    <main class="login">
      <form class="login__card" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">{t('loginTitle')}</h1>
        {notice && (
          <p class="notice" role="status">
            {notice}
          </p>
        )}
        <label for="login-email">{t('loginEmail')}</label>
        <input
          id="login-email"
          type="email"
          autocomplete="username"
          required
          maxLength={LIMITS.emailMaxLength}
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
        <label for="login-password">{t('loginPassword')}</label>
        <input
          id="login-password"
          type="password"
          autocomplete="current-password"
          required
          maxLength={LIMITS.passwordMaxLength}
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
        />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" class="button button--primary" disabled={busy || !email || !password}>
          {busy ? t('loginSubmitting') : t('loginSubmit')}
        </button>
      </form>
    </main>
  );
}

/** The console root: language, session check, and the switch between the login page and the console. */
import type { AgentProfile, Locale } from '@frontdesk/shared';
import type { RenderMarkdown } from '@frontdesk/shared/markdown';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { FirstPasswordPage } from '../auth/FirstPasswordPage.tsx';
import { LoginPage } from '../auth/LoginPage.tsx';
import { Loading } from '../shared/Loading.tsx';
import type { ConsoleClient } from './client.ts';
import { I18nContext, makeI18n, saveLocale } from './i18n.ts';
import { MarkdownContext } from './markdown.ts';
import type { Notifier } from './notifier.ts';
import { Shell } from './Shell.tsx';

type Auth =
  | { status: 'checking' }
  | { status: 'signedOut'; sessionEnded: boolean }
  | { status: 'signedIn'; agent: AgentProfile };

type Props = {
  client: ConsoleClient;
  notifier: Notifier;
  initialLocale: Locale;
  markdown: RenderMarkdown;
  /** Delay before retrying a send or a refused connection; default: the client core's backoff. */
  retryDelayMs?: (attempt: number) => number;
};

export function App({ client, notifier, initialLocale, markdown, retryDelayMs }: Props) {
  const [locale, setLocale] = useState(initialLocale);
  const i18n = useMemo(() => makeI18n(locale), [locale]);
  const [auth, setAuth] = useState<Auth>({ status: 'checking' });

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  useEffect(() => {
    let cancelled = false;
    client.me().then((result) => {
      if (cancelled) return;
      if (result.ok) setAuth({ status: 'signedIn', agent: result.data });
      else {
        if (result.error.code !== 'unauthorized')
          console.warn('[console] session check failed', result.error);
        setAuth({ status: 'signedOut', sessionEnded: false });
      }
    });
    return () => {
      cancelled = true;
    };
  }, [client]);

  const changeLocale = useCallback((next: Locale) => {
    setLocale(next);
    saveLocale(next);
  }, []);

  const logout = useCallback(async () => {
    const result = await client.logout();
    if (!result.ok) console.warn('[console] logout failed', result.error);
    setAuth({ status: 'signedOut', sessionEnded: false });
  }, [client]);

  const sessionEnded = useCallback(() => setAuth({ status: 'signedOut', sessionEnded: true }), []);

  let body: preact.JSX.Element;
  if (auth.status === 'checking') {
    body = <Loading />;
  } else if (auth.status === 'signedOut') {
    body = (
      <LoginPage
        api={client}
        notice={auth.sessionEnded ? i18n.t('sessionEnded') : null}
        onSignedIn={(agent) => setAuth({ status: 'signedIn', agent })}
      />
    );
  } else if (auth.agent.mustChangePassword) {
    const agent = auth.agent;
    body = (
      <FirstPasswordPage
        client={client}
        agentName={agent.name}
        onChanged={() => setAuth({ status: 'signedIn', agent: { ...agent, mustChangePassword: false } })}
        onLogout={() => void logout()}
      />
    );
  } else {
    body = (
      <Shell
        key={auth.agent.id}
        client={client}
        agent={auth.agent}
        notifier={notifier}
        onLocale={changeLocale}
        onLogout={() => void logout()}
        onSessionEnded={sessionEnded}
        onAgent={(agent) => setAuth({ status: 'signedIn', agent })}
        {...(retryDelayMs ? { retryDelayMs } : {})}
      />
    );
  }
  return (
    <I18nContext.Provider value={i18n}>
      <MarkdownContext.Provider value={markdown}>{body}</MarkdownContext.Provider>
    </I18nContext.Provider>
  );
}

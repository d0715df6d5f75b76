/**
 * The mail outbox (admins): every e-mail with its recipient, subject, status and, when it is not
 * sent, why; its text on demand; "Send again" for failed or kept mail once SMTP is configured.
 */
import type { MailOutboxEntry } from '@frontdesk/shared/responses';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { EmptyState } from '../shared/EmptyState.tsx';
import { adminErrorText } from '../shared/labels.ts';
import { PageStatus } from '../shared/PageStatus.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { MailApi } from './api.ts';
import { canResend, kindText, reasonText, statusText } from './labels.ts';

type Props = { client: MailApi; onSessionEnded(): void };
type Notice = { kind: 'notice' | 'error'; text: string };

export function OutboxPage({ client, onSessionEnded }: Props) {
  const { t, locale } = useI18n();
  const { state, reload } = useLoad('outbox', () => client.listOutbox(), onSessionEnded);
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const outbox = state.data;

  const resend = async (mail: MailOutboxEntry) => {
    setBusy(mail.id);
    setNotice(null);
    const result = await client.resendMail(mail.id);
    setBusy(null);
    await reload();
    setNotice(
      result.ok
        ? { kind: 'notice', text: t('outboxResent', { recipient: mail.recipient }) }
        : { kind: 'error', text: adminErrorText(result.error, t) },
    );
  };

  const created = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <main class="page" aria-labelledby="outbox-title">
      <div class="page__body">
        <h1 id="outbox-title" class="page__title">
          {t('outboxTitle')}
        </h1>
        <p>{t('outboxIntro')}</p>
        <PageStatus state={state} onRetry={() => void reload()} />
        {outbox && !outbox.configured && (
          <p class="alert" role="status">
            {t('outboxUnconfigured')}
          </p>
        )}
        {notice && (
          <p
            class={notice.kind === 'error' ? 'alert' : 'notice'}
            role={notice.kind === 'error' ? 'alert' : 'status'}
          >
            {notice.text}
          </p>
        )}
        {outbox && outbox.mail.length === 0 && (
          <EmptyState icon="mail" title={t('outboxEmpty')} hint={t('outboxEmptyHint')} />
        )}
        {outbox && outbox.mail.length > 0 && (
          <ul class="outbox">
            {outbox.mail.map((mail) => {
              const reason = reasonText(mail, t);
              return (
                <li key={mail.id} class="card outbox__mail" aria-labelledby={`mail-${mail.id}`}>
                  <h2 id={`mail-${mail.id}`} class="outbox__subject">
                    {mail.subject}
                  </h2>
                  <dl class="outbox__facts">
                    <dt>{t('outboxRecipient')}</dt>
                    <dd>{mail.recipient}</dd>
                    <dt>{t('outboxStatus')}</dt>
                    <dd>
                      {statusText(mail, t)} · {kindText(mail, t)} ·{' '}
                      {t('outboxAttempts', { count: mail.attempts })}
                    </dd>
                    <dt>{t('outboxCreated')}</dt>
                    <dd>
                      <time dateTime={mail.createdAt}>{created(mail.createdAt)}</time>
                    </dd>
                  </dl>
                  {reason && <p class="outbox__reason">{reason}</p>}
                  <details>
                    <summary>{t('outboxMessage')}</summary>
                    <pre class="outbox__text">{mail.text}</pre>
                  </details>
                  {canResend(mail, outbox.configured) && (
                    <button
                      type="button"
                      class="button"
                      disabled={busy === mail.id}
                      onClick={() => void resend(mail)}
                    >
                      {t('outboxResend')}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </main>
  );
}

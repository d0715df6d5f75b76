/**
 * The right column: this conversation's facts (where the visitor is, their browser, language, rating
 * and handoff reason), then (issue 12) their contact record, which says who they are (name, e-mail,
 * verified or not) and stays current: those are not repeated here.
 */
import type { AgentConversation } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import type { ComponentChildren } from 'preact';
import { useI18n } from '../app/i18n.ts';
import { formatClock, safeHttpUrl } from '../shared/format.ts';
import { reasonText } from './labels.ts';
import { OfflineDetails } from './OfflineDetails.tsx';
import { parseUserAgent } from './user-agent.ts';

const LOCALE_KEYS: Record<AgentConversation['locale'], ConsoleKey> = { en: 'localeEn', pl: 'localePl' };

function Field({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

type Props = {
  conversation: AgentConversation;
  now: number;
  /** Issue 12: the visitor's contact record, after this conversation's facts. */
  children?: ComponentChildren;
  /** Issue 14: back to the conversation (a button shown where the details are a step of their own). */
  onBack?(): void;
};

export function VisitorPanel({ conversation: c, now, children, onBack }: Props) {
  const { t, locale } = useI18n();
  const { browser, os } = parseUserAgent(c.userAgent);
  const pageHref = c.page ? safeHttpUrl(c.page.url) : null;
  return (
    <aside class="visitor" aria-labelledby="visitor-title">
      {onBack && (
        <button type="button" class="button visitor__back" onClick={onBack}>
          {t('backToConversation')}
        </button>
      )}
      <h2 id="visitor-title">{t('visitorPanelLabel')}</h2>
      <dl>
        {c.page && (
          <Field label={t('fieldPage')}>
            <span class="visitor__page-title">{c.page.title || c.page.url}</span>
            {pageHref ? (
              <a class="visitor__url" href={pageHref} target="_blank" rel="noopener noreferrer nofollow">
                {c.page.url}
              </a>
            ) : (
              <span class="visitor__url">{c.page.url}</span>
            )}
          </Field>
        )}
        <Field label={t('fieldBrowser')}>{browser ?? t('unknown')}</Field>
        <Field label={t('fieldSystem')}>{os ?? t('unknown')}</Field>
        <Field label={t('fieldLanguage')}>{t(LOCALE_KEYS[c.locale] ?? 'unknown')}</Field>
        <Field label={t('fieldStarted')}>
          <time dateTime={c.createdAt}>{formatClock(c.createdAt, locale, now)}</time>
        </Field>
        {c.rating !== null && (
          <Field label={t('fieldRating')}>{t('ratingValue', { rating: c.rating })}</Field>
        )}
        {c.ratingComment && <Field label={t('fieldRatingComment')}>{c.ratingComment}</Field>}
        {c.handoffReason && <Field label={t('fieldHandoff')}>{reasonText(c.handoffReason, t)}</Field>}
      </dl>
      <OfflineDetails conversation={c} />
      {children}
    </aside>
  );
}

/** The "try a question" box: what the bot would do with a text, and its top matches with score bars. */
import { isLocale, LOCALES, type Locale, type TryResult } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { type Translate, useI18n } from '../app/i18n.ts';
import { routeHash } from '../app/routes.ts';
import { adminErrorText, localeText } from '../shared/labels.ts';
import type { FaqApi } from './api.ts';
import { ScoreBar } from './ScoreBar.tsx';
import { useTry } from './use-try.ts';

type Props = { api: Pick<FaqApi, 'tryQuestion'>; siteId: string; onOpen(faqId: string): void };

export function TryBox({ api, siteId, onOpen }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [lang, setLang] = useState<Locale | null>(null);
  const state = useTry(api, siteId, text, lang);
  const shown = state.status === 'done' ? state.result : state.status === 'checking' ? state.last : null;

  return (
    <section class="try" aria-labelledby="try-title">
      <h2 id="try-title">{t('tryTitle')}</h2>
      <div class="try__inputs">
        <input
          type="search"
          value={text}
          placeholder={t('tryPlaceholder')}
          aria-label={t('tryInput')}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <select
          aria-label={t('tryLang')}
          value={lang ?? ''}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setLang(isLocale(value) ? value : null);
          }}
        >
          <option value="">{t('tryLangAuto')}</option>
          {LOCALES.map((l) => (
            <option key={l} value={l}>
              {localeText(l, t)}
            </option>
          ))}
        </select>
      </div>
      <div
        class={`try__result${state.status === 'checking' ? ' try__result--stale' : ''}`}
        aria-live="polite"
      >
        {state.status === 'checking' && !shown && <p class="notice">{t('tryChecking')}</p>}
        {shown && !shown.ok && (
          <p class="error" role="alert">
            {adminErrorText(shown.error, t)}
          </p>
        )}
        {shown?.ok && <TryOutcome result={shown.data} onOpen={onOpen} />}
      </div>
    </section>
  );
}

function outcomeText(result: TryResult, t: Translate): string {
  switch (result.outcome) {
    case 'answer':
      return t('tryOutcomeAnswer', { question: result.matches[0]?.question ?? '?' });
    case 'clarify':
      return t('tryOutcomeClarify');
    case 'miss':
      return t('tryOutcomeMiss');
    case 'intent':
      return t('tryOutcomeIntent', { intent: result.intent ?? '?' });
  }
}

function TryOutcome({ result, onOpen }: { result: TryResult; onOpen(faqId: string): void }) {
  const { t } = useI18n();
  return (
    <>
      <p class={`try__outcome try__outcome--${result.outcome}`}>
        <strong>{outcomeText(result, t)}</strong>{' '}
        <span class="notice">{t('tryDetected', { language: localeText(result.lang, t) })}</span>
      </p>
      {result.matches.length === 0 ? (
        <p class="notice">{t('tryNoMatches')}</p>
      ) : (
        <ol class="matches" aria-label={t('tryMatches')}>
          {result.matches.map((m) => (
            <li key={m.faqId} class="matches__item">
              <a
                href={routeHash({ page: 'faq', faqId: m.faqId })}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(m.faqId);
                }}
              >
                {m.question}
              </a>
              <ScoreBar score={m.score} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** One question the bot handed to a person, with the agent's reply: add it to the bot's guess, make an entry, or dismiss. */
import type { AgentAnswer } from '@frontdesk/shared';
import type { ComponentChildren } from 'preact';
import { useI18n } from '../app/i18n.ts';
import { routeHash } from '../app/routes.ts';
import { ScoreBar } from '../faq/ScoreBar.tsx';
import { formatClock } from '../shared/format.ts';
import { localeText } from '../shared/labels.ts';

type Props = {
  answer: AgentAnswer;
  now: number;
  canEdit: boolean;
  busy: boolean;
  /** Whether the guessed entry can still be edited (it exists in the loaded list). */
  known(faqId: string): boolean;
  onAddTo(faqId: string): void;
  onCreate(): void;
  onDismiss(): void;
  /** The new-entry editor, when open for this answer. */
  children?: ComponentChildren;
};

export function AgentAnswerCard(props: Props) {
  const { answer, now, canEdit, busy, known, onAddTo, onCreate, onDismiss, children } = props;
  const { t, locale } = useI18n();
  const guess = answer.guess;
  return (
    <article class="card agent-answer" aria-label={answer.question}>
      <header class="card__head">
        <h3 class="card__title">{answer.question}</h3>
        <span class="tag">{localeText(answer.lang, t)}</span>
        <time class="msg__time" dateTime={answer.createdAt}>
          {formatClock(answer.createdAt, locale, now)}
        </time>
      </header>
      <h4 class="card__subtitle">{t('agentAnswersAgentReplied')}</h4>
      <blockquote class="agent-answer__reply">{answer.answer}</blockquote>
      {guess ? (
        <ul class="matches matches--actions">
          <li class="matches__item">
            <a href={routeHash({ page: 'faq', faqId: guess.faqId })}>{guess.question}</a>
            <ScoreBar score={guess.score} />
            {canEdit && known(guess.faqId) && (
              <button
                type="button"
                class="button"
                disabled={busy}
                aria-label={t('agentAnswersAddTo', { question: guess.question })}
                title={t('agentAnswersAddTo', { question: guess.question })}
                onClick={() => onAddTo(guess.faqId)}
              >
                {t('agentAnswersAddShort')}
              </button>
            )}
          </li>
        </ul>
      ) : (
        <p class="notice">{t('agentAnswersNoGuess')}</p>
      )}
      {canEdit && (
        <div class="card__actions">
          <button type="button" class="button button--primary" disabled={busy} onClick={onCreate}>
            {t('agentAnswersCreate')}
          </button>
          <button type="button" class="button" disabled={busy} onClick={onDismiss}>
            {t('unansweredDismiss')}
          </button>
        </div>
      )}
      {children}
    </article>
  );
}

/** One question the bot handed to a person, with the agent's reply: add it to the bot's guess, make an entry, or dismiss. */
import type { AgentAnswer } from '@frontdesk/shared';
import { useI18n } from '../app/i18n.ts';
import { formatClock } from '../shared/format.ts';
import { localeText } from '../shared/labels.ts';
import { CardActions, type EntryCardProps } from './CardActions.tsx';
import { EntryMatch } from './EntryMatch.tsx';

type Props = EntryCardProps & { answer: AgentAnswer };

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
          <EntryMatch
            match={guess}
            canAdd={canEdit && known(guess.faqId)}
            busy={busy}
            addLabel={t('agentAnswersAddTo', { question: guess.question })}
            addShort={t('agentAnswersAddShort')}
            onAdd={onAddTo}
          />
        </ul>
      ) : (
        <p class="notice">{t('agentAnswersNoGuess')}</p>
      )}
      {canEdit && (
        <CardActions
          busy={busy}
          createLabel={t('agentAnswersCreate')}
          onCreate={onCreate}
          onDismiss={onDismiss}
        />
      )}
      {children}
    </article>
  );
}

/** After resolution: a 1–5 rating (native radio group) with an optional comment, then thanks. */
import { LIMITS, type VisitorConversation } from '@frontdesk/shared';
import { useId, useState } from 'preact/hooks';
import { useWidget } from './context.ts';
import { Transcript } from './Transcript.tsx';

const SCORES = Array.from(
  { length: LIMITS.ratingMax - LIMITS.ratingMin + 1 },
  (_, i) => LIMITS.ratingMin + i,
);

export function Rating({ conversation, rated }: { conversation: VisitorConversation; rated: boolean }) {
  const { t, chat } = useWidget();
  const [score, setScore] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const name = useId();
  const commentId = useId();

  const startNew = (
    <button type="button" class="secondary" onClick={() => void chat.startNew()}>
      {t('newConversation')}
    </button>
  );

  if (rated || conversation.rating !== null) {
    return (
      <div class="rating done">
        <p role="status">{t('rateThanks')}</p>
        <Transcript />
        {startNew}
      </div>
    );
  }

  const submit = async (event: Event) => {
    event.preventDefault();
    if (score === null || busy) return;
    setBusy(true);
    await chat.rate(score, comment);
    setBusy(false);
  };

  return (
    <div class="rating">
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('rateTitle')}</legend>
          <div class="stars">
            {SCORES.map((n) => (
              <label key={n} class={score !== null && n <= score ? 'on' : ''}>
                <input
                  type="radio"
                  name={name}
                  value={n}
                  checked={score === n}
                  onChange={() => setScore(n)}
                />
                <span>
                  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="m12 2.5 2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8z" />
                  </svg>
                </span>
                <span class="sr-only">{t('rateStar', { n })}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <label for={commentId} class="field-label">
          {t('rateComment')}
        </label>
        <textarea
          id={commentId}
          rows={2}
          value={comment}
          maxLength={LIMITS.ratingCommentMaxLength}
          onInput={(event) => setComment(event.currentTarget.value)}
        />
        <button type="submit" class="primary" disabled={score === null || busy}>
          {t('rateSubmit')}
        </button>
      </form>
      <Transcript />
      {startNew}
    </div>
  );
}

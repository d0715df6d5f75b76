/** One FAQ entry a card offers: its link, its score and, for an editor, a button that adds the text to it. */
import type { FaqMatch } from '@frontdesk/shared';
import { routeHash } from '../app/routes.ts';
import { ScoreBar } from '../faq/ScoreBar.tsx';

type Props = {
  match: FaqMatch;
  /** Whether the button shows (an editor, and the entry is in the loaded list). */
  canAdd: boolean;
  busy: boolean;
  /** The button's full name (its aria-label and title), naming the entry. */
  addLabel: string;
  /** The button's short text. */
  addShort: string;
  onAdd(faqId: string): void;
};

export function EntryMatch({ match, canAdd, busy, addLabel, addShort, onAdd }: Props) {
  const { faqId, question, score } = match;
  return (
    <li class="matches__item">
      <a href={routeHash({ page: 'faq', faqId })}>{question}</a>
      <ScoreBar score={score} />
      {canAdd && (
        <button
          type="button"
          class="button"
          disabled={busy}
          aria-label={addLabel}
          title={addLabel}
          onClick={() => onAdd(faqId)}
        >
          {addShort}
        </button>
      )}
    </li>
  );
}

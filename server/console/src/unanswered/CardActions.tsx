/** A card's editor actions (make a new entry from it, or dismiss it), and the props every such card takes. */
import type { ComponentChildren } from 'preact';
import { useI18n } from '../app/i18n.ts';

/** What an "Unanswered" card (a group of missed questions, an agent's answer) is given besides its item. */
export type EntryCardProps = {
  now: number;
  canEdit: boolean;
  busy: boolean;
  /** Whether an offered entry can still be edited (it exists in the loaded list). */
  known(faqId: string): boolean;
  onAddTo(faqId: string): void;
  onCreate(): void;
  onDismiss(): void;
  /** The new-entry editor, when open for this card. */
  children?: ComponentChildren;
};

type Props = { busy: boolean; createLabel: string; onCreate(): void; onDismiss(): void };

export function CardActions({ busy, createLabel, onCreate, onDismiss }: Props) {
  const { t } = useI18n();
  return (
    <div class="card__actions">
      <button type="button" class="button button--primary" disabled={busy} onClick={onCreate}>
        {createLabel}
      </button>
      <button type="button" class="button" disabled={busy} onClick={onDismiss}>
        {t('unansweredDismiss')}
      </button>
    </div>
  );
}

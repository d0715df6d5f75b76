/** What a list or page shows when it has nothing (issue 14): a quiet icon, a line saying so, and what to do. */
import type { ComponentChildren } from 'preact';

export type EmptyIcon = 'chat' | 'people' | 'book' | 'inbox' | 'check' | 'globe' | 'mail';

/** 24×24 outline icons (one path each), drawn in the text colour. */
const PATHS: Record<EmptyIcon, string> = {
  chat: 'M4 5h16v11H8l-4 4z M8 9h8 M8 12h5',
  people:
    'M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6z M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6 M16 5.5a3 3 0 0 1 0 5.5 M18 14c2 .8 3 2.8 3 6',
  book: 'M5 4h11a3 3 0 0 1 3 3v13H8a3 3 0 0 1-3-3z M5 17a3 3 0 0 1 3-3h11',
  inbox: 'M3 13l3-8h12l3 8v6H3z M3 13h5l1 3h6l1-3h5',
  check: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M8 12l3 3 5-6',
  globe:
    'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z M3 12h18 M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9c-2.5-2.5-3.5-5.5-3.5-9s1-6.5 3.5-9z',
  mail: 'M3 6h18v12H3z M3 7l9 6 9-6',
};

type Props = {
  title: string;
  hint?: string;
  icon?: EmptyIcon;
  /** Compact: inside a list column rather than a whole page. */
  compact?: boolean;
  children?: ComponentChildren;
};

export function EmptyState({ title, hint, icon = 'inbox', compact = false, children }: Props) {
  return (
    <div class={`empty${compact ? ' empty--compact' : ''}`}>
      <svg class="empty__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d={PATHS[icon]} />
      </svg>
      <p class="empty__title">{title}</p>
      {hint && <p class="empty__hint">{hint}</p>}
      {children}
    </div>
  );
}

/**
 * Issue 14: search at the top of the conversation list — a search box that opens the search page,
 * and the agent's saved views.
 */
import { type SavedView, SEARCH_LIMITS } from '@frontdesk/shared';
import { useStore } from '@frontdesk/shared/preact';
import { useId, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { SavedViewsList } from './SavedViewsList.tsx';
import type { ViewsStore } from './views-store.ts';
import './search.css';

type Props = { views: ViewsStore; onSearch(q: string): void; onView(view: SavedView): void };

export function SearchSidebar({ views, onSearch, onView }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const state = useStore(views);
  return (
    <div class="search-sidebar">
      <form
        class="search-sidebar__form"
        aria-label={t('searchTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(q.trim());
        }}
      >
        <label for={`${id}-q`} class="visually-hidden">
          {t('searchTitle')}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          placeholder={t('searchTitle')}
          maxLength={SEARCH_LIMITS.queryMaxLength}
          value={q}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
        <button type="submit" class="button">
          {t('searchSubmit')}
        </button>
      </form>
      {state.views.length > 0 && <SavedViewsList views={state.views} onOpen={onView} />}
    </div>
  );
}

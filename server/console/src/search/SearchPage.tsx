/**
 * Issue 14 (find things): the search page — text and filters, ranked or newest-first results paged
 * by cursor, and the agent's saved views (open, save the current search, delete). Opening a result
 * shows the conversation in the workspace with the match marked.
 */
import {
  type SavedView,
  SEARCH_LIMITS,
  type SearchFilters,
  type SearchHit,
  type SiteSummary,
} from '@frontdesk/shared';
import { useStore } from '@frontdesk/shared/preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import type { SearchApi } from './api.ts';
import { cleanFilters, type SearchTarget } from './filters.ts';
import { SavedViewsList } from './SavedViewsList.tsx';
import { SearchForm } from './SearchForm.tsx';
import { SearchResults } from './SearchResults.tsx';
import type { ViewsStore } from './views-store.ts';
import './search.css';

type Results = {
  hits: SearchHit[];
  next: string | null;
  terms: string[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: 'failed' | 'bad' | null;
};

type Props = {
  api: SearchApi;
  views: ViewsStore;
  sites: readonly SiteSummary[];
  meId: string;
  target: SearchTarget;
  onView(view: SavedView): void;
  onOpenConversation(hit: SearchHit, terms: readonly string[]): void;
  onSessionEnded(): void;
};

const EMPTY: Results = { hits: [], next: null, terms: [], status: 'idle', error: null };

export function SearchPage({
  api,
  views,
  sites,
  meId,
  target,
  onView,
  onOpenConversation,
  onSessionEnded,
}: Props) {
  const { t } = useI18n();
  const id = useId();
  const viewsState = useStore(views);
  // A text in the address applies from the first render; a saved view once the views are loaded.
  const initial = (): SearchFilters => (target && 'q' in target ? { q: target.q } : {});
  const [filters, setFiltersState] = useState<SearchFilters>(initial);
  // The latest filters, for a submit that comes before the render of the last change.
  const latest = useRef<SearchFilters>(filters);
  const setFilters = (next: SearchFilters) => {
    latest.current = next;
    setFiltersState(next);
  };
  const [applied, setApplied] = useState<SearchFilters | null>(() =>
    target && 'viewId' in target ? null : cleanFilters(initial()),
  );
  const [results, setResults] = useState<Results>(EMPTY);
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<{ text: string; alert: boolean } | null>(null);
  const asked = useRef(0);
  const viewId = target && 'viewId' in target ? target.viewId : null;

  // What the address asks for: a saved view (once the views are there), a text, or everything —
  // applied once per address, so the views arriving later do not undo what the agent typed.
  const targetText = target && 'q' in target ? target.q : null;
  const appliedTarget = useRef<string | null>(viewId ? null : `q:${targetText ?? ''}`);
  useEffect(() => {
    const key = viewId ? `view:${viewId}` : `q:${targetText ?? ''}`;
    if (appliedTarget.current === key) return;
    if (viewId) {
      const view = viewsState.views.find((v) => v.id === viewId);
      if (!view) return;
      appliedTarget.current = key;
      setFilters(view.filters);
      setApplied(cleanFilters(view.filters));
      return;
    }
    appliedTarget.current = key;
    const start = targetText ? { q: targetText } : {};
    setFilters(start);
    setApplied(cleanFilters(start));
  }, [viewId, targetText, viewsState.views]);

  const run = async (query: SearchFilters, cursor: string | null) => {
    const ask = ++asked.current;
    setResults((r) => ({ ...(cursor ? r : EMPTY), status: 'loading', error: null }));
    const result = await api.searchConversations(query, cursor);
    if (ask !== asked.current) return;
    if (!result.ok) {
      if (result.error.code === 'unauthorized') onSessionEnded();
      setResults((r) => ({
        ...r,
        status: 'error',
        error: result.error.code === 'bad_request' ? 'bad' : 'failed',
      }));
      return;
    }
    setResults((r) => ({
      hits: cursor ? [...r.hits, ...result.data.hits] : result.data.hits,
      next: result.data.nextCursor,
      terms: result.data.terms,
      status: 'ready',
      error: null,
    }));
  };

  useEffect(() => {
    if (applied) void run(applied, null);
  }, [applied]);

  const save = async (event: Event) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const result = await views.save(trimmed, cleanFilters(latest.current));
    if (result.ok) {
      setName('');
      setNotice({ text: t('viewsSaved', { name: result.data.name }), alert: false });
      onView(result.data);
    } else {
      setNotice({
        text: t(result.error.code === 'limit_reached' ? 'viewsLimit' : 'viewsFailed'),
        alert: true,
      });
    }
  };

  const ranked = results.terms.length > 0;
  return (
    <main class="page search-page" aria-labelledby={`${id}-title`}>
      <div class="search-page__layout">
        <aside class="search-page__views">
          <SavedViewsList
            views={viewsState.views}
            currentId={viewId}
            onOpen={onView}
            onDelete={(view) => void views.remove(view.id)}
          />
          <form class="search-page__save" onSubmit={save}>
            <div class="field">
              <label for={`${id}-name`}>{t('viewsName')}</label>
              <input
                id={`${id}-name`}
                maxLength={SEARCH_LIMITS.viewNameMaxLength}
                value={name}
                onInput={(e) => setName(e.currentTarget.value)}
              />
            </div>
            <button type="submit" class="button" disabled={!name.trim()}>
              {t('viewsSave')}
            </button>
          </form>
          {notice && (
            <p class={notice.alert ? 'alert' : 'notice'} role={notice.alert ? 'alert' : 'status'}>
              {notice.text}
            </p>
          )}
        </aside>
        <div class="search-page__main">
          <h1 id={`${id}-title`} class="page__title">
            {t('searchTitle')}
          </h1>
          <SearchForm
            api={api}
            filters={filters}
            sites={sites}
            meId={meId}
            onChange={(update) => setFilters(update(latest.current))}
            onSubmit={() => setApplied(cleanFilters(latest.current))}
            onClear={() => {
              setFilters({});
              setApplied({});
            }}
          />
          {results.error && (
            <p class="alert" role="alert">
              {t(results.error === 'bad' ? 'searchBadInput' : 'searchFailed')}
            </p>
          )}
          {results.status === 'loading' && results.hits.length === 0 && (
            <p class="placeholder" role="status">
              {t('loading')}
            </p>
          )}
          {results.status === 'ready' && results.hits.length === 0 && (
            <p class="placeholder" role="status">
              {t('searchNoResults')}
            </p>
          )}
          {results.hits.length > 0 && (
            <SearchResults
              hits={results.hits}
              ranked={ranked}
              sites={sites}
              meId={meId}
              onOpen={(hit) => onOpenConversation(hit, results.terms)}
            />
          )}
          {results.next && applied && (
            <button
              type="button"
              class="button search-page__more"
              disabled={results.status === 'loading'}
              onClick={() => void run(applied, results.next)}
            >
              {t('searchMore')}
            </button>
          )}
        </div>
      </div>
    </main>
  );
}

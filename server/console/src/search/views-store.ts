/**
 * Issue 14: the signed-in agent's saved views, loaded once and shared by the conversation list's
 * sidebar and the search page (a view saved on one shows on the other at once).
 */
import type { AckResult, SavedView, SearchFilters } from '@frontdesk/shared';
import type { SearchApi } from './api.ts';

export type ViewsState = { views: SavedView[]; loaded: boolean; failed: boolean };

export type ViewsStore = {
  getState(): ViewsState;
  subscribe(listener: () => void): () => void;
  load(): Promise<void>;
  save(name: string, filters: SearchFilters): Promise<AckResult<SavedView>>;
  remove(viewId: string): Promise<boolean>;
};

const byName = (a: SavedView, b: SavedView) => a.name.localeCompare(b.name);

export function createViewsStore(
  api: Pick<SearchApi, 'listSavedViews' | 'createSavedView' | 'deleteSavedView'>,
): ViewsStore {
  let state: ViewsState = { views: [], loaded: false, failed: false };
  const listeners = new Set<() => void>();
  const set = (next: Partial<ViewsState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async load() {
      const result = await api.listSavedViews();
      if (result.ok) set({ views: [...result.data.views].sort(byName), loaded: true, failed: false });
      else set({ loaded: true, failed: true });
    },
    async save(name, filters) {
      const result = await api.createSavedView(name, filters);
      if (result.ok) set({ views: [...state.views, result.data].sort(byName) });
      return result;
    },
    async remove(viewId) {
      const result = await api.deleteSavedView(viewId);
      if (result.ok || result.error.code === 'not_found')
        set({ views: state.views.filter((v) => v.id !== viewId) });
      return result.ok;
    },
  };
}

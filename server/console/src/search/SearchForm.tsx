/**
 * Issue 14: the search text and the filters (state, site, agent, team, tag, rating, creation dates).
 * Every control has a visible label; the tag field suggests the site's tags already in use; the team
 * field lists the teams of the agent's sites (shown when there is one).
 */
import {
  CONVERSATION_STATES,
  type ConversationState,
  LIMITS,
  SEARCH_LIMITS,
  type SearchFilters,
  type SiteSummary,
  type Team,
} from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useEffect, useId, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { useRouting } from '../routing/context.ts';
import type { SearchApi } from './api.ts';

const STATE_KEYS: Record<ConversationState, ConsoleKey> = {
  bot: 'stateBot',
  queued: 'stateQueued',
  assigned: 'searchStateAssigned',
  resolved: 'stateResolved',
  abandoned: 'stateAbandoned',
};

type Props = {
  api: Pick<SearchApi, 'siteConversationTags'>;
  filters: SearchFilters;
  sites: readonly SiteSummary[];
  meId: string;
  /** Changes the filters from the latest ones (several changes may come before a render). */
  onChange(update: (filters: SearchFilters) => SearchFilters): void;
  onSubmit(): void;
  onClear(): void;
};

const RATINGS = Array.from(
  { length: LIMITS.ratingMax - LIMITS.ratingMin + 1 },
  (_, i) => LIMITS.ratingMin + i,
);

export function SearchForm({ api, filters, sites, meId, onChange, onSubmit, onClear }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const tagSite = filters.site ?? sites[0]?.id ?? null;
  const routing = useRouting();
  const [teams, setTeams] = useState<Team[]>([]);
  const siteIds = sites.map((site) => site.id).join(' ');
  const set = <K extends keyof SearchFilters>(key: K, value: SearchFilters[K] | '') =>
    onChange((current) => {
      const next = { ...current };
      if (value === '' || value === undefined) delete next[key];
      else next[key] = value as SearchFilters[K];
      return next;
    });
  useEffect(() => {
    if (!tagSite) return;
    let live = true;
    void api.siteConversationTags(tagSite, (filters.tag ?? '').trim().toLowerCase()).then((result) => {
      if (live && result.ok) setSuggestions(result.data.tags);
    });
    return () => {
      live = false;
    };
  }, [tagSite, filters.tag]);
  const teamsApi = routing?.api ?? null;
  useEffect(() => {
    if (!teamsApi) return;
    let live = true;
    void Promise.all(sites.map((site) => teamsApi.listTeams(site.id))).then((results) => {
      if (live) setTeams(results.flatMap((result) => (result.ok ? result.data : [])));
    });
    return () => {
      live = false;
    };
  }, [teamsApi, siteIds]);
  const siteName = (siteId: string) => sites.find((site) => site.id === siteId)?.name ?? '';
  const shownTeams = teams.filter((team) => !filters.site || team.siteId === filters.site);

  return (
    <form
      class="search-form"
      aria-label={t('searchTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <div class="field search-form__text">
        <label for={`${id}-q`}>{t('searchText')}</label>
        <input
          id={`${id}-q`}
          type="search"
          maxLength={SEARCH_LIMITS.queryMaxLength}
          value={filters.q ?? ''}
          onInput={(e) => set('q', e.currentTarget.value)}
        />
      </div>
      <fieldset class="search-form__filters">
        <legend>{t('searchFiltersLabel')}</legend>
        <div class="field">
          <label for={`${id}-state`}>{t('searchState')}</label>
          <select
            id={`${id}-state`}
            value={filters.state ?? ''}
            onChange={(e) => set('state', e.currentTarget.value as ConversationState | '')}
          >
            <option value="">{t('searchAny')}</option>
            {CONVERSATION_STATES.map((state) => (
              <option key={state} value={state}>
                {t(STATE_KEYS[state])}
              </option>
            ))}
          </select>
        </div>
        {sites.length > 1 && (
          <div class="field">
            <label for={`${id}-site`}>{t('searchSite')}</label>
            <select
              id={`${id}-site`}
              value={filters.site ?? ''}
              onChange={(e) => set('site', e.currentTarget.value)}
            >
              <option value="">{t('searchAny')}</option>
              {sites.map((site) => (
                <option key={site.id} value={site.id}>
                  {site.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for={`${id}-agent`}>{t('searchAgent')}</label>
          <select
            id={`${id}-agent`}
            value={filters.agent ?? ''}
            onChange={(e) => set('agent', e.currentTarget.value)}
          >
            <option value="">{t('searchAny')}</option>
            <option value={meId}>{t('searchAgentMe')}</option>
            <option value="none">{t('searchAgentNone')}</option>
          </select>
        </div>
        {(shownTeams.length > 0 || filters.team) && (
          <div class="field">
            <label for={`${id}-team`}>{t('searchTeam')}</label>
            <select
              id={`${id}-team`}
              value={filters.team ?? ''}
              onChange={(e) => set('team', e.currentTarget.value)}
            >
              <option value="">{t('searchAny')}</option>
              {shownTeams.map((team) => (
                <option key={team.id} value={team.id}>
                  {sites.length > 1
                    ? t('searchTeamOfSite', { team: team.name, site: siteName(team.siteId) })
                    : team.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div class="field">
          <label for={`${id}-tag`}>{t('searchTag')}</label>
          <input
            id={`${id}-tag`}
            list={`${id}-tags`}
            maxLength={40}
            value={filters.tag ?? ''}
            onInput={(e) => set('tag', e.currentTarget.value)}
          />
          <datalist id={`${id}-tags`}>
            {suggestions.map((tag) => (
              <option key={tag} value={tag} />
            ))}
          </datalist>
        </div>
        <div class="field">
          <label for={`${id}-rating`}>{t('searchRating')}</label>
          <select
            id={`${id}-rating`}
            value={filters.rating === undefined ? '' : String(filters.rating)}
            onChange={(e) => set('rating', e.currentTarget.value ? Number(e.currentTarget.value) : '')}
          >
            <option value="">{t('searchAny')}</option>
            {RATINGS.map((rating) => (
              <option key={rating} value={String(rating)}>
                {t('searchRatingValue', { rating })}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for={`${id}-from`}>{t('searchFrom')}</label>
          <input
            id={`${id}-from`}
            type="date"
            value={filters.from ?? ''}
            onInput={(e) => set('from', e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`${id}-to`}>{t('searchTo')}</label>
          <input
            id={`${id}-to`}
            type="date"
            value={filters.to ?? ''}
            onInput={(e) => set('to', e.currentTarget.value)}
          />
        </div>
      </fieldset>
      <div class="search-form__actions">
        <button type="submit" class="button button--primary">
          {t('searchSubmit')}
        </button>
        <button type="button" class="button" onClick={onClear}>
          {t('searchClear')}
        </button>
      </div>
    </form>
  );
}

/**
 * Issue 14: one page after another of results — the visitor, site, state, tags and (for a text
 * search) the best matching message with the searched words marked. Snippets are parts rendered as
 * text and `<mark>`, never HTML (R4).
 */
import type { AgentConversation, SearchHit, SiteSummary } from '@frontdesk/shared';
import { useI18n } from '../app/i18n.ts';
import { stateText } from '../conversations/labels.ts';
import { visitorLabel } from '../shared/format.ts';

type Props = {
  hits: readonly SearchHit[];
  ranked: boolean;
  sites: readonly SiteSummary[];
  meId: string;
  onOpen(hit: SearchHit): void;
};

export function SearchResults({ hits, ranked, sites, meId, onOpen }: Props) {
  const { t, locale } = useI18n();
  const name = (c: AgentConversation) => visitorLabel(c, (short) => t('visitorFallback', { id: short }));
  const date = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section class="search-results" aria-labelledby="search-results-title">
      <h2 id="search-results-title" class="search-results__title">
        {t('searchResults')}{' '}
        <span class="search-results__order">· {t(ranked ? 'searchRanked' : 'searchNewest')}</span>
      </h2>
      <ol class="search-results__list">
        {hits.map((hit) => {
          const c = hit.conversation;
          const site = sites.find((s) => s.id === c.siteId);
          return (
            <li key={c.id} class="search-hit">
              <div class="search-hit__head">
                <button
                  type="button"
                  class="search-hit__open"
                  aria-label={t('searchOpen', { name: name(c) })}
                  onClick={() => onOpen(hit)}
                >
                  {name(c)}
                </button>
                <span class="badge">{stateText(c, meId, t)}</span>
                {sites.length > 1 && site && <span class="search-hit__site">{site.name}</span>}
                <time class="search-hit__time" dateTime={c.createdAt}>
                  {t('searchStarted', { date: date(c.createdAt) })}
                </time>
              </div>
              {hit.match && (
                <p class="search-hit__snippet">
                  {hit.match.kind === 'note' && <span class="badge badge--note">{t('noteBadge')}</span>}{' '}
                  {hit.match.snippet.map((part, i) =>
                    part.hit ? <mark key={i}>{part.text}</mark> : part.text,
                  )}
                </p>
              )}
              {!hit.match && c.lastMessage && <p class="search-hit__snippet">{c.lastMessage.body}</p>}
              {hit.tags.length > 0 && (
                <ul class="tags" aria-label={t('convTagsTitle')}>
                  {hit.tags.map((tag) => (
                    <li key={tag} class="tag">
                      {tag}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/**
 * Issue 14: a conversation's tags in its details column — add (free text, the site's tags as
 * suggestions) and remove. Tags are normalised as the server does (trimmed, lower case).
 */
import { normalizeTag, SEARCH_LIMITS, TAG_PATTERN } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useEffect, useId, useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import type { SearchApi } from './api.ts';
import './search.css';

type Props = {
  api: Pick<
    SearchApi,
    'conversationTags' | 'addConversationTag' | 'removeConversationTag' | 'siteConversationTags'
  >;
  conversationId: string;
  siteId: string;
};

export function ConversationTags({ api, conversationId, siteId }: Props) {
  const { t } = useI18n();
  const id = useId();
  const [tags, setTags] = useState<string[]>([]);
  const [draft, setDraft] = useState('');
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [error, setError] = useState<ConsoleKey | null>(null);

  useEffect(() => {
    let live = true;
    void api.conversationTags(conversationId).then((result) => {
      if (live && result.ok) setTags(result.data.tags);
    });
    return () => {
      live = false;
    };
  }, [conversationId]);
  useEffect(() => {
    let live = true;
    void api.siteConversationTags(siteId, normalizeTag(draft)).then((result) => {
      if (live && result.ok) setSuggestions(result.data.tags);
    });
    return () => {
      live = false;
    };
  }, [siteId, draft]);

  const add = async (event: Event) => {
    event.preventDefault();
    const tag = normalizeTag(draft);
    if (!TAG_PATTERN.test(tag)) {
      setError('convTagsInvalid');
      return;
    }
    const result = await api.addConversationTag(conversationId, tag);
    if (result.ok) {
      setTags(result.data.tags);
      setDraft('');
      setError(null);
    } else setError(result.error.code === 'limit_reached' ? 'convTagsLimit' : 'convTagsFailed');
  };
  const remove = async (tag: string) => {
    const result = await api.removeConversationTag(conversationId, tag);
    if (result.ok) {
      setTags(result.data.tags);
      setError(null);
    } else setError('convTagsFailed');
  };

  return (
    <section class="conv-tags" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} class="conv-tags__title">
        {t('convTagsTitle')}
      </h3>
      {tags.length === 0 ? (
        <p class="conv-tags__empty">{t('convTagsEmpty')}</p>
      ) : (
        <ul class="tags conv-tags__list">
          {tags.map((tag) => (
            <li key={tag} class="tag">
              {tag}
              <button
                type="button"
                class="tag__remove"
                aria-label={t('convTagsRemove', { tag })}
                title={t('convTagsRemove', { tag })}
                onClick={() => void remove(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {tags.length < SEARCH_LIMITS.tagsPerConversationMax && (
        <form class="conv-tags__form" onSubmit={add}>
          <label for={`${id}-new`}>{t('convTagsNew')}</label>
          <input
            id={`${id}-new`}
            list={`${id}-suggestions`}
            maxLength={40}
            value={draft}
            aria-invalid={error === 'convTagsInvalid' ? 'true' : undefined}
            onInput={(e) => setDraft(e.currentTarget.value)}
          />
          <datalist id={`${id}-suggestions`}>
            {suggestions
              .filter((s) => !tags.includes(s))
              .map((s) => (
                <option key={s} value={s} />
              ))}
          </datalist>
          <button type="submit" class="button button--small" disabled={!draft.trim()}>
            {t('convTagsAdd')}
          </button>
        </form>
      )}
      {error && (
        <p class="alert" role="alert">
          {t(error)}
        </p>
      )}
    </section>
  );
}

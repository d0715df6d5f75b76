/** Issue 14: the agent's saved views as links to the search page; on the search page, deletable too. */
import type { SavedView } from '@frontdesk/shared';
import { useId } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { viewKey } from './filters.ts';

type Props = {
  views: readonly SavedView[];
  currentId?: string | null;
  onOpen(view: SavedView): void;
  onDelete?(view: SavedView): void;
};

export function SavedViewsList({ views, currentId, onOpen, onDelete }: Props) {
  const { t } = useI18n();
  const id = useId();
  return (
    <section class="saved-views" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="saved-views__title">
        {t('viewsTitle')}
      </h2>
      {views.length === 0 ? (
        <p class="saved-views__empty">{t('viewsEmpty')}</p>
      ) : (
        <ul class="saved-views__list">
          {views.map((view) => (
            <li key={view.id} class="saved-views__item">
              <a
                href={`#/search/${encodeURIComponent(viewKey(view.id))}`}
                aria-current={view.id === currentId ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(view);
                }}
              >
                {view.name}
              </a>
              {onDelete && (
                <button
                  type="button"
                  class="button button--small saved-views__delete"
                  aria-label={t('viewsDelete', { name: view.name })}
                  title={t('viewsDelete', { name: view.name })}
                  onClick={() => onDelete(view)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

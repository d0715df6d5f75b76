/** Files on their way (issue 13): name, progress, cancel; a failed one says why until dismissed. */
import { useLayoutEffect, useReducer } from 'preact/hooks';
import type { UploadItem, Uploads } from '../chat/uploads.ts';
import { useWidget } from './context.ts';

function useUploads(uploads: Uploads): readonly UploadItem[] {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => uploads.subscribe(() => rerender(0)), [uploads]);
  return uploads.list();
}

export function UploadList() {
  const { t, chat } = useWidget();
  const items = useUploads(chat.uploads);
  if (items.length === 0) return null;
  return (
    <ul class="uploads">
      {items.map((item) =>
        item.status === 'sending' ? (
          <li key={item.id} class="upload">
            <span class="upload-name" role="status">
              {t('uploading', { name: item.name, percent: String(Math.round(item.progress * 100)) })}
            </span>
            <progress max={1} value={item.progress} aria-hidden="true" />
            <button type="button" class="link" onClick={() => chat.uploads.cancel(item.id)}>
              {t('uploadCancel', { name: item.name })}
            </button>
          </li>
        ) : (
          <li key={item.id} class="upload failed">
            {/* The alert inside the item: a list item keeps its role (axe: lists hold only items). */}
            <span class="upload-name" role="alert">
              {t('uploadFailed', {
                name: item.name,
                reason: item.reason ? t(item.reason.key, item.reason.params) : t('uploadGeneric'),
              })}
            </span>
            <button type="button" class="link" onClick={() => chat.uploads.dismiss(item.id)}>
              {t('uploadDismiss')}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

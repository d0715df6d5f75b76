/** The agent's files on their way: name, progress, cancel; a failed one says why until dismissed. */
import { useI18n } from '../../app/i18n.ts';
import type { ConsoleUpload } from './use-uploads.ts';

type Props = { items: readonly ConsoleUpload[]; onCancel(id: number): void; onDismiss(id: number): void };

export function UploadList({ items, onCancel, onDismiss }: Props) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <ul class="uploads">
      {items.map((item) =>
        item.status === 'sending' ? (
          <li key={item.id} class="uploads__item">
            <span role="status">
              {t('uploading', { name: item.name, percent: Math.round(item.progress * 100) })}
            </span>
            <progress max={1} value={item.progress} aria-hidden="true" />
            <button type="button" class="link-button" onClick={() => onCancel(item.id)}>
              {t('uploadCancel', { name: item.name })}
            </button>
          </li>
        ) : (
          <li key={item.id} class="uploads__item uploads__item--failed" role="alert">
            <span>{t('uploadFailed', { name: item.name, reason: t(item.reason ?? 'uploadGeneric') })}</span>
            <button type="button" class="link-button" onClick={() => onDismiss(item.id)}>
              {t('uploadDismiss')}
            </button>
          </li>
        ),
      )}
    </ul>
  );
}

/**
 * An uploaded image (a site's logo, an agent's avatar): the current one, a file picker that sends the
 * chosen file at once (images only, at most `LIMITS.imageMaxBytes`), and a remove button.
 */
import type { AckResult, ErrorBody } from '@frontdesk/shared';
import { LIMITS } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { detailedErrorText } from './labels.ts';
import { Notice, type NoticeState } from './Notice.tsx';

type Props = {
  id: string;
  label: string;
  /** The image's URL, or none. */
  url: string | null;
  /** Alternative text of the preview. */
  alt: string;
  onUpload(file: File): Promise<AckResult<unknown>>;
  onRemove(): Promise<AckResult<unknown>>;
};

export function ImageUpload({ id, label, url, alt, onUpload, onRemove }: Props) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [pickerKey, setPickerKey] = useState(0);

  const run = async (action: () => Promise<AckResult<unknown>>, done: string) => {
    setBusy(true);
    setNotice(null);
    const result = await action();
    setBusy(false);
    setPickerKey((k) => k + 1);
    setNotice(result.ok ? { error: false, text: done } : { error: true, text: errorText(result.error) });
  };
  const errorText = (error: ErrorBody) =>
    error.code === 'too_large'
      ? t('imageTooLarge', { max: Math.round(LIMITS.imageMaxBytes / 1024 / 1024) })
      : detailedErrorText(error, t);

  const pick = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    if (!file.type.startsWith('image/')) {
      setNotice({ error: true, text: t('imageNotImage') });
      return;
    }
    if (file.size > LIMITS.imageMaxBytes) {
      setNotice({
        error: true,
        text: t('imageTooLarge', { max: Math.round(LIMITS.imageMaxBytes / 1024 / 1024) }),
      });
      return;
    }
    void run(() => onUpload(file), t('imageUploaded'));
  };

  return (
    <div class="field image-upload">
      <label for={id}>{label}</label>
      <div class="image-upload__row">
        {url ? (
          <img class="image-upload__preview" src={url} alt={alt} width={48} height={48} />
        ) : (
          <span class="image-upload__none">{t('imageNone')}</span>
        )}
        <input
          key={pickerKey}
          id={id}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          disabled={busy}
          onChange={(e) => pick(e.currentTarget)}
        />
        {url && (
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={() => void run(onRemove, t('imageRemoved'))}
          >
            {t('imageRemove')}
          </button>
        )}
      </div>
      <p class="field__hint">{t('imageHint', { max: Math.round(LIMITS.imageMaxBytes / 1024 / 1024) })}</p>
      <Notice notice={notice} />
    </div>
  );
}

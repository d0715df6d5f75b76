/**
 * An attachment in the timeline (issue 13): an image as its thumbnail (the server's re-encoded copy)
 * that opens a lightbox; any other file as a download button. Files are fetched with the visitor's
 * token and handed to the browser as Blob URLs (the token never goes into a URL); a download keeps
 * the server's `attachment` semantics (`download` attribute) and nothing is ever shown inline but
 * the server's own re-encoded images.
 */
import { type AttachmentRef, formatFileSize } from '@frontdesk/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useWidget } from './context.ts';

/** A Blob URL for an attachment's bytes while mounted (revoked after). */
function useBlobUrl(id: string, variant: 'file' | 'thumb', wanted = true): string | null {
  const { files } = useWidget();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!wanted || !files) return;
    let live = true;
    let made: string | null = null;
    void files.download(id, variant).then((blob) => {
      if (!live || !blob) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [id, variant, wanted, files]);
  return url;
}

/** The thumbnail box, keeping the picture's shape (so the timeline does not jump when it loads). */
const thumbSize = (a: AttachmentRef) => {
  const w = a.width ?? 200;
  const h = a.height ?? 150;
  const scale = Math.min(1, 220 / w, 220 / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
};

function ImageAttachment({ attachment }: { attachment: AttachmentRef }) {
  const { t } = useWidget();
  const thumb = useBlobUrl(attachment.id, 'thumb');
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const size = thumbSize(attachment);
  return (
    <>
      <button
        type="button"
        class="thumb"
        ref={opener}
        aria-label={t('attachmentOpen', { name: attachment.name })}
        onClick={() => setOpen(true)}
      >
        {thumb ? (
          <img src={thumb} alt="" width={size.width} height={size.height} />
        ) : (
          <span class="thumb-placeholder" />
        )}
      </button>
      {open && (
        <Lightbox
          attachment={attachment}
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}

function Lightbox({ attachment, onClose }: { attachment: AttachmentRef; onClose: () => void }) {
  const { t } = useWidget();
  const full = useBlobUrl(attachment.id, 'file');
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div
      class="lightbox"
      role="dialog"
      aria-modal="true"
      aria-label={t('lightboxLabel', { name: attachment.name })}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
        // Focus stays inside: the close button is the one control.
        if (event.key === 'Tab') {
          event.preventDefault();
          close.current?.focus();
        }
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <button
        type="button"
        class="icon-button lightbox-close"
        ref={close}
        aria-label={t('lightboxClose')}
        onClick={onClose}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7 4.3 4.3l6.3 6.3 6.3-6.3z" />
        </svg>
      </button>
      {full && <img src={full} alt={attachment.name} />}
    </div>
  );
}

function FileAttachment({ attachment }: { attachment: AttachmentRef }) {
  const { t, files, locale = 'en' } = useWidget();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    if (!files || busy) return;
    setBusy(true);
    const blob = await files.download(attachment.id, 'file');
    setBusy(false);
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = attachment.name;
    link.rel = 'noopener';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  };
  return (
    <button type="button" class="file" aria-busy={busy} onClick={() => void download()}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M6 2h8l6 6v14H6zm7 1.5V9h5.5zM9 13h8v1.5H9zm0 3h8v1.5H9z" />
      </svg>
      <span class="file-text">
        {t('attachmentDownload', { name: attachment.name, size: formatFileSize(attachment.size, locale) })}
      </span>
    </button>
  );
}

export function AttachmentView({ attachment }: { attachment: AttachmentRef }) {
  return attachment.kind === 'image' ? (
    <ImageAttachment attachment={attachment} />
  ) : (
    <FileAttachment attachment={attachment} />
  );
}

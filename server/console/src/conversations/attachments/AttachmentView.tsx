/**
 * An attachment in the agent's timeline (issue 13): an image as the server's thumbnail that opens a
 * lightbox, any other file as a download link (served `Content-Disposition: attachment`, sandboxed;
 * nothing a visitor sends is ever rendered inline but the server's re-encoded images).
 */
import { API, type AttachmentRef, attachmentQuery, formatFileSize } from '@frontdesk/shared';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../app/i18n.ts';

const thumbSize = (a: AttachmentRef) => {
  const w = a.width ?? 240;
  const h = a.height ?? 180;
  const scale = Math.min(1, 240 / w, 240 / h);
  return { width: Math.max(1, Math.round(w * scale)), height: Math.max(1, Math.round(h * scale)) };
};

function Lightbox({ attachment, onClose }: { attachment: AttachmentRef; onClose(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      class="lightbox"
      aria-label={t('lightboxLabel', { name: attachment.name })}
      onClose={onClose}
    >
      <button type="button" class="button lightbox__close" onClick={() => dialog.current?.close()}>
        {t('lightboxClose')}
      </button>
      <img src={API.agentAttachment(attachment.id)} alt={attachment.name} />
    </dialog>
  );
}

export function AttachmentView({ attachment }: { attachment: AttachmentRef }) {
  const { t, locale } = useI18n();
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  if (attachment.kind === 'image') {
    const size = thumbSize(attachment);
    return (
      <>
        <button
          type="button"
          class="attachment__thumb"
          ref={opener}
          aria-label={t('attachmentOpen', { name: attachment.name })}
          onClick={() => setOpen(true)}
        >
          <img
            src={API.agentAttachment(attachment.id) + attachmentQuery({ variant: 'thumb' })}
            alt=""
            width={size.width}
            height={size.height}
          />
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
  return (
    <a class="attachment__file" href={API.agentAttachment(attachment.id)} download={attachment.name}>
      {t('attachmentDownload', { name: attachment.name, size: formatFileSize(attachment.size, locale) })}
    </a>
  );
}

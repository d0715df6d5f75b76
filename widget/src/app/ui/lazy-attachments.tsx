/**
 * Issue 13: the attachment views (thumbnail, lightbox, download, the upload list) are a separate
 * chunk, fetched the first time a conversation shows a file or the visitor sends one, so opening
 * the chat does not pay for them. The browser loads the chunk once; every caller shares it.
 */
import type { AttachmentRef } from '@frontdesk/shared';
import { useEffect, useLayoutEffect, useReducer, useState } from 'preact/hooks';
import type { Uploads } from '../chat/uploads.ts';

type AttachmentsUi = typeof import('./attachments-ui.tsx');

function useAttachmentsUi(wanted: boolean): AttachmentsUi | null {
  const [ui, setUi] = useState<AttachmentsUi | null>(null);
  useEffect(() => {
    if (!wanted || ui) return;
    let live = true;
    import('./attachments-ui.tsx').then(
      (module) => live && setUi(() => module),
      (error: unknown) => console.error('[frontdesk] the attachments view failed to load', error),
    );
    return () => {
      live = false;
    };
  }, [wanted, ui]);
  return ui;
}

export function LazyAttachment({ attachment }: { attachment: AttachmentRef }) {
  const ui = useAttachmentsUi(true);
  return ui ? <ui.AttachmentView attachment={attachment} /> : <span class="thumb-placeholder" />;
}

/** The upload list, loaded once there is something to list. */
export function LazyUploadList({ active }: { active: boolean }) {
  const ui = useAttachmentsUi(active);
  return ui && active ? <ui.UploadList /> : null;
}

/** How many files are on their way or failed (the upload list shows when there are any). */
export function useUploadCount(uploads: Uploads): number {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => uploads.subscribe(() => rerender(0)), [uploads]);
  return uploads.list().length;
}

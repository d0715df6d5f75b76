/**
 * The visitor's files on their way (issue 13): each one is checked against the site's size limit,
 * sent over HTTP with progress, cancellable, and on success becomes a message of the timeline like
 * any other. What failed stays listed, with the reason, until dismissed. The type is the server's
 * decision (from the content), never the browser's guess.
 */
import {
  type ErrorCode,
  formatFileSize,
  type Locale,
  type Message,
  type WidgetAttachments,
} from '@frontdesk/shared';
import { newClientId } from '@frontdesk/shared/client';
import type { WidgetKey } from '@frontdesk/shared/i18n';
import type { FileTransport, UploadHandle } from '../../transport/index.ts';

export type UploadItem = {
  /** Also the upload's `clientId`: a retry of the same request is stored once. */
  id: string;
  name: string;
  size: number;
  /** 0 … 1. */
  progress: number;
  status: 'sending' | 'failed';
  reason: { key: WidgetKey; params?: Record<string, string> } | null;
};

export type Uploads = {
  list(): readonly UploadItem[];
  subscribe(listener: () => void): () => void;
  add(files: readonly File[]): void;
  cancel(id: string): void;
  dismiss(id: string): void;
};

export type UploadsDeps = {
  files: FileTransport | undefined;
  locale: Locale;
  /** The site's limits, or null when it takes no files. */
  limits(): WidgetAttachments | null;
  /** The conversation to send into, opened (or started anew) when needed; null when that failed. */
  conversation(): Promise<string | null>;
  /** A stored attachment message, into the timeline. */
  accept(message: Message): void;
};

/** Which catalog string says why a file was not sent. */
export function uploadReason(code: ErrorCode | null): WidgetKey {
  switch (code) {
    case 'too_large':
      return 'uploadTooLarge';
    case 'unsupported_type':
      return 'uploadType';
    case 'limit_reached':
      return 'uploadLimit';
    case null:
      return 'offline';
    default:
      return 'uploadGeneric';
  }
}

export function createUploads(deps: UploadsDeps): Uploads {
  let items: readonly UploadItem[] = [];
  const handles = new Map<string, UploadHandle>();
  const listeners = new Set<() => void>();
  const set = (next: readonly UploadItem[]) => {
    items = next;
    for (const listener of listeners) listener();
  };
  const patch = (id: string, change: Partial<UploadItem>) =>
    set(items.map((item) => (item.id === id ? { ...item, ...change } : item)));
  const remove = (id: string) => set(items.filter((item) => item.id !== id));
  const fail = (id: string, reason: UploadItem['reason']) => patch(id, { status: 'failed', reason });

  async function send(item: UploadItem, file: File): Promise<void> {
    const limits = deps.limits();
    if (!deps.files || !limits) return fail(item.id, { key: 'uploadType' });
    if (file.size === 0) return fail(item.id, { key: 'uploadEmpty' });
    if (file.size > limits.maxBytes)
      return fail(item.id, {
        key: 'uploadTooLarge',
        params: { max: formatFileSize(limits.maxBytes, deps.locale) },
      });
    const conversationId = await deps.conversation();
    if (!items.some((i) => i.id === item.id)) return; // cancelled meanwhile
    if (!conversationId) return fail(item.id, { key: 'uploadGeneric' });
    const handle = deps.files.upload({
      conversationId,
      clientId: item.id,
      file,
      name: file.name,
      onProgress: (progress) => patch(item.id, { progress }),
    });
    handles.set(item.id, handle);
    const result = await handle.done;
    handles.delete(item.id);
    if (result.ok) {
      remove(item.id);
      deps.accept(result.message);
    } else if (result.cancelled) {
      remove(item.id);
    } else {
      const key = uploadReason(result.code);
      fail(
        item.id,
        key === 'uploadTooLarge'
          ? { key, params: { max: formatFileSize(limits.maxBytes, deps.locale) } }
          : { key },
      );
    }
  }

  return {
    list: () => items,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    add(files) {
      for (const file of files) {
        const item: UploadItem = {
          id: newClientId(),
          name: file.name || 'file',
          size: file.size,
          progress: 0,
          status: 'sending',
          reason: null,
        };
        set([...items, item]);
        void send(item, file);
      }
    },
    cancel(id) {
      const handle = handles.get(id);
      if (handle) handle.cancel();
      else remove(id);
    },
    dismiss: remove,
  };
}

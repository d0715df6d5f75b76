/**
 * Attachments over HTTP (issue 13): uploads with progress and cancel (XMLHttpRequest: fetch has no
 * upload progress), downloads as Blobs. The token travels only in the Authorization header, never
 * in a URL; no cookies are sent.
 */
import {
  API,
  type AttachmentVariant,
  attachmentQuery,
  type ErrorCode,
  isErrorCode,
  type Message,
} from '@frontdesk/shared';

export type UploadResult =
  | { ok: true; message: Message }
  /** `code` null: no answer (offline, the connection dropped); `cancelled`: the visitor stopped it. */
  | { ok: false; code: ErrorCode | null; cancelled: boolean };

export type UploadHandle = { done: Promise<UploadResult>; cancel(): void };

export type UploadRequest = {
  conversationId: string;
  clientId: string;
  file: Blob;
  name: string;
  /** 0 … 1 as the bytes go out. */
  onProgress(fraction: number): void;
};

export type FileTransport = {
  upload(request: UploadRequest): UploadHandle;
  /** The file (or an image's thumbnail), or null when it cannot be had (not found, offline). */
  download(attachmentId: string, variant: AttachmentVariant): Promise<Blob | null>;
};

export type FileTransportOptions = {
  base: string;
  siteKey: string;
  token(): string | null;
  XMLHttpRequest: typeof XMLHttpRequest;
  fetch: typeof fetch;
};

const errorCodeOf = (text: string): ErrorCode | null => {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown } };
    return isErrorCode(body.error?.code) ? body.error.code : 'internal';
  } catch {
    return 'internal';
  }
};

export function createFileTransport(options: FileTransportOptions): FileTransport {
  return {
    upload(request) {
      const xhr = new options.XMLHttpRequest();
      const done = new Promise<UploadResult>((resolve) => {
        const token = options.token();
        if (!token) return resolve({ ok: false, code: null, cancelled: false });
        const url =
          options.base +
          API.visitorAttachments(request.conversationId) +
          attachmentQuery({ site: options.siteKey, clientId: request.clientId, name: request.name });
        xhr.open('POST', url);
        xhr.withCredentials = false;
        xhr.setRequestHeader('Authorization', `Bearer ${token}`);
        xhr.setRequestHeader('Content-Type', 'application/octet-stream');
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable && event.total > 0) request.onProgress(event.loaded / event.total);
        };
        xhr.onload = () => {
          if (xhr.status >= 200 && xhr.status < 300) {
            try {
              const body = JSON.parse(xhr.responseText) as { message: Message };
              return resolve({ ok: true, message: body.message });
            } catch {
              return resolve({ ok: false, code: 'internal', cancelled: false });
            }
          }
          resolve({ ok: false, code: errorCodeOf(xhr.responseText), cancelled: false });
        };
        xhr.onerror = () => resolve({ ok: false, code: null, cancelled: false });
        xhr.ontimeout = () => resolve({ ok: false, code: null, cancelled: false });
        xhr.onabort = () => resolve({ ok: false, code: null, cancelled: true });
        xhr.send(request.file);
      });
      return { done, cancel: () => xhr.abort() };
    },
    async download(attachmentId, variant) {
      const token = options.token();
      if (!token) return null;
      const url =
        options.base +
        API.visitorAttachment(attachmentId) +
        attachmentQuery({ site: options.siteKey, ...(variant === 'thumb' && { variant }) });
      try {
        const response = await options.fetch(url, {
          headers: { Authorization: `Bearer ${token}` },
          credentials: 'omit',
        });
        return response.ok ? await response.blob() : null;
      } catch (error) {
        console.warn('[frontdesk] could not fetch an attachment', error);
        return null;
      }
    },
  };
}

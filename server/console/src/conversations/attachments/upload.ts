/**
 * An agent's file upload (issue 13): the raw file to the agent API with the session cookie
 * (same-origin), over XMLHttpRequest for its upload progress; cancellable.
 */
import { API, attachmentQuery, type ErrorCode, isErrorCode } from '@frontdesk/shared';
import { newClientId } from '@frontdesk/shared/client';

export type AgentUploadResult = { ok: true } | { ok: false; code: ErrorCode | null; cancelled: boolean };

export type AgentUpload = { done: Promise<AgentUploadResult>; cancel(): void };

export function uploadAsAgent(
  conversationId: string,
  file: Blob & { name?: string },
  onProgress: (fraction: number) => void,
  Xhr: typeof XMLHttpRequest = XMLHttpRequest,
): AgentUpload {
  const xhr = new Xhr();
  const done = new Promise<AgentUploadResult>((resolve) => {
    const url =
      API.agentAttachments(conversationId) +
      attachmentQuery({ clientId: newClientId(), ...(file.name && { name: file.name }) });
    xhr.open('POST', url);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ ok: true });
      let code: ErrorCode = 'internal';
      try {
        const body = JSON.parse(xhr.responseText) as { error?: { code?: unknown } };
        if (isErrorCode(body.error?.code)) code = body.error.code;
      } catch {
        // Not our JSON (a proxy's page): reported as internal.
      }
      resolve({ ok: false, code, cancelled: false });
    };
    xhr.onerror = () => resolve({ ok: false, code: null, cancelled: false });
    xhr.onabort = () => resolve({ ok: false, code: null, cancelled: true });
    xhr.send(file);
  });
  return { done, cancel: () => xhr.abort() };
}

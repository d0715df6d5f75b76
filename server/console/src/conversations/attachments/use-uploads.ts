/**
 * The agent's files on their way into one conversation (issue 13): progress, cancel, and why one
 * failed. A stored file comes back as a live message on the agent's socket like any other reply.
 */
import type { ErrorCode } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type AgentUpload, uploadAsAgent } from './upload.ts';

export type ConsoleUpload = {
  id: number;
  name: string;
  progress: number;
  status: 'sending' | 'failed';
  reason: ConsoleKey | null;
};

export function uploadReason(code: ErrorCode | null): ConsoleKey {
  switch (code) {
    case 'too_large':
      return 'uploadTooLarge';
    case 'unsupported_type':
      return 'uploadType';
    case 'limit_reached':
      return 'uploadLimit';
    case 'invalid_state':
      return 'errorInvalidState';
    case 'bad_request':
      return 'uploadEmpty';
    default:
      return 'uploadGeneric';
  }
}

let nextId = 1;

export function useUploads(conversationId: string) {
  const [items, setItems] = useState<readonly ConsoleUpload[]>([]);
  const handles = useRef(new Map<number, AgentUpload>());
  // Leaving the conversation cancels what is still on its way.
  useEffect(
    () => () => {
      for (const handle of handles.current.values()) handle.cancel();
    },
    [conversationId],
  );
  const patch = (id: number, change: Partial<ConsoleUpload>) =>
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));
  const remove = (id: number) => setItems((list) => list.filter((item) => item.id !== id));

  return {
    items,
    add(files: readonly File[]) {
      for (const file of files) {
        const id = nextId++;
        setItems((list) => [
          ...list,
          { id, name: file.name || 'file', progress: 0, status: 'sending', reason: null },
        ]);
        const handle = uploadAsAgent(conversationId, file, (progress) => patch(id, { progress }));
        handles.current.set(id, handle);
        void handle.done.then((result) => {
          handles.current.delete(id);
          if (result.ok || (!result.ok && result.cancelled)) return remove(id);
          patch(id, { status: 'failed', reason: uploadReason(result.code) });
        });
      }
    },
    cancel(id: number) {
      handles.current.get(id)?.cancel();
    },
    dismiss: remove,
  };
}

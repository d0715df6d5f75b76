import type { Message, WidgetAttachments } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import type { FileTransport, UploadRequest, UploadResult } from '../../transport/index.ts';
import { createUploads, type UploadsDeps, uploadReason } from './uploads.ts';

/** An in-memory file transport: each upload waits until the test answers it. */
function memoryFiles() {
  const requests: { request: UploadRequest; answer(result: UploadResult): void; cancelled: boolean }[] = [];
  const files: FileTransport = {
    upload(request) {
      let answer!: (result: UploadResult) => void;
      const done = new Promise<UploadResult>((resolve) => {
        answer = resolve;
      });
      const entry = { request, answer, cancelled: false };
      requests.push(entry);
      return {
        done,
        cancel() {
          entry.cancelled = true;
          answer({ ok: false, code: null, cancelled: true });
        },
      };
    },
    download: async () => null,
  };
  return { files, requests };
}

const LIMITS: WidgetAttachments = { maxBytes: 1000, allowedTypes: ['image/png'] };
const file = (size: number, name = 'a.png') => new File([new Uint8Array(size)], name);
const message = (id: string) => ({ id, kind: 'attachment' }) as Message;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(overrides: Partial<UploadsDeps> = {}) {
  const { files, requests } = memoryFiles();
  const accepted: Message[] = [];
  const uploads = createUploads({
    files,
    locale: 'en',
    limits: () => LIMITS,
    conversation: async () => 'c1',
    accept: (m) => accepted.push(m),
    ...overrides,
  });
  return { uploads, requests, accepted };
}

describe('visitor uploads (issue 13)', () => {
  it('sends with progress; a stored file becomes a timeline message and leaves the list', async () => {
    const { uploads, requests, accepted } = setup();
    uploads.add([file(500, 'photo.png')]);
    await tick();
    expect(requests).toHaveLength(1);
    const { request } = requests[0]!;
    expect(request).toMatchObject({ conversationId: 'c1', name: 'photo.png' });
    expect(request.clientId).toBe(uploads.list()[0]!.id);
    request.onProgress(0.5);
    expect(uploads.list()[0]).toMatchObject({ status: 'sending', progress: 0.5, name: 'photo.png' });
    requests[0]!.answer({ ok: true, message: message('m1') });
    await tick();
    expect(uploads.list()).toEqual([]);
    expect(accepted.map((m) => m.id)).toEqual(['m1']);
  });

  it('cancel aborts the request and forgets the file; nothing reaches the timeline', async () => {
    const { uploads, requests, accepted } = setup();
    uploads.add([file(10)]);
    await tick();
    uploads.cancel(uploads.list()[0]!.id);
    await tick();
    expect(requests[0]!.cancelled).toBe(true);
    expect(uploads.list()).toEqual([]);
    expect(accepted).toEqual([]);
  });

  it('L4 too large and empty files fail before any request, with the reason and the limit', async () => {
    const { uploads, requests } = setup();
    uploads.add([file(1001, 'big.png'), file(0, 'empty.png')]);
    await tick();
    expect(requests).toEqual([]);
    expect(uploads.list().map((u) => [u.name, u.status, u.reason])).toEqual([
      ['big.png', 'failed', { key: 'uploadTooLarge', params: { max: '1 kB' } }],
      ['empty.png', 'failed', { key: 'uploadEmpty' }],
    ]);
    uploads.dismiss(uploads.list()[0]!.id);
    expect(uploads.list().map((u) => u.name)).toEqual(['empty.png']);
  });

  it("the server's refusal is told by its code (the type is the server's decision)", async () => {
    const { uploads, requests } = setup();
    uploads.add([file(10, 'cat.png')]);
    await tick();
    requests[0]!.answer({ ok: false, code: 'unsupported_type', cancelled: false });
    await tick();
    expect(uploads.list()[0]).toMatchObject({ status: 'failed', reason: { key: 'uploadType' } });
    expect([uploadReason('limit_reached'), uploadReason(null), uploadReason('internal')]).toEqual([
      'uploadLimit',
      'offline',
      'uploadGeneric',
    ]);
  });

  it('a site without files, or a conversation that cannot be opened, fails the upload', async () => {
    const off = setup({ limits: () => null });
    off.uploads.add([file(10)]);
    await tick();
    expect(off.requests).toEqual([]);
    expect(off.uploads.list()[0]).toMatchObject({ status: 'failed' });
    const closed = setup({ conversation: async () => null });
    closed.uploads.add([file(10)]);
    await tick();
    expect(closed.requests).toEqual([]);
    expect(closed.uploads.list()[0]).toMatchObject({ status: 'failed', reason: { key: 'uploadGeneric' } });
  });
});

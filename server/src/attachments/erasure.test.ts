/**
 * Issue 13: every erasure path removes the attachment files from the store, not only their rows —
 * "delete my chat history" (visitor), a contact's erasure (agent, two confirmed steps) and the
 * retention run. Real server, real uploads, the local file store on disk.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  API,
  type AttachmentRef,
  attachmentQuery,
  CONTACT_API,
  type EraseConfirmation,
  EVENTS,
  type Message,
} from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RetentionJob } from '../contacts/retention-job.ts';
import { createLogger } from '../kernel/logger.ts';
import { call, clientId, type Harness, openConversation, startHarness } from '../testing/harness.ts';
import { removeFileKeys } from './file-store.ts';
import { jpegWithGps, pdf } from './fixtures/corpus.ts';
import { localFileStore } from './local-file-store.ts';

let h: Harness & { dataDir: string };
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** A visitor's conversation with an image (file and thumbnail) and a PDF; their paths on disk. */
async function conversationWithFiles() {
  const v = await h.newVisitor();
  const { conversation } = await openConversation(h, v.socket);
  const paths: string[] = [];
  for (const [bytes, name] of [
    [await jpegWithGps(), 'photo.jpg'],
    [pdf(), 'invoice.pdf'],
  ] as const) {
    const res = await fetch(
      h.url +
        API.visitorAttachments(conversation.id) +
        attachmentQuery({ site: h.site.key, clientId: clientId(), name }),
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${v.token}`,
          'content-type': 'application/octet-stream',
          origin: h.origin,
        },
        body: bytes,
      },
    );
    expect(res.status).toBe(201);
    const { message } = (await res.json()) as { message: Message };
    const ref = message.meta?.attachment as AttachmentRef;
    const dir = join(h.dataDir, 'attachments', 'attachments', ref.id);
    paths.push(join(dir, 'file'));
    if (ref.kind === 'image') paths.push(join(dir, 'thumb'));
  }
  expect(paths).toHaveLength(3);
  for (const path of paths) expect(existsSync(path)).toBe(true);
  const visitorId = (await h.storage.getConversation(conversation.id))?.visitorId ?? '';
  return { v, conversationId: conversation.id, visitorId, paths };
}

const left = (paths: readonly string[]) => paths.filter((path) => existsSync(path));

describe('erasure removes attachment files', () => {
  it('"delete my chat history" removes the files of every deleted conversation', async () => {
    const { v, conversationId, paths } = await conversationWithFiles();
    expect(await call(v.socket, EVENTS.contactDeleteHistory, {})).toEqual({ conversations: 1 });
    expect(await h.storage.getConversation(conversationId)).toBeNull();
    expect(left(paths)).toEqual([]);
  });

  it("a contact's erasure removes the files and their rows (the conversation stays, redacted)", async () => {
    const { conversationId, visitorId, paths } = await conversationWithFiles();
    const { email, password } = await h.createAgent('Eraser');
    const login = await fetch(h.url + API.login, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.origin },
      body: JSON.stringify({ email, password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const post = (path: string, body: unknown) =>
      fetch(h.url + path, {
        method: 'POST',
        headers: { cookie, origin: h.origin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const step1 = await post(CONTACT_API.contactEraseConfirmation(h.site.id, visitorId), {});
    const { confirmation } = (await step1.json()) as EraseConfirmation;
    const done = await post(CONTACT_API.contactErase(h.site.id, visitorId), { confirmation });
    expect(done.status).toBe(200);
    // The response carries counts only, never the store's file keys.
    expect(Object.keys((await done.json()) as object).sort()).toEqual([
      'conversations',
      'erasedAt',
      'messages',
    ]);
    expect(await h.storage.getConversation(conversationId)).not.toBeNull();
    expect(await h.storage.listAttachments(conversationId)).toEqual([]);
    expect(left(paths)).toEqual([]);
  });

  it('the retention run removes the files of the conversations it deletes', async () => {
    const { conversationId, paths } = await conversationWithFiles();
    const site = await h.storage.getSite(h.site.id);
    if (!site) throw new Error('no site');
    await h.storage.updateSite(site.id, { settings: { ...site.settings, retentionMonths: 1 } });
    const logger = createLogger('silent');
    const files = localFileStore(join(h.dataDir, 'attachments'));
    const job = new RetentionJob({
      store: h.storage,
      logger,
      // Two months on: the conversation has had no activity for longer than the site keeps them.
      clock: () => new Date(Date.now() + 62 * 86_400_000),
      removeFiles: (keys) => removeFileKeys(files, keys, () => undefined),
    });
    const runs = await job.run();
    expect(runs.find((r) => r.siteId === site.id)?.conversations).toBeGreaterThanOrEqual(1);
    expect(await h.storage.getConversation(conversationId)).toBeNull();
    expect(left(paths)).toEqual([]);
  });
});

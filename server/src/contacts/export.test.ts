/**
 * Issue 12 (GDPR access) with issue 13's files, over a real server and real uploads: the JSON export
 * lists every file of the contact's conversations, the ZIP export holds `contact.json` and the exact
 * stored bytes, both are audited, and another site's agent gets "not found" (A2).
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AgentConversation,
  API,
  type AttachmentRef,
  attachmentQuery,
  CONTACT_API,
  CONTACT_EXPORT_JSON,
  type ContactExport,
  EVENTS,
  type Message,
} from '@frontdesk/shared';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf, png } from '../attachments/fixtures/corpus.ts';
import { consoleHttp, otherSiteAgent } from '../testing/console-http.ts';
import {
  call,
  clientId,
  connected,
  type Harness,
  openConversation,
  startHarness,
} from '../testing/harness.ts';
import { exportFilePath, safeFileName } from './export.ts';

let h: Harness & { dataDir: string };
let stranger: string;
let otherSiteId: string;
beforeAll(async () => {
  h = await startHarness();
  ({ siteId: otherSiteId, cookie: stranger } = await otherSiteAgent(h, 'x'));
});
afterAll(async () => {
  await h.close();
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A visitor's conversation taken by an agent, with a PDF from each side and a PNG from the visitor. */
async function conversationWithFiles() {
  const v = await h.newVisitor();
  const { conversation } = await openConversation(h, v.socket);
  const agent = await h.newAgent('Dana');
  await connected(agent.socket);
  await call(v.socket, EVENTS.conversationHandoff, { conversationId: conversation.id });
  await call<AgentConversation>(agent.socket, EVENTS.conversationTake, { conversationId: conversation.id });
  const visitorUpload = async (bytes: Uint8Array, name: string) => {
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
    return ((await res.json()) as { message: Message }).message.meta?.attachment as AttachmentRef;
  };
  const contract = pdf();
  const fromVisitor = await visitorUpload(contract, 'Umowa żółta.pdf');
  const photo = await visitorUpload(await png(), 'zdjęcie.png');
  const guide = pdf();
  const res = await fetch(
    h.url +
      API.agentAttachments(conversation.id) +
      attachmentQuery({ clientId: clientId(), name: 'guide.pdf' }),
    {
      method: 'POST',
      headers: { cookie: agent.cookie, origin: h.origin, 'content-type': 'application/octet-stream' },
      body: guide,
    },
  );
  expect(res.status).toBe(201);
  const fromAgent = ((await res.json()) as { message: Message }).message.meta?.attachment as AttachmentRef;
  // The stored PNG is the server's own re-encoding: its bytes are what the download serves.
  const photoBytes = new Uint8Array(
    await (
      await fetch(h.url + API.agentAttachment(photo.id), { headers: { cookie: agent.cookie } })
    ).arrayBuffer(),
  );
  v.socket.disconnect();
  agent.socket.disconnect();
  const contactId = (await h.storage.getConversation(conversation.id))?.visitorId ?? '';
  return {
    contactId,
    conversationId: conversation.id,
    files: [
      { ref: fromVisitor, bytes: contract, author: 'visitor', authorName: null },
      { ref: photo, bytes: photoBytes, author: 'visitor', authorName: null },
      { ref: fromAgent, bytes: guide, author: 'agent', authorName: 'Dana' },
    ],
  };
}

describe('safe names in the ZIP', () => {
  it('keeps letters, digits, dots and dashes; folds diacritics; never a path or a hidden file', () => {
    expect(safeFileName('Umowa żółta.pdf')).toBe('Umowa_zolta.pdf');
    expect(safeFileName('Łódź')).toBe('Lodz');
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileName('.htaccess')).toBe('htaccess');
    expect(safeFileName('整理.pdf')).toBe('pdf');
    expect(safeFileName('')).toBe('file');
    expect(safeFileName('a'.repeat(300))).toHaveLength(100);
    expect(exportFilePath({ conversationId: 'c1', id: 'A_b-9', name: 'x/y.pdf' })).toBe(
      'files/c1/A_b-9-x_y.pdf',
    );
  });
});

describe('contact export with files', () => {
  it('the JSON lists each file; the ZIP holds contact.json and the exact stored bytes; both audited', async () => {
    const { contactId, conversationId, files } = await conversationWithFiles();
    const agent = await consoleHttp(h).login((await h.createAgent('Exporter')).email);
    const api = consoleHttp(h).api;

    const json = await api(agent, 'GET', CONTACT_API.contactExport(h.site.id, contactId));
    expect(json.status).toBe(200);
    const data = (await json.json()) as ContactExport;
    const listed = data.conversations.find((c) => c.id === conversationId)?.attachments ?? [];
    expect(listed.map((a) => a.id).sort()).toEqual(files.map((f) => f.ref.id).sort());
    for (const f of files) {
      expect(listed.find((a) => a.id === f.ref.id)).toEqual({
        id: f.ref.id,
        name: f.ref.name,
        mime: f.ref.mime,
        size: f.bytes.length,
        sha256: sha256(f.bytes),
        createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        author: f.author,
        authorName: f.authorName,
        messageSeq: expect.any(Number),
        path: `files/${conversationId}/${f.ref.id}-${safeFileName(f.ref.name)}`,
      });
    }
    expect(listed.find((a) => a.id === files[0]?.ref.id)?.mime).toBe('application/pdf');

    const res = await api(agent, 'GET', CONTACT_API.contactExportZip(h.site.id, contactId));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="contact-${contactId}.zip"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const zip = unzipSync(new Uint8Array(await res.arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual([CONTACT_EXPORT_JSON, ...listed.map((a) => a.path)].sort());
    for (const f of files) {
      const path = listed.find((a) => a.id === f.ref.id)?.path ?? '';
      expect(Buffer.from(zip[path] ?? []).equals(Buffer.from(f.bytes)), path).toBe(true);
    }
    const inside = JSON.parse(new TextDecoder().decode(zip[CONTACT_EXPORT_JSON])) as ContactExport;
    expect(inside.contact.id).toBe(contactId);
    expect(inside.conversations.find((c) => c.id === conversationId)?.attachments).toEqual(listed);
    expect(inside.conversations.find((c) => c.id === conversationId)?.messages.length).toBeGreaterThanOrEqual(
      3,
    );

    const audit = await h.storage.listPrivacyAudit(h.site.id, 50);
    expect(
      audit
        .filter((a) => a.visitorId === contactId)
        .map((a) => a.kind)
        .sort(),
    ).toEqual(['export', 'export_zip']);
  });

  it('a file the store no longer has is listed without a hash and left out of the ZIP', async () => {
    const { contactId, files } = await conversationWithFiles();
    const gone = files[2]?.ref.id ?? '';
    // The local file store keeps each attachment under attachments/<id>/ in the data folder.
    rmSync(join(h.dataDir, 'attachments', 'attachments', gone), { recursive: true });
    const agent = await consoleHttp(h).login((await h.createAgent('Exporter')).email);
    const res = await consoleHttp(h).api(agent, 'GET', CONTACT_API.contactExportZip(h.site.id, contactId));
    expect(res.status).toBe(200);
    const zip = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const inside = JSON.parse(new TextDecoder().decode(zip[CONTACT_EXPORT_JSON])) as ContactExport;
    const listed = inside.conversations.flatMap((c) => c.attachments);
    expect(listed.find((a) => a.id === gone)?.sha256).toBeNull();
    expect(Object.keys(zip).some((path) => path.includes(gone))).toBe(false);
    expect(Object.keys(zip)).toHaveLength(1 + files.length - 1);
  });

  it('A2 an agent of another site gets not found for either export, by its own site id or by ours', async () => {
    const { contactId } = await conversationWithFiles();
    const api = consoleHttp(h).api;
    for (const path of [
      CONTACT_API.contactExportZip(h.site.id, contactId),
      CONTACT_API.contactExportZip(otherSiteId, contactId),
      CONTACT_API.contactExport(otherSiteId, contactId),
    ]) {
      const res = await api(stranger, 'GET', path);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await fetch(h.url + CONTACT_API.contactExportZip(h.site.id, contactId))).status).toBe(401);
    const audit = await h.storage.listPrivacyAudit(h.site.id, 50);
    expect(audit.filter((a) => a.visitorId === contactId)).toEqual([]);
  });
});

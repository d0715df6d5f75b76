/**
 * Attachments over HTTP on a real server (issue 13): uploads both ways, the message they become,
 * access on every download (TESTPLAN A1, A2, L4) and the headers a download is served with.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AgentConversation,
  API,
  type AttachmentRef,
  attachmentQuery,
  EVENTS,
  LIMITS,
  type Message,
  RATE_LIMITS,
} from '@frontdesk/shared';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  clientId,
  connected,
  type Harness,
  openConversation,
  startHarness,
  type VisitorSocket,
  waitFor,
} from '../testing/harness.ts';
import { hasGpsPointer, htmlPage, jpegWithGps, pdf, svgWithScript } from './fixtures/corpus.ts';

let h: Harness & { dataDir: string };
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

type Visitor = { token: string; socket: VisitorSocket; conversationId: string };

async function visitor(): Promise<Visitor> {
  const v = await h.newVisitor();
  const { conversation } = await openConversation(h, v.socket);
  return { ...v, conversationId: conversation.id };
}

function visitorUpload(
  v: Visitor,
  bytes: Uint8Array,
  name: string,
  id = clientId(),
  conversationId = v.conversationId,
) {
  return fetch(
    h.url +
      API.visitorAttachments(conversationId) +
      attachmentQuery({ site: h.site.key, clientId: id, name }),
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
}

function visitorDownload(v: Pick<Visitor, 'token'>, id: string, variant?: 'thumb') {
  return fetch(h.url + API.visitorAttachment(id) + attachmentQuery({ site: h.site.key, variant }), {
    headers: { authorization: `Bearer ${v.token}`, origin: h.origin },
  });
}

const attachmentOf = async (res: Response) => {
  const body = (await res.json()) as { message: Message };
  return { message: body.message, attachment: body.message.meta?.attachment as AttachmentRef };
};

describe('visitor uploads', () => {
  it('L4 a JPEG with GPS EXIF becomes an attachment message; stored and thumbnail without EXIF', async () => {
    const v = await visitor();
    const original = await jpegWithGps(1200, 900);
    const res = await visitorUpload(v, original, 'holiday.jpeg');
    expect(res.status).toBe(201);
    const { message, attachment } = await attachmentOf(res);
    expect(message).toMatchObject({ kind: 'attachment', author: 'visitor', seq: 1, body: 'holiday.jpg' });
    expect(attachment).toMatchObject({
      name: 'holiday.jpg',
      mime: 'image/jpeg',
      kind: 'image',
      width: 1200,
      height: 900,
    });
    expect(attachment.id).toMatch(/^[A-Za-z0-9_-]{22}$/);

    const file = await visitorDownload(v, attachment.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    const stored = await sharp(new Uint8Array(await file.arrayBuffer())).metadata();
    expect(hasGpsPointer((await sharp(original).metadata()).exif)).toBe(true);
    expect(stored.exif).toBeUndefined();

    const thumb = await visitorDownload(v, attachment.id, 'thumb');
    expect(thumb.headers.get('content-type')).toBe('image/webp');
    const thumbMeta = await sharp(new Uint8Array(await thumb.arrayBuffer())).metadata();
    expect(thumbMeta.exif).toBeUndefined();
    expect(thumbMeta.width).toBe(320);

    // The message also reached the conversation's timeline (the ordinary seq path).
    const sync = await call<{ messages: Message[] }>(v.socket, EVENTS.messagesSync, {
      conversationId: v.conversationId,
      afterSeq: 0,
    });
    expect(sync.messages.map((m) => m.kind)).toEqual(['attachment']);
  });

  it('D1 a retried upload with the same clientId gets the original message and stores no second file', async () => {
    const v = await visitor();
    const id = clientId();
    const first = await attachmentOf(await visitorUpload(v, pdf(), 'a.pdf', id));
    const filesBefore = countFiles();
    const again = await visitorUpload(v, pdf(), 'a.pdf', id);
    expect(again.status).toBe(200);
    const second = await attachmentOf(again);
    expect(second.message.id).toBe(first.message.id);
    expect(second.attachment.id).toBe(first.attachment.id);
    expect(countFiles()).toBe(filesBefore);
  });

  it('L4 SVG with script, HTML renamed .png, 0 bytes and over the limit are refused; nothing is stored', async () => {
    const v = await visitor();
    const before = countFiles();
    const svg = await visitorUpload(v, svgWithScript(), 'logo.svg');
    expect(svg.status).toBe(415);
    expect(((await svg.json()) as { error: { code: string } }).error.code).toBe('unsupported_type');
    expect((await visitorUpload(v, htmlPage(), 'cat.png')).status).toBe(415);
    expect((await visitorUpload(v, new Uint8Array(), 'empty.pdf')).status).toBe(400);
    const big = new Uint8Array(h.site.settings.attachments.maxBytes + 1);
    big.set(pdf());
    const tooBig = await visitorUpload(v, big, 'big.pdf');
    expect(tooBig.status).toBe(413);
    expect(countFiles()).toBe(before);
    const sync = await call<{ messages: Message[] }>(v.socket, EVENTS.messagesSync, {
      conversationId: v.conversationId,
      afterSeq: 0,
    });
    expect(sync.messages).toEqual([]);
  });

  it('L1 a body over the hard ceiling is refused without a declared length (chunked) too', async () => {
    const v = await visitor();
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 40) return controller.close();
        sent += 1;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(
      h.url +
        API.visitorAttachments(v.conversationId) +
        attachmentQuery({ site: h.site.key, clientId: clientId() }),
      {
        method: 'POST',
        headers: { authorization: `Bearer ${v.token}`, 'content-type': 'application/octet-stream' },
        body: stream,
        duplex: 'half',
      } as RequestInit,
    ).catch(() => null);
    // Either a clean 413 or the connection cut mid-stream: never a stored file.
    if (res) expect(res.status).toBe(413);
    expect(sent).toBeLessThan(40);
  });

  it('A7 a cross-site form type is refused (only application/octet-stream is an upload)', async () => {
    const v = await visitor();
    const res = await fetch(
      h.url +
        API.visitorAttachments(v.conversationId) +
        attachmentQuery({ site: h.site.key, clientId: clientId() }),
      {
        method: 'POST',
        headers: { authorization: `Bearer ${v.token}`, 'content-type': 'text/plain' },
        body: pdf(),
      },
    );
    expect(res.status).toBe(400);
  });
});

describe('A1 access on every download', () => {
  it("A1 another visitor's file is the same not found as a missing id; their token cannot upload into it", async () => {
    const a = await visitor();
    const b = await visitor();
    const { attachment } = await attachmentOf(await visitorUpload(a, pdf(), 'private.pdf'));
    const foreign = await visitorDownload(b, attachment.id);
    const missing = await visitorDownload(b, 'AAAAAAAAAAAAAAAAAAAAAA');
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());
    // B uploading into A's conversation: not found, as for any conversation id.
    const into = await visitorUpload(b, pdf(), 'x.pdf', clientId(), a.conversationId);
    expect(into.status).toBe(404);
    // No token, a wrong token: unauthorized (TESTPLAN A4), the id alone opens nothing.
    expect(
      (await fetch(h.url + API.visitorAttachment(attachment.id) + attachmentQuery({ site: h.site.key })))
        .status,
    ).toBe(401);
    expect((await visitorDownload({ token: 'x'.repeat(43) }, attachment.id)).status).toBe(401);
  });

  it('A6 a page on an origin the site does not allow is refused', async () => {
    const a = await visitor();
    const { attachment } = await attachmentOf(await visitorUpload(a, pdf(), 'p.pdf'));
    const res = await fetch(
      h.url + API.visitorAttachment(attachment.id) + attachmentQuery({ site: h.site.key }),
      {
        headers: { authorization: `Bearer ${a.token}`, origin: 'https://evil.example' },
      },
    );
    expect(res.status).toBe(403);
  });

  it('A2 an agent reaches files of their sites only, with the cookie; a foreign Origin is refused', async () => {
    const a = await visitor();
    const { attachment } = await attachmentOf(await visitorUpload(a, pdf(), 'order.pdf'));
    const agent = await h.newAgent('Ben');
    const ok = await fetch(h.url + API.agentAttachment(attachment.id), { headers: { cookie: agent.cookie } });
    expect(ok.status).toBe(200);
    expect(
      Buffer.from(await ok.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect((await fetch(h.url + API.agentAttachment(attachment.id))).status).toBe(401);
    // An agent of another site only.
    const other = await h.storage.createSite({ ...h.site, key: `other-${Date.now()}`, name: 'Other' });
    const { email, password } = await h.createAgent('Cleo');
    const cleo = await h.storage.getAgentByEmail(email);
    await h.storage.setAgentSites(cleo!.id, [other.id]);
    const login = await fetch(h.url + API.login, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.origin },
      body: JSON.stringify({ email, password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const foreign = await fetch(h.url + API.agentAttachment(attachment.id), { headers: { cookie } });
    expect(foreign.status).toBe(404);
  });
});

describe('L4 download headers', () => {
  it('a PDF is a download: attachment, nosniff, sandbox CSP; an image is inline, also sandboxed', async () => {
    const v = await visitor();
    const { attachment } = await attachmentOf(await visitorUpload(v, pdf(), 'Faktura łódź "1".pdf'));
    const res = await visitorDownload(v, attachment.id);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="Faktura __d_ 1.pdf"; filename*=UTF-8''${encodeURIComponent('Faktura łódź 1.pdf')}`,
    );
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox/);
    // CORS for the widget on another origin, never with credentials.
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();

    const img = await attachmentOf(await visitorUpload(v, await jpegWithGps(), 'p.jpg'));
    const shown = await visitorDownload(v, img.attachment.id, 'thumb');
    expect(shown.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(shown.headers.get('x-content-type-options')).toBe('nosniff');
    expect(shown.headers.get('content-security-policy')).toMatch(/^sandbox/);
  });
});

describe('agent uploads', () => {
  it('only the agent who has the conversation sends a file; the visitor gets it live and can download it', async () => {
    const v = await visitor();
    const agent = await h.newAgent('Dana');
    await connected(agent.socket);
    const upload = () =>
      fetch(
        h.url +
          API.agentAttachments(v.conversationId) +
          attachmentQuery({ clientId: clientId(), name: 'guide.pdf' }),
        {
          method: 'POST',
          headers: { cookie: agent.cookie, origin: h.origin, 'content-type': 'application/octet-stream' },
          body: pdf(),
        },
      );
    expect((await upload()).status).toBe(409); // not taken yet
    await call(v.socket, EVENTS.conversationHandoff, { conversationId: v.conversationId });
    await call<AgentConversation>(agent.socket, EVENTS.conversationTake, {
      conversationId: v.conversationId,
    });
    const live = waitFor<Message>(v.socket, EVENTS.messageNew, (m) => m.kind === 'attachment');
    const res = await upload();
    expect(res.status).toBe(201);
    const got = await live;
    expect(got).toMatchObject({ author: 'agent', authorName: 'Dana', body: 'guide.pdf' });
    const file = await visitorDownload(v, got.meta!.attachment!.id);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; /);
    // A7: a foreign page posting with the agent's cookie is refused.
    const forged = await fetch(
      h.url + API.agentAttachments(v.conversationId) + attachmentQuery({ clientId: clientId() }),
      {
        method: 'POST',
        headers: {
          cookie: agent.cookie,
          origin: 'https://evil.example',
          'content-type': 'application/octet-stream',
        },
        body: pdf(),
      },
    );
    expect(forged.status).toBe(403);
  });
});

describe('removal', () => {
  it("removeForConversation deletes a conversation's files and rows", async () => {
    const v = await visitor();
    const { attachment } = await attachmentOf(await visitorUpload(v, await jpegWithGps(), 'gone.jpg'));
    const dir = join(h.dataDir, 'attachments', 'attachments', attachment.id);
    expect(readdirSync(dir).sort()).toEqual(['file', 'thumb']);
    await h.attachments.removeForConversation(v.conversationId);
    expect(existsSync(join(dir, 'file'))).toBe(false);
    expect(existsSync(join(dir, 'thumb'))).toBe(false);
    expect((await visitorDownload(v, attachment.id)).status).toBe(404);
  });
});

describe('L2 upload budget', () => {
  it('L2 uploads past the per-visitor budget are refused with Retry-After, before the body is read', async () => {
    const small = await startHarness({
      rateLimits: {
        ...RATE_LIMITS,
        http: {
          ...RATE_LIMITS.http,
          upload: { identity: { burst: 2, perMinute: 1 }, address: { burst: 100, perMinute: 100 } },
        },
      },
    });
    try {
      const v = await small.newVisitor();
      const { conversation } = await openConversation(small, v.socket);
      const upload = () =>
        fetch(
          small.url +
            API.visitorAttachments(conversation.id) +
            attachmentQuery({ site: small.site.key, clientId: clientId() }),
          {
            method: 'POST',
            headers: {
              authorization: `Bearer ${v.token}`,
              'content-type': 'application/octet-stream',
              origin: small.origin,
            },
            body: pdf(),
          },
        );
      expect((await upload()).status).toBe(201);
      expect((await upload()).status).toBe(201);
      const refused = await upload();
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await small.close();
    }
  });
});

describe('site limits', () => {
  it("an admin sets the site's limits (validated); uploads follow them at once; agents may only read them", async () => {
    const { email, password } = await h.createAgent('Ada', 'admin');
    const cookie = await login(email, password);
    const url = h.url + API.attachmentSettings(h.site.id);
    const put = (body: unknown, as = cookie) =>
      fetch(url, {
        method: 'PUT',
        headers: { cookie: as, origin: h.origin, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const before = (await (await fetch(url, { headers: { cookie } })).json()) as Record<string, unknown>;
    expect(before).toEqual(h.site.settings.attachments);
    // Refused at the boundary: a type no site may allow, a size over the ceiling, extra keys.
    expect((await put({ ...before, allowedTypes: ['image/svg+xml'] })).status).toBe(400);
    expect((await put({ ...before, maxBytes: LIMITS.attachmentMaxBytesCeiling + 1 })).status).toBe(400);
    expect((await put({ ...before, __proto__: { x: 1 }, extra: 1 })).status).toBe(400);
    const agent = await h.newAgent('Abe');
    expect((await put(before, agent.cookie)).status).toBe(403);

    const v = await visitor();
    expect((await put({ ...before, allowedTypes: ['application/pdf'], maxPerConversation: 1 })).status).toBe(
      200,
    );
    expect((await visitorUpload(v, await jpegWithGps(), 'p.jpg')).status).toBe(415);
    expect((await visitorUpload(v, pdf(), 'one.pdf')).status).toBe(201);
    const second = await visitorUpload(v, pdf(), 'two.pdf');
    expect(second.status).toBe(409);
    expect(((await second.json()) as { error: { code: string } }).error.code).toBe('limit_reached');

    expect((await put({ ...before, maxBytes: 100 })).status).toBe(200);
    expect((await visitorUpload(await visitor(), pdf(), 'big.pdf')).status).toBe(413);
    expect((await put({ ...before, enabled: false })).status).toBe(200);
    expect((await visitorUpload(await visitor(), pdf(), 'off.pdf')).status).toBe(403);
    expect((await put(before)).status).toBe(200);
  });
});

async function login(email: string, password: string): Promise<string> {
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify({ email, password }),
  });
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

function countFiles(): number {
  const root = join(h.dataDir, 'attachments', 'attachments');
  if (!existsSync(root)) return 0;
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
}

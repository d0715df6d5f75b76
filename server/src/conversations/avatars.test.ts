/**
 * Issue 13, agents' avatars in the widget, on a real server: an agent uploads an avatar in the
 * console; the visitor gets it with the assignment (`conversation:state`), on every reply pushed live
 * (text and file) and in history (`conversation:sync`), as a public `/images/<id>` path that serves
 * the re-encoded picture to anyone without a credential. An agent without an image gets their colour.
 * A visitor can reach nothing else through that route (TESTPLAN A1, L4).
 */
import {
  type AgentAvatar,
  type AgentConversation,
  API,
  attachmentQuery,
  EVENTS,
  isImagePath,
  type Message,
  type SendResult,
  type SyncResult,
  type VisitorConversation,
} from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { pdf, png } from '../attachments/fixtures/corpus.ts';
import { harnessForThisFile } from '../testing/file-harness.ts';
import { call, clientId, connectedAgent, openConversation, waitFor } from '../testing/harness.ts';

const h = harnessForThisFile();

const put = (path: string, cookie: string, body: Uint8Array | object, method = 'PUT') =>
  fetch(h.url + path, {
    method,
    headers: {
      origin: h.origin,
      cookie,
      'content-type': body instanceof Uint8Array ? 'image/png' : 'application/json',
    },
    body: body instanceof Uint8Array ? body : JSON.stringify(body),
  });

describe("agents' avatars reach the visitor", () => {
  it('the assignment, live replies (text and file) and history carry the avatar; the image is public and re-encoded', async () => {
    const anna = await connectedAgent(h, 'Anna');
    const uploaded = await put(API.meAvatar, anna.cookie, await png(300, 300));
    expect(uploaded.status).toBe(200);
    const { agent: me } = (await uploaded.json()) as { agent: { avatarUrl: string } };
    expect(isImagePath(me.avatarUrl)).toBe(true);
    expect((await put(API.me, anna.cookie, { avatarColor: '#A35' }, 'PATCH')).status).toBe(200);
    const expected: AgentAvatar = { color: '#aa3355', url: me.avatarUrl };

    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    await call(visitor.socket, EVENTS.conversationHandoff, { conversationId: conversation.id });
    const assigned = waitFor<VisitorConversation>(
      visitor.socket,
      EVENTS.conversationState,
      (c) => c.state === 'assigned',
    );
    await call<AgentConversation>(anna.socket, EVENTS.conversationTake, { conversationId: conversation.id });
    expect(await assigned).toMatchObject({ agentName: 'Anna', agentAvatar: expected });

    const live = waitFor<Message>(visitor.socket, EVENTS.messageNew, (m) => m.author === 'agent');
    const sent = await call<SendResult>(anna.socket, EVENTS.messageSend, {
      conversationId: conversation.id,
      clientId: clientId(),
      body: 'Hi, Anna here',
    });
    expect(sent.message.avatar).toEqual(expected);
    expect(await live).toMatchObject({ authorName: 'Anna', avatar: expected });

    const liveFile = waitFor<Message>(visitor.socket, EVENTS.messageNew, (m) => m.kind === 'attachment');
    const file = await fetch(
      h.url +
        API.agentAttachments(conversation.id) +
        attachmentQuery({ clientId: clientId(), name: 'a.pdf' }),
      {
        method: 'POST',
        headers: { cookie: anna.cookie, origin: h.origin, 'content-type': 'application/octet-stream' },
        body: pdf(),
      },
    );
    expect(file.status).toBe(201);
    expect((await liveFile).avatar).toEqual(expected);

    // A private note carries nothing to anyone; the visitor's history pairs each reply with its avatar.
    await call(anna.socket, EVENTS.messageSend, {
      conversationId: conversation.id,
      clientId: clientId(),
      body: 'note',
      kind: 'note',
    });
    const history = await call<SyncResult<VisitorConversation>>(visitor.socket, EVENTS.messagesSync, {
      conversationId: conversation.id,
      afterSeq: 0,
    });
    const replies = history.messages.filter((m) => m.author === 'agent');
    expect(replies.map((m) => [m.kind, m.avatar])).toEqual([
      ['text', expected],
      ['attachment', expected],
    ]);
    for (const m of history.messages.filter((x) => x.author !== 'agent')) expect(m.avatar).toBeUndefined();
    // Nothing private rides along: only a colour and a public image path.
    expect(Object.keys(replies[0]?.avatar ?? {}).sort()).toEqual(['color', 'url']);

    // The picture: no cookie, no token; re-encoded (at most 256 px), inert, embeddable cross-origin.
    const image = await fetch(h.url + me.avatarUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('content-security-policy')).toContain('sandbox');
    expect(image.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const bytes = new Uint8Array(await image.arrayBuffer());
    expect(new DataView(bytes.buffer).getUint32(16)).toBeLessThanOrEqual(256); // PNG IHDR width

    // A1/L4: the image route serves uploaded images only: an attachment's id, a path out, nothing.
    const attachmentId = history.messages.find((m) => m.kind === 'attachment')?.meta?.attachment?.id ?? '';
    expect((await fetch(`${h.url}/images/${attachmentId}`)).status).toBe(404);
    expect((await fetch(`${h.url}/images/..%2F..%2Fpackage.json`)).status).toBe(400);
  });

  it('an agent without an image gets their colour (or none); a changed avatar shows on the old replies', async () => {
    const bob = await connectedAgent(h, 'Bob Nowak');
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    await call(visitor.socket, EVENTS.conversationHandoff, { conversationId: conversation.id });
    await call(bob.socket, EVENTS.conversationTake, { conversationId: conversation.id });
    const first = await call<SendResult>(bob.socket, EVENTS.messageSend, {
      conversationId: conversation.id,
      clientId: clientId(),
      body: 'Bob here',
    });
    expect(first.message.avatar).toEqual({ color: null, url: null });
    expect((await put(API.me, bob.cookie, { avatarColor: '#0f766e' }, 'PATCH')).status).toBe(200);
    const history = await call<SyncResult<VisitorConversation>>(visitor.socket, EVENTS.messagesSync, {
      conversationId: conversation.id,
      afterSeq: 0,
    });
    expect(history.messages.find((m) => m.author === 'agent')?.avatar).toEqual({
      color: '#0f766e',
      url: null,
    });
    expect(history.conversation).toMatchObject({ agentName: 'Bob Nowak', agentAvatar: { color: '#0f766e' } });
  });
});

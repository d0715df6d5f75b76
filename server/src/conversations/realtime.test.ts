/** Socket integration on a real server (port 0) with socket.io-client: the loop, isolation, delivery. */
import {
  type AgentConversation,
  EVENTS,
  type Message,
  type OpenResult,
  type SendResult,
  type SessionInitResult,
  type SyncResult,
  type VisitorConversation,
  type WatchResult,
} from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { harnessForThisFile } from '../testing/file-harness.ts';
import { call, callRaw, clientId, connected, waitFor } from '../testing/harness.ts';

const h = harnessForThisFile();

async function openConversation(socket: Parameters<typeof call>[0]) {
  await connected(socket);
  await call<SessionInitResult>(socket, EVENTS.sessionInit, { locale: 'en' });
  return call<OpenResult>(socket, EVENTS.conversationOpen, {
    locale: 'en',
    page: { url: `${h.origin}/demo/`, title: 'Nordic Nest' },
  });
}

describe('the whole loop', () => {
  it('bot answers, visitor asks for a person, agent takes over, both talk, resolve, rate', async () => {
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(visitor.socket);
    expect(conversation.state).toBe('bot');
    const cid = conversation.id;

    const botAnswer = waitFor<Message>(visitor.socket, EVENTS.messageNew, (m) => m.author === 'bot');
    const sent = await call<SendResult>(visitor.socket, EVENTS.messageSend, {
      conversationId: cid,
      clientId: clientId(),
      body: 'How much does delivery cost?',
    });
    expect(sent).toMatchObject({ duplicate: false, message: { seq: 1, author: 'visitor' } });
    const answer = await botAnswer;
    expect(answer.body).toContain('12.99');
    expect(answer.meta?.faqId).toBe('delivery_cost_en');
    expect(answer.meta?.bot).toBeUndefined(); // match details are for agents only

    const agent = await h.newAgent('Anna');
    await connected(agent.socket);
    const queuedUpdate = waitFor<AgentConversation>(
      agent.socket,
      EVENTS.conversationUpdated,
      (c) => c.id === cid && c.state === 'queued',
    );
    const queuedState = waitFor<VisitorConversation>(
      visitor.socket,
      EVENTS.conversationState,
      (c) => c.state === 'queued',
    );
    await call(visitor.socket, EVENTS.messageSend, {
      conversationId: cid,
      clientId: clientId(),
      body: 'I want to talk to a person',
    });
    expect((await queuedUpdate).handoffReason).toBe('visitor');
    expect((await queuedState).queue?.position).toBe(1);

    const watched = await call<WatchResult>(agent.socket, EVENTS.conversationWatch, { conversationId: cid });
    const botMatch = watched.messages.find((m) => m.author === 'bot' && m.meta?.bot?.outcome === 'answer');
    expect(botMatch?.meta?.bot?.faqId).toBe('delivery_cost_en');
    expect(watched.conversation.page?.title).toBe('Nordic Nest');

    const joined = waitFor<Message>(
      visitor.socket,
      EVENTS.messageNew,
      (m) => m.meta?.event?.name === 'assigned',
    );
    const taken = await call<AgentConversation>(agent.socket, EVENTS.conversationTake, {
      conversationId: cid,
    });
    expect(taken).toMatchObject({ state: 'assigned', agentName: 'Anna' });
    expect((await joined).meta?.event?.agentName).toBe('Anna');

    const toVisitor = waitFor<Message>(visitor.socket, EVENTS.messageNew, (m) => m.author === 'agent');
    await call(agent.socket, EVENTS.messageSend, {
      conversationId: cid,
      clientId: clientId(),
      body: 'Hi, Anna here!',
    });
    expect((await toVisitor).body).toBe('Hi, Anna here!');

    const toAgent = waitFor<Message>(agent.socket, EVENTS.messageNew, (m) => m.author === 'visitor');
    await call(visitor.socket, EVENTS.messageSend, {
      conversationId: cid,
      clientId: clientId(),
      body: 'Thanks Anna',
    });
    expect((await toAgent).body).toBe('Thanks Anna');

    // A private note never reaches the visitor.
    const note = await call<SendResult>(agent.socket, EVENTS.messageSend, {
      conversationId: cid,
      clientId: clientId(),
      body: 'VIP customer',
      kind: 'note',
    });
    const resolvedState = waitFor<VisitorConversation>(
      visitor.socket,
      EVENTS.conversationState,
      (c) => c.state === 'resolved',
    );
    await call(agent.socket, EVENTS.conversationResolve, { conversationId: cid });
    await resolvedState;

    const rated = await call<VisitorConversation>(visitor.socket, EVENTS.conversationRate, {
      conversationId: cid,
      rating: 5,
      comment: 'Quick and kind',
    });
    expect(rated.rating).toBe(5);

    const all = await call<SyncResult<VisitorConversation>>(visitor.socket, EVENTS.messagesSync, {
      conversationId: cid,
      afterSeq: 0,
    });
    expect(all.messages.some((m) => m.id === note.message.id)).toBe(false);
    const seqs = all.messages.map((m) => m.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const stored = await h.storage.listMessages(cid, 0, 100);
    expect(stored.map((m) => m.seq)).toEqual(stored.map((_, i) => i + 1));
    const record = await h.storage.getConversation(cid);
    expect(record).toMatchObject({ state: 'resolved', rating: 5, ratingComment: 'Quick and kind' });
  });

  it('a message into a resolved conversation reopens it until it is rated, and is refused after', async () => {
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(visitor.socket);
    const cid = conversation.id;
    const agent = await h.newAgent('Olga');
    await connected(agent.socket);
    const resolve = async () => {
      const resolved = waitFor<VisitorConversation>(
        visitor.socket,
        EVENTS.conversationState,
        (c) => c.id === cid && c.state === 'resolved',
      );
      await call(agent.socket, EVENTS.conversationResolve, { conversationId: cid });
      await resolved;
    };
    const send = (conversationId: string, body: string) =>
      callRaw<SendResult>(visitor.socket, EVENTS.messageSend, { conversationId, clientId: clientId(), body });

    await resolve();
    expect((await send(cid, 'One more thing')).ok).toBe(true);
    expect((await h.storage.getConversation(cid))?.state).not.toBe('resolved');

    await resolve();
    await call(visitor.socket, EVENTS.conversationRate, { conversationId: cid, rating: 4 });
    const refused = await send(cid, 'And another');
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect((await h.storage.getConversation(cid))?.state).toBe('resolved');

    const fresh = await call<OpenResult>(visitor.socket, EVENTS.conversationOpen, {
      locale: 'en',
      page: { url: `${h.origin}/demo/`, title: 'Nordic Nest' },
      fresh: true,
    });
    expect(fresh.conversation.id).not.toBe(cid);
    expect((await send(fresh.conversation.id, 'And another')).ok).toBe(true);
  });

  it('answers in Polish and hands off after two misses in a row', async () => {
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(visitor.socket);
    const cid = conversation.id;
    const reply = waitFor<Message>(visitor.socket, EVENTS.messageNew, (m) => m.author === 'bot');
    await call(visitor.socket, EVENTS.messageSend, {
      conversationId: cid,
      clientId: clientId(),
      body: 'ile kosztuje dostawa kurierem?',
    });
    expect((await reply).meta?.faqId).toBe('delivery_cost_pl');

    const queued = waitFor<VisitorConversation>(
      visitor.socket,
      EVENTS.conversationState,
      (c) => c.state === 'queued',
    );
    for (const body of ['purple elephants dancing tonight', 'quantum chromodynamics lecture notes']) {
      const miss = waitFor<Message>(visitor.socket, EVENTS.messageNew, (m) => m.author === 'bot');
      await call(visitor.socket, EVENTS.messageSend, { conversationId: cid, clientId: clientId(), body });
      const missReply = await miss;
      expect(missReply.meta?.faqId).toBeUndefined();
    }
    expect((await queued).state).toBe('queued');
    expect((await h.storage.getConversation(cid))?.handoffReason).toBe('bot_misses');
  });
});

describe('isolation', () => {
  it("A1 visitor A can neither read, write nor join B's conversation, and never hears B's events", async () => {
    const a = await h.newVisitor();
    const b = await h.newVisitor();
    await openConversation(a.socket);
    const { conversation: bConversation } = await openConversation(b.socket);
    const heardByA: unknown[] = [];
    a.socket.on(EVENTS.messageNew, (m) => heardByA.push(m));

    for (const [event, payload] of [
      [EVENTS.messagesSync, { conversationId: bConversation.id, afterSeq: 0 }],
      [EVENTS.messageSend, { conversationId: bConversation.id, clientId: clientId(), body: 'hi' }],
      [EVENTS.conversationHandoff, { conversationId: bConversation.id }],
      [EVENTS.conversationRate, { conversationId: bConversation.id, rating: 1 }],
      [EVENTS.messagesSync, { conversationId: 'does-not-exist', afterSeq: 0 }],
    ] as const) {
      const result = await callRaw(a.socket, event, payload);
      expect(result).toEqual({ ok: false, error: { code: 'not_found', message: 'conversation not found' } });
    }
    await call(b.socket, EVENTS.messageSend, {
      conversationId: bConversation.id,
      clientId: clientId(),
      body: 'secret',
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(heardByA).toEqual([]);
  });

  it('A6 refuses a handshake from a foreign origin; A4 refuses a forged token', async () => {
    const res = await fetch(`${h.url}/api/v1/visitor/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ siteKey: h.site.key }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'origin_not_allowed' } });

    const foreign = await h.newVisitor().then(async (v) => {
      v.socket.disconnect();
      const { io } = await import('socket.io-client');
      return io(`${h.url}/visitor`, {
        auth: { siteKey: h.site.key, token: v.token },
        extraHeaders: { origin: 'https://evil.example' },
        transports: ['websocket'],
        forceNew: true,
      });
    });
    await expect(connected(foreign)).rejects.toThrow('origin_not_allowed');
    foreign.disconnect();

    const { io } = await import('socket.io-client');
    const forged = io(`${h.url}/visitor`, {
      auth: { siteKey: h.site.key, token: 'A'.repeat(43) },
      extraHeaders: { origin: h.origin },
      transports: ['websocket'],
      forceNew: true,
    });
    await expect(connected(forged)).rejects.toThrow('unauthorized');
    forged.disconnect();

    const noCookieAgent = io(`${h.url}/agent`, {
      extraHeaders: { origin: h.origin },
      transports: ['websocket'],
      forceNew: true,
    });
    await expect(connected(noCookieAgent)).rejects.toThrow('unauthorized');
    noCookieAgent.disconnect();
  });

  it("A7 refuses an agent socket opened from a foreign page with the agent's cookie", async () => {
    const agent = await h.newAgent('Cookie');
    await connected(agent.socket);
    const { io } = await import('socket.io-client');
    const hijack = io(`${h.url}/agent`, {
      extraHeaders: { origin: 'https://evil.example', cookie: agent.cookie },
      transports: ['websocket'],
      forceNew: true,
    });
    await expect(connected(hijack)).rejects.toThrow('origin_not_allowed');
    hijack.disconnect();
  });
});

describe('delivery', () => {
  it('D1 a retried clientId is stored once and returns the original; other content is a conflict', async () => {
    const v = await h.newVisitor();
    const { conversation } = await openConversation(v.socket);
    const payload = { conversationId: conversation.id, clientId: clientId(), body: 'only once please' };
    const [first, second] = await Promise.all([
      call<SendResult>(v.socket, EVENTS.messageSend, payload),
      call<SendResult>(v.socket, EVENTS.messageSend, payload),
    ]);
    const third = await call<SendResult>(v.socket, EVENTS.messageSend, payload);
    expect([first.duplicate, second.duplicate].sort()).toEqual([false, true]);
    expect(third).toMatchObject({
      duplicate: true,
      message: { id: first.message.id, seq: first.message.seq },
    });
    const stored = await h.storage.listMessages(conversation.id, 0, 100);
    expect(stored.filter((m) => m.body === 'only once please')).toHaveLength(1);
    const conflict = await callRaw(v.socket, EVENTS.messageSend, { ...payload, body: 'something else' });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'client_id_conflict' } });
  });

  it('D3 after a disconnect the visitor gets everything after its last seq, in order', async () => {
    const v = await h.newVisitor();
    const { conversation } = await openConversation(v.socket);
    const cid = conversation.id;
    const agent = await h.newAgent('Resync');
    await connected(agent.socket);
    await call(agent.socket, EVENTS.conversationTake, { conversationId: cid });
    const before = await call<SyncResult<VisitorConversation>>(v.socket, EVENTS.messagesSync, {
      conversationId: cid,
      afterSeq: 0,
    });
    const lastSeq = before.messages.at(-1)?.seq ?? 0;

    v.socket.disconnect();
    for (let i = 1; i <= 5; i++) {
      await call(agent.socket, EVENTS.messageSend, {
        conversationId: cid,
        clientId: clientId(),
        body: `while away ${i}`,
      });
    }
    v.socket.connect();
    await connected(v.socket);
    const after = await call<SyncResult<VisitorConversation>>(v.socket, EVENTS.messagesSync, {
      conversationId: cid,
      afterSeq: lastSeq,
    });
    expect(after.messages.map((m) => m.body)).toEqual([1, 2, 3, 4, 5].map((i) => `while away ${i}`));
    expect(after.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5].map((i) => lastSeq + i));
    expect(after.hasMore).toBe(false);
  });

  it('D7 two agents taking over at once: exactly one wins, the other gets conflict', async () => {
    const v = await h.newVisitor();
    const { conversation } = await openConversation(v.socket);
    await call(v.socket, EVENTS.conversationHandoff, { conversationId: conversation.id });
    const [x, y] = await Promise.all([h.newAgent('Xena'), h.newAgent('Yuri')]);
    await Promise.all([connected(x.socket), connected(y.socket)]);
    const results = await Promise.all([
      callRaw<AgentConversation>(x.socket, EVENTS.conversationTake, { conversationId: conversation.id }),
      callRaw<AgentConversation>(y.socket, EVENTS.conversationTake, { conversationId: conversation.id }),
    ]);
    const wins = results.filter((r) => r.ok);
    const losses = results.filter((r) => !r.ok);
    expect(wins).toHaveLength(1);
    expect(losses[0]).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const events = (await h.storage.listMessages(conversation.id, 0, 100)).filter(
      (m) => m.meta?.event?.name === 'assigned',
    );
    expect(events).toHaveLength(1);
  });
});

describe('Markdown limits', () => {
  it('R5 an agent message or note over a Markdown limit is refused with the reason; a visitor may send the same text', async () => {
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(visitor.socket);
    const agent = await h.newAgent('Marek');
    await connected(agent.socket);
    await call(agent.socket, EVENTS.conversationTake, { conversationId: conversation.id });
    const deep = '> - '.repeat(1200);
    for (const kind of ['text', 'note'] as const) {
      const refused = await callRaw(agent.socket, EVENTS.messageSend, {
        conversationId: conversation.id,
        clientId: clientId(),
        body: deep,
        kind,
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(refused.ok || refused.error.message).toMatch(/^body: nested too deeply \(more than 16 /);
    }
    // Visitor bodies are shown as text everywhere, so their Markdown is not limited.
    const sent = await callRaw(visitor.socket, EVENTS.messageSend, {
      conversationId: conversation.id,
      clientId: clientId(),
      body: deep.trim(),
    });
    expect(sent.ok).toBe(true);
    const stored = await h.storage.listMessages(conversation.id, 0, 100);
    expect(stored.filter((m) => m.body.startsWith('> - ')).map((m) => m.author)).toEqual(['visitor']);
  });
});

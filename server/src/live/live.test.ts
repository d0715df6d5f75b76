/**
 * Issue 13 on a real server (port 0) with socket.io-client: typing both ways, the sneak peek (never
 * stored), read positions (forward only, capped, synced to the reader's tabs and to the other side),
 * another visitor's conversation out of reach (TESTPLAN A1), the typing budget.
 */

import { join } from 'node:path';
import {
  type AgentConversation,
  EVENTS,
  type Message,
  type ReadPosition,
  type SendResult,
  type SessionInitResult,
  type SyncResult,
  type TypingNotice,
  type VisitorConversation,
  type WatchResult,
} from '@frontdesk/shared';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  callRaw,
  clientId,
  connected,
  type Harness,
  openConversation,
  startHarness,
  waitFor,
} from '../testing/harness.ts';

let h: Harness & { dataDir: string };
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** A visitor with a conversation taken by a new agent who watches it. */
async function assignedPair(agentName: string) {
  const visitor = await h.newVisitor();
  const { conversation } = await openConversation(h, visitor.socket);
  const cid = conversation.id;
  await call(visitor.socket, EVENTS.conversationHandoff, { conversationId: cid });
  const agent = await h.newAgent(agentName);
  await connected(agent.socket);
  await call<WatchResult>(agent.socket, EVENTS.conversationWatch, { conversationId: cid });
  await call<AgentConversation>(agent.socket, EVENTS.conversationTake, { conversationId: cid });
  return { visitor, agent, cid };
}

const send = (socket: Parameters<typeof call>[0], conversationId: string, body: string) =>
  call<SendResult>(socket, EVENTS.messageSend, { conversationId, clientId: clientId(), body });

describe('typing', () => {
  it('the visitor typing reaches the watching agent; the assigned agent typing reaches the visitor by name', async () => {
    const { visitor, agent, cid } = await assignedPair('Anna');
    const toAgent = waitFor<TypingNotice>(agent.socket, EVENTS.typingChanged);
    await call(visitor.socket, EVENTS.typingSet, { conversationId: cid, typing: true, draft: 'Where is' });
    // Sneak peek is off on the demo site: the draft never leaves the server.
    expect(await toAgent).toEqual({ conversationId: cid, author: 'visitor', name: null, typing: true });

    const toVisitor = waitFor<TypingNotice>(visitor.socket, EVENTS.typingChanged);
    await call(agent.socket, EVENTS.typingSet, { conversationId: cid, typing: true });
    expect(await toVisitor).toEqual({ conversationId: cid, author: 'agent', name: 'Anna', typing: true });

    const stopped = waitFor<TypingNotice>(visitor.socket, EVENTS.typingChanged);
    await call(agent.socket, EVENTS.typingSet, { conversationId: cid, typing: false });
    expect((await stopped).typing).toBe(false);
  });

  it('an agent who has not taken the conversation is not shown to the visitor (they may be writing a note)', async () => {
    const { visitor, agent, cid } = await assignedPair('Anna');
    const other = await h.newAgent('Ben');
    await connected(other.socket);
    const seen: TypingNotice[] = [];
    visitor.socket.on(EVENTS.typingChanged, (n) => seen.push(n));
    await call(other.socket, EVENTS.typingSet, { conversationId: cid, typing: true });
    // A message after it arrives over the same connection: anything emitted before it is in by then.
    const marker = waitFor(visitor.socket, EVENTS.messageNew);
    await send(agent.socket, cid, 'a reply from Anna');
    await marker;
    expect(seen).toEqual([]);
  });

  it('another visitor cannot signal typing in a conversation that is not theirs (A1)', async () => {
    const { cid } = await assignedPair('Anna');
    const stranger = await h.newVisitor();
    await openConversation(h, stranger.socket);
    const result = await callRaw(stranger.socket, EVENTS.typingSet, { conversationId: cid, typing: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const read = await callRaw(stranger.socket, EVENTS.readMark, { conversationId: cid, seq: 1 });
    expect(read).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('sneak peek: with the site setting on, agents get the draft, and it is stored nowhere', async () => {
    const site = await h.storage.getSite(h.site.id);
    if (!site) throw new Error('no demo site');
    await h.storage.updateSite(site.id, {
      settings: { ...site.settings, appearance: { ...site.settings.appearance, sneakPeek: true } },
    });
    try {
      const { visitor, agent, cid } = await assignedPair('Anna');
      const draft = `sneak-peek-draft-${Math.random().toString(36).slice(2)}`;
      const toAgent = waitFor<TypingNotice>(agent.socket, EVENTS.typingChanged);
      await call(visitor.socket, EVENTS.typingSet, { conversationId: cid, typing: true, draft });
      expect(await toAgent).toMatchObject({ author: 'visitor', typing: true, draft });
      // Stored nowhere: no table of the database holds the text.
      const db = new Database(join(h.dataDir, 'frontdesk.db'), { readonly: true });
      try {
        const tables = db.prepare("select name from sqlite_master where type = 'table'").all() as {
          name: string;
        }[];
        expect(tables.length).toBeGreaterThan(5);
        for (const { name } of tables) {
          const rows = db.prepare(`select * from "${name}"`).all();
          expect(JSON.stringify(rows), name).not.toContain(draft);
        }
      } finally {
        db.close();
      }
    } finally {
      await h.storage.updateSite(site.id, { settings: site.settings });
    }
  });
});

describe('read receipts', () => {
  it('the agent reading shows "seen" to the visitor, the visitor reading shows to the agent; capped, forward only', async () => {
    const { visitor, agent, cid } = await assignedPair('Anna');
    const mine = await send(visitor.socket, cid, 'Is my parcel on its way?');
    const visitorSees = waitFor<ReadPosition>(
      visitor.socket,
      EVENTS.readChanged,
      (p) => p.reader === 'agent',
    );
    const marked = await call<ReadPosition>(agent.socket, EVENTS.readMark, {
      conversationId: cid,
      seq: mine.message.seq,
    });
    expect(marked).toMatchObject({ reader: 'agent', seq: mine.message.seq, conversationId: cid });
    // The visitor learns the seq, not which agent.
    expect(await visitorSees).toMatchObject({ reader: 'agent', agentId: null, seq: mine.message.seq });

    const reply = await send(agent.socket, cid, 'Yes, it left this morning.');
    // Writing moved the agent's own position to its reply.
    const synced = await call<SyncResult<AgentConversation>>(agent.socket, EVENTS.messagesSync, {
      conversationId: cid,
      afterSeq: 0,
    });
    expect(synced.ownRead).toBe(reply.message.seq);

    const agentSees = waitFor<ReadPosition>(agent.socket, EVENTS.readChanged, (p) => p.reader === 'visitor');
    // Past the last seq: capped to it.
    const capped = await call<ReadPosition>(visitor.socket, EVENTS.readMark, {
      conversationId: cid,
      seq: 9999,
    });
    expect(capped.seq).toBe(reply.message.seq);
    expect(await agentSees).toMatchObject({ reader: 'visitor', seq: reply.message.seq });
    // Backwards: nothing moves.
    const back = await call<ReadPosition>(visitor.socket, EVENTS.readMark, { conversationId: cid, seq: 1 });
    expect(back.seq).toBe(reply.message.seq);

    const vSync = await call<SyncResult<VisitorConversation>>(visitor.socket, EVENTS.messagesSync, {
      conversationId: cid,
      afterSeq: 0,
    });
    expect(vSync.reads).toEqual({ visitor: reply.message.seq, agent: reply.message.seq });
  });

  it("a visitor's second tab and an agent's second tab get the reader's own position", async () => {
    const { visitor, agent, cid } = await assignedPair('Anna');
    await send(visitor.socket, cid, 'hello');
    const reply = await send(agent.socket, cid, 'hi');
    // The visitor's second tab: same token, another socket.
    const { io } = await import('socket.io-client');
    const { NAMESPACES } = await import('@frontdesk/shared');
    const token = (visitor.socket.auth as { token: string }).token;
    const tab2 = io(h.url + NAMESPACES.visitor, {
      auth: { siteKey: h.site.key, token },
      extraHeaders: { origin: h.origin },
      transports: ['websocket'],
      forceNew: true,
    });
    try {
      await connected(tab2);
      const init = await call<SessionInitResult>(tab2, EVENTS.sessionInit, { locale: 'en' });
      expect(init.reads?.agent).toBe(reply.message.seq);
      const own = waitFor<ReadPosition>(tab2, EVENTS.readChanged, (p) => p.reader === 'visitor');
      await call(visitor.socket, EVENTS.readMark, { conversationId: cid, seq: reply.message.seq });
      expect((await own).seq).toBe(reply.message.seq);
    } finally {
      tab2.disconnect();
    }

    // The agent's second console (same cookie), not watching the conversation: its own room.
    const agentTab2 = (await import('socket.io-client')).io(h.url + NAMESPACES.agent, {
      extraHeaders: { origin: h.origin, cookie: agent.cookie },
      transports: ['websocket'],
      forceNew: true,
    });
    try {
      await connected(agentTab2);
      const more = await send(visitor.socket, cid, 'one more thing');
      const own = waitFor<ReadPosition>(agentTab2, EVENTS.readChanged, (p) => p.reader === 'agent');
      await call(agent.socket, EVENTS.readMark, { conversationId: cid, seq: more.message.seq });
      expect(await own).toMatchObject({ seq: more.message.seq, conversationId: cid });
    } finally {
      agentTab2.disconnect();
    }
  });

  it("issue 17: a send moves the writer's stored position without a read:changed; the message carries it (and the agent's id to agents only)", async () => {
    const { visitor, agent, cid } = await assignedPair('Anna');
    // The agent's second console, not watching the conversation: it gets no message:new, so it is
    // the one socket still told of the agent's own position.
    const { io } = await import('socket.io-client');
    const { NAMESPACES } = await import('@frontdesk/shared');
    const agentTab2 = io(h.url + NAMESPACES.agent, {
      extraHeaders: { origin: h.origin, cookie: agent.cookie },
      transports: ['websocket'],
      forceNew: true,
    });
    try {
      await connected(agentTab2);
      const seen: { socket: string; event: string; payload: unknown }[] = [];
      const record = (name: string, socket: typeof agentTab2) => {
        socket.on(EVENTS.readChanged, (p: unknown) => seen.push({ socket: name, event: 'read', payload: p }));
        socket.on(EVENTS.messageNew, (p: unknown) =>
          seen.push({ socket: name, event: 'message', payload: p }),
        );
      };
      record('visitor', visitor.socket);
      record('agent', agent.socket);
      record('agentTab2', agentTab2);
      const own = waitFor<ReadPosition>(agentTab2, EVENTS.readChanged, (p) => p.reader === 'agent');

      const question = await send(visitor.socket, cid, 'Is it in stock?');
      const reply = await send(agent.socket, cid, 'It is.');
      expect(await own).toMatchObject({ reader: 'agent', seq: reply.message.seq, conversationId: cid });
      // A round trip on every socket: whatever the sends broadcast to it arrived before this ack.
      for (const socket of [visitor.socket, agent.socket, agentTab2])
        await call(socket, EVENTS.messagesSync, { conversationId: cid, afterSeq: 0 });

      const reads = seen.filter((e) => e.event === 'read');
      expect(reads).toEqual([{ socket: 'agentTab2', event: 'read', payload: await own }]);
      const messages = seen.filter((e) => e.event === 'message');
      const toVisitor = messages.filter((e) => e.socket === 'visitor').map((e) => e.payload as Message);
      const toAgent = messages.filter((e) => e.socket === 'agent').map((e) => e.payload as Message);
      expect(toVisitor.map((m) => m.seq)).toEqual([question.message.seq, reply.message.seq]);
      expect(toAgent.map((m) => m.seq)).toEqual([question.message.seq, reply.message.seq]);
      expect(toVisitor.every((m) => m.authorId === undefined)).toBe(true);
      expect(toAgent[1]?.authorId).toBe(reply.message.authorId);
      expect(typeof reply.message.authorId).toBe('string');

      // Stored all the same (a sync or a reload gets them).
      const synced = await call<SyncResult<AgentConversation>>(agent.socket, EVENTS.messagesSync, {
        conversationId: cid,
        afterSeq: 0,
      });
      expect(synced.ownRead).toBe(reply.message.seq);
      expect(synced.reads).toEqual({ visitor: question.message.seq, agent: reply.message.seq });
    } finally {
      agentTab2.disconnect();
    }
  });

  it("the conversation list carries the agent's own read positions (unread counts)", async () => {
    const { visitor, agent, cid } = await assignedPair('Anna');
    const first = await send(visitor.socket, cid, 'first');
    await send(visitor.socket, cid, 'second');
    await call(agent.socket, EVENTS.readMark, { conversationId: cid, seq: first.message.seq });
    const res = await fetch(`${h.url}/api/v1/conversations?state=assigned&limit=200`, {
      headers: { cookie: agent.cookie, origin: h.origin },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      conversations: AgentConversation[];
      ownReads: Record<string, number>;
    };
    expect(body.ownReads[cid]).toBe(first.message.seq);
    expect(body.conversations.find((c) => c.id === cid)?.lastSeq).toBeGreaterThan(first.message.seq);
  });
});

describe('budget', () => {
  it('typing signals beyond the budget are refused with rate_limited', async () => {
    const limited = await startHarness({ env: { RATE_LIMIT_SCALE: '1' } });
    try {
      const visitor = await limited.newVisitor();
      const { conversation } = await openConversation(limited, visitor.socket);
      const results = [];
      for (let i = 0; i < 12; i++) {
        results.push(
          await callRaw(visitor.socket, EVENTS.typingSet, { conversationId: conversation.id, typing: true }),
        );
      }
      expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
      expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    } finally {
      await limited.close();
    }
  });
});

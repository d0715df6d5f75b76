/**
 * Issue 17, on a real server: message previews (`conversation:updated` for a new message) go only to
 * consoles that show the list and to the assigned agent's sockets; real changes still reach everyone.
 */
import { type AgentConversation, EVENTS, type Message } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { harnessForThisFile } from '../testing/file-harness.ts';
import {
  type AgentSocket,
  call,
  callRaw,
  clientId,
  connected,
  openConversation,
  waitFor,
} from '../testing/harness.ts';

const h = harnessForThisFile();

/** Records the conversation updates a socket gets for one conversation. */
function updatesOf(socket: AgentSocket, conversationId: string): AgentConversation[] {
  const seen: AgentConversation[] = [];
  socket.on(EVENTS.conversationUpdated, (c) => {
    if (c.id === conversationId) seen.push(c);
  });
  return seen;
}

/**
 * Everything the server wrote to `socket` before this round trip has arrived: frames of one socket
 * come in order, so a preview broadcast earlier would be here by now.
 */
const flushed = (socket: AgentSocket) => call(socket, EVENTS.listsShow, { showing: false });

async function agent(name: string, showing: boolean) {
  const a = await h.newAgent(name);
  await connected(a.socket);
  if (showing) await call(a.socket, EVENTS.listsShow, { showing: true });
  return a.socket;
}

const say = (socket: Parameters<typeof call>[0], conversationId: string, body: string) =>
  call(socket, EVENTS.messageSend, { conversationId, clientId: clientId(), body });

describe('list previews (issue 17)', () => {
  it('a socket that shows the list gets message previews; one that does not gets none', async () => {
    const showing = await agent('Lists on', true);
    const hiding = await agent('Lists off', false);
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    const hidden = updatesOf(hiding, conversation.id);

    const preview = waitFor<AgentConversation>(
      showing,
      EVENTS.conversationUpdated,
      (c) => c.id === conversation.id && c.lastSeq >= 1,
    );
    await say(visitor.socket, conversation.id, 'Do you ship to Norway?');
    expect((await preview).lastMessage).not.toBeNull();
    await flushed(hiding);
    expect(hidden.filter((c) => c.lastSeq >= 1)).toEqual([]);
  });

  it('leaving the list stops the previews; a new socket starts without them', async () => {
    const socket = await agent('Lists toggled', true);
    const witness = await agent('Witness', true);
    await call(socket, EVENTS.listsShow, { showing: false });
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    const seen = updatesOf(socket, conversation.id);
    const fresh = await agent('Lists fresh', false);
    const seenFresh = updatesOf(fresh, conversation.id);

    const preview = waitFor<AgentConversation>(
      witness,
      EVENTS.conversationUpdated,
      (c) => c.id === conversation.id && c.lastSeq >= 1,
    );
    await say(visitor.socket, conversation.id, 'Hello?');
    await preview;
    await flushed(socket);
    await flushed(fresh);
    expect(seen.filter((c) => c.lastSeq >= 1)).toEqual([]);
    expect(seenFresh.filter((c) => c.lastSeq >= 1)).toEqual([]);
  });

  it('the assigned agent gets previews of their own conversation without showing the list (unread counts, attention)', async () => {
    const owner = await h.newAgent('Owner');
    await connected(owner.socket);
    // A second tab of the same agent on another page: it follows its own conversations too.
    const otherTab = await agent('Bystander', false);
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    const taken = await call<AgentConversation>(owner.socket, EVENTS.conversationTake, {
      conversationId: conversation.id,
    });
    expect(taken.state).toBe('assigned');
    const bystander = updatesOf(otherTab, conversation.id);

    const own = waitFor<AgentConversation>(
      owner.socket,
      EVENTS.conversationUpdated,
      (c) => c.id === conversation.id && c.lastSeq > taken.lastSeq,
    );
    await say(visitor.socket, conversation.id, 'Are you there?');
    const update = await own;
    expect(update.state).toBe('assigned');
    // Another agent not showing the list gets nothing for it.
    await flushed(otherTab);
    expect(bystander.filter((c) => c.lastSeq > taken.lastSeq)).toEqual([]);
  });

  it('real changes (queued for a person) still reach a socket that does not show the list', async () => {
    const hiding = await agent('Queue watcher', false);
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    const queued = waitFor<AgentConversation>(
      hiding,
      EVENTS.conversationUpdated,
      (c) => c.id === conversation.id && c.state === 'queued',
    );
    const botOrEvent = waitFor<Message>(visitor.socket, EVENTS.messageNew, () => true);
    await say(visitor.socket, conversation.id, 'I want to talk to a person');
    await botOrEvent;
    expect((await queued).handoffReason).toBe('visitor');
  });

  it('the payload is checked at the boundary', async () => {
    const socket = await agent('Bad input', false);
    for (const bad of [{}, { showing: 'yes' }, { showing: true, extra: 1 }, [true], null]) {
      const reply = await callRaw(socket, EVENTS.listsShow, bad);
      expect(reply.ok).toBe(false);
    }
  });
});

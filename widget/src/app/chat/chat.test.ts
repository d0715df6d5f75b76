import { type ErrorCode, EVENTS, LIMITS, type PageInfo } from '@frontdesk/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore, type Store } from '../store/index.ts';
import { createFakeServer, type FakeServer, settle } from '../test-support/fake-server.ts';
import { type Chat, createChat } from './chat.ts';

const page: PageInfo = { url: 'https://shop.example/cart', title: 'Cart' };
const failure = (code: ErrorCode) => ({ ok: false, error: { code, message: code } }) as const;

let running: Chat | null = null;
function setup(server: FakeServer = createFakeServer(), store: Store = createStore()) {
  const chat = createChat({
    transport: server.transport,
    store,
    locale: 'en',
    page: () => page,
    retryDelayMs: () => 5,
  });
  running = chat;
  chat.start();
  return { server, store, chat };
}
afterEach(() => {
  running?.stop();
  running = null;
});

describe('chat', () => {
  it('on connect: session:init, then page:view; no conversation is created until needed', async () => {
    const { server, store } = setup();
    await settle();
    expect(server.calls.map((c) => c.event)).toEqual([EVENTS.sessionInit, EVENTS.pageView]);
    expect(server.callsOf(EVENTS.sessionInit)[0]).toEqual({ locale: 'en', timeZone: expect.any(String) });
    expect(store.getState().connection.ready).toBe(true);
    expect(store.getState().conversation.site?.name).toBe('Acme Shop');
    expect(server.conversation()).toBeNull();
  });

  it('setLocale: locale:set at once when connected; while offline, after the next session:init (in the new language)', async () => {
    const { server, chat } = setup();
    await settle();
    chat.setLocale('pl');
    await settle();
    expect(server.callsOf(EVENTS.localeSet)).toEqual([{ locale: 'pl' }]);
    chat.setLocale('pl'); // unchanged: nothing sent
    server.transport.stop();
    chat.setLocale('en');
    await settle();
    expect(server.callsOf(EVENTS.localeSet)).toEqual([{ locale: 'pl' }]);
    server.transport.start();
    await settle();
    expect(server.callsOf(EVENTS.sessionInit).at(-1)).toMatchObject({ locale: 'en' });
    expect(server.callsOf(EVENTS.localeSet)).toEqual([{ locale: 'pl' }, { locale: 'en' }]);
  });

  it('resumes a conversation and pages through messages:sync while hasMore', async () => {
    const server = createFakeServer({ pageSize: 2 });
    for (let i = 0; i < 5; i++) server.add({ body: `m${i}` });
    const store = createStore();
    // Hold an older view of the same conversation, as after a reconnect.
    store.dispatch({
      type: 'conversation/opened',
      conversation: { ...server.conversation()! },
      messages: server.messages.slice(0, 1),
    });
    setup(server, store);
    await settle();
    expect(server.callsOf(EVENTS.messagesSync).map((c) => c.afterSeq)).toEqual([1, 3]);
    expect(store.getState().messages.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('opens the conversation on the first send, then sends with a valid clientId', async () => {
    const { server, store, chat } = setup(createFakeServer({ bot: () => ({ body: 'Answer' }) }));
    await settle();
    chat.send('  Where is my order?  ');
    expect(store.getState().outbox.items[0]).toMatchObject({ body: 'Where is my order?' });
    await settle();
    expect(server.callsOf(EVENTS.conversationOpen)).toEqual([{ locale: 'en', page }]);
    const [sent] = server.callsOf(EVENTS.messageSend);
    expect(sent).toMatchObject({ conversationId: server.conversation()!.id, body: 'Where is my order?' });
    expect(sent!.clientId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(store.getState().outbox.items).toEqual([]);
    expect(store.getState().messages.messages.map((m) => [m.author, m.body])).toEqual([
      ['visitor', 'Where is my order?'],
      ['bot', 'Answer'],
    ]);
  });

  it('D6 retries an unavailable send with the same clientId and keeps order', async () => {
    const { server, store, chat } = setup();
    await settle();
    server.script(EVENTS.messageSend, failure('unavailable'));
    chat.send('first');
    chat.send('second');
    await settle(20);
    const sends = server.callsOf(EVENTS.messageSend);
    expect(sends.map((s) => s.body)).toEqual(['first', 'first', 'second']);
    expect(sends[0]!.clientId).toBe(sends[1]!.clientId);
    expect(store.getState().messages.messages.map((m) => m.body)).toEqual(['first', 'second']);
    expect(store.getState().outbox.items).toEqual([]);
  });

  it('keeps messages written offline and sends them once back online', async () => {
    const { server, store, chat } = setup();
    await settle();
    server.setOnline(false);
    chat.send('while offline');
    await settle();
    expect(store.getState().outbox.items[0]).toMatchObject({ status: 'pending' });
    expect(server.callsOf(EVENTS.messageSend)).toHaveLength(0);
    server.setOnline(true);
    await settle();
    expect(server.callsOf(EVENTS.messageSend).map((s) => s.body)).toEqual(['while offline']);
    expect(store.getState().outbox.items).toEqual([]);
  });

  it('marks a message "not sent" on a final error and sends it again on retry', async () => {
    const { server, store, chat } = setup();
    await settle();
    server.script(EVENTS.messageSend, failure('too_large'));
    chat.send('big');
    await settle();
    const [item] = store.getState().outbox.items;
    expect(item).toMatchObject({ status: 'failed', error: 'too_large', body: 'big' });
    chat.retry(item!.clientId);
    await settle();
    expect(store.getState().outbox.items).toEqual([]);
    expect(server.callsOf(EVENTS.messageSend).map((s) => s.clientId)).toEqual([
      item!.clientId,
      item!.clientId,
    ]);
  });

  it('a live message after a gap triggers a sync from before the gap', async () => {
    const server = createFakeServer();
    server.add({ body: 'one' });
    const { store } = setup(server);
    await settle();
    server.add({ body: 'two' }); // missed (no broadcast)
    server.add({ body: 'three' }, true);
    await settle();
    expect(server.callsOf(EVENTS.messagesSync).at(-1)).toMatchObject({ afterSeq: 1 });
    expect(store.getState().messages.messages.map((m) => m.body)).toEqual(['one', 'two', 'three']);
    expect(store.getState().messages.lastSeq).toBe(3);
  });

  it('tells the host page about bot and agent messages only', async () => {
    const server = createFakeServer({ bot: () => ({ body: 'Hello' }) });
    const onLiveMessage = vi.fn();
    const store = createStore();
    const chat = createChat({
      transport: server.transport,
      store,
      locale: 'en',
      page: () => page,
      onLiveMessage,
    });
    running = chat;
    chat.start();
    await settle();
    chat.send('hi');
    await settle();
    expect(onLiveMessage.mock.calls.map(([m]) => m.body)).toEqual(['Hello']);
  });

  it('handoff creates the conversation first and shows the queue', async () => {
    const { server, store, chat } = setup();
    await settle();
    await chat.handoff();
    await settle();
    expect(server.callsOf(EVENTS.conversationHandoff)).toEqual([
      { conversationId: server.conversation()!.id },
    ]);
    expect(store.getState().conversation.current).toMatchObject({ state: 'queued', queue: { position: 2 } });
  });

  it('rating, then a fresh conversation', async () => {
    const server = createFakeServer();
    server.add({ body: 'bye' });
    server.setConversation({ state: 'resolved' }, false);
    const { store, chat } = setup(server);
    await settle();
    expect(await chat.rate(5, '  great  ')).toBe(true);
    expect(server.callsOf(EVENTS.conversationRate)).toEqual([
      { conversationId: server.conversation()!.id, rating: 5, comment: 'great' },
    ]);
    expect(store.getState().ui.rated).toBe(true);
    const old = server.conversation()!.id;
    await chat.startNew();
    expect(server.callsOf(EVENTS.conversationOpen).at(-1)).toMatchObject({ fresh: true });
    expect(store.getState().conversation.current!.id).not.toBe(old);
    expect(store.getState().messages.messages).toEqual([]);
    expect(store.getState().ui.rated).toBe(false);
  });

  it('a rating the state rules refuse (the conversation is still open) tells the visitor', async () => {
    const { store, chat } = setup();
    await settle();
    expect(await chat.rate(4, '')).toBe(false);
    expect(store.getState().ui).toMatchObject({ rated: false, notice: 'errorGeneric' });
  });

  it('asking for a person twice queues once', async () => {
    const { server, store, chat } = setup();
    await settle();
    await chat.handoff();
    await chat.handoff();
    await settle();
    const events = store.getState().messages.messages.filter((m) => m.kind === 'event');
    expect(events.map((m) => m.meta?.event)).toEqual([{ name: 'queued', reason: 'visitor' }]);
    expect(server.conversation()?.state).toBe('queued');
  });

  it('an action while offline shows the offline notice instead of hanging', async () => {
    const { server, store, chat } = setup();
    await settle();
    server.setOnline(false);
    await chat.handoff();
    expect(store.getState().ui.notice).toBe('offline');
  });

  it('"talk to a person" clicked before the first connect has finished waits for it: nobody online, the form', async () => {
    const server = createFakeServer({ site: { agentsOnline: 0 } });
    const { store, chat } = setup(server);
    // Online, but session:init has not answered yet: the site (and who is online) is not known.
    expect(store.getState().connection).toMatchObject({ status: 'online', ready: false });
    expect(store.getState().conversation.site).toBeNull();
    await chat.handoff();
    expect(store.getState().ui).toMatchObject({ offlineForm: true, notice: null });
    expect(server.callsOf(EVENTS.conversationHandoff)).toEqual([]);
  });

  it('"talk to a person" clicked before the first connect has finished waits for it: an agent online, the queue', async () => {
    const { server, store, chat } = setup();
    expect(store.getState().connection.ready).toBe(false);
    await chat.handoff();
    await settle();
    expect(store.getState().ui).toMatchObject({ offlineForm: false, notice: null });
    expect(server.callsOf(EVENTS.conversationHandoff)).toEqual([
      { conversationId: server.conversation()!.id },
    ]);
    expect(store.getState().conversation.current).toMatchObject({ state: 'queued' });
  });

  it('an action while the widget never gets through waits a bounded time, then shows the offline notice', async () => {
    vi.useFakeTimers();
    try {
      const server = createFakeServer();
      const store = createStore();
      // Not started: the transport stays "connecting", as when the server cannot be reached.
      const chat = createChat({ transport: server.transport, store, locale: 'en', page: () => page });
      let done = false;
      const asked = chat.handoff().then(() => {
        done = true;
      });
      await vi.advanceTimersByTimeAsync(LIMITS.visitorConnectWaitMs - 1);
      expect(done).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await asked;
      expect(store.getState().ui.notice).toBe('offline');
      expect(server.callsOf(EVENTS.conversationHandoff)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a conversation it does not know about (another tab) is adopted through session:init', async () => {
    const { server, store } = setup();
    await settle();
    server.setConversation({ state: 'bot' });
    await settle();
    expect(server.callsOf(EVENTS.sessionInit)).toHaveLength(2);
    expect(store.getState().conversation.current?.id).toBe(server.conversation()!.id);
  });
});

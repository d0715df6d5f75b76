/** Issue 10 (presence): the site's available agents follow `site:availability` live. */
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../store/index.ts';
import { createFakeServer, settle } from '../test-support/fake-server.ts';
import { type Chat, createChat } from './chat.ts';

let chat: Chat | null = null;
afterEach(() => chat?.stop());

describe('site availability', () => {
  it('updates agentsOnline when the server says the number of available agents changed', async () => {
    const server = createFakeServer();
    const store = createStore();
    chat = createChat({
      transport: server.transport,
      store,
      locale: 'en',
      page: () => ({ url: '/', title: '' }),
    });
    chat.start();
    await settle();
    expect(store.getState().conversation.site?.agentsOnline).toBe(1);
    server.emit({ type: 'availability', agentsOnline: 0 });
    expect(store.getState().conversation.site?.agentsOnline).toBe(0);
    server.emit({ type: 'availability', agentsOnline: 3 });
    expect(store.getState().conversation.site?.agentsOnline).toBe(3);
  });
});

/**
 * Issue 13: `Frontdesk('setLocale', …)` reaches the server (`locale:set`): the visitor's open
 * conversation speaks the new language — the bot's answers come in it — and the visitor record too.
 */
import { EVENTS, type Message, type SendResult } from '@frontdesk/shared';
import { SERVER_CATALOGS } from '@frontdesk/shared/i18n';
import { describe, expect, it } from 'vitest';
import { harnessForThisFile } from '../testing/file-harness.ts';
import { call, callRaw, clientId, openConversation, waitFor } from '../testing/harness.ts';

const h = harnessForThisFile();

describe('locale:set', () => {
  it('switches the open conversation to Polish: the bot answers in Polish from then on', async () => {
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    expect(conversation.id).toBeTruthy();
    expect((await h.storage.getConversation(conversation.id))?.locale).toBe('en');

    expect(await call(visitor.socket, EVENTS.localeSet, { locale: 'pl' })).toBeNull();
    const stored = await h.storage.getConversation(conversation.id);
    expect(stored?.locale).toBe('pl');
    expect((await h.storage.getContact(h.site.id, stored?.visitorId ?? ''))?.locale).toBe('pl');

    const answer = waitFor<Message>(visitor.socket, EVENTS.messageNew, (m) => m.author === 'bot');
    await call<SendResult>(visitor.socket, EVENTS.messageSend, {
      conversationId: conversation.id,
      clientId: clientId(),
      body: 'Chcę porozmawiać z człowiekiem',
      quickReply: { type: 'handoff' },
    });
    expect([SERVER_CATALOGS.pl.botHandoff, SERVER_CATALOGS.pl.botHandoffOffline]).toContain(
      (await answer).body,
    );
  });

  it('refuses a language the product does not speak', async () => {
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    const reply = await callRaw(visitor.socket, EVENTS.localeSet, { locale: 'xx' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect((await h.storage.getConversation(conversation.id))?.locale).toBe('en');
  });
});

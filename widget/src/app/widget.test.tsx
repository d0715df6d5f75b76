import { EVENTS } from '@frontdesk/shared';
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { memoryStore, storageKey } from '../storage.ts';
import { createFakeServer, settle } from './test-support/fake-server.ts';
import { mountWidget, unmountAll } from './test-support/mount.ts';

afterEach(unmountAll);

type Queries = Awaited<ReturnType<typeof mountWidget>>['ui'];
/** The line under the site's name: who the visitor is talking to, or the conversation's state. */
const subtitle = (ui: Queries) => ui.getByRole('dialog').querySelector('.subtitle')?.textContent;
/** The system events in the timeline, in order. */
const notes = (ui: Queries) => [...ui.getByRole('log').querySelectorAll('.note')].map((n) => n.textContent);

describe('widget', () => {
  it('shows the greeting with the site’s quick replies; an FAQ reply sends its label', async () => {
    const server = createFakeServer({
      site: {
        greeting: 'Hello from Acme!',
        quickReplies: [
          { type: 'faq', label: 'Shipping', faqId: 'shipping' },
          { type: 'handoff', label: 'A human, please' },
        ],
      },
    });
    const { ui } = await mountWidget(server);
    expect(ui.getByText('Hello from Acme!').closest('[role="log"]')).toBe(ui.getByRole('log'));
    fireEvent.click(ui.getByRole('button', { name: 'Shipping' }));
    await settle();
    expect(server.callsOf(EVENTS.messageSend)[0]).toMatchObject({
      body: 'Shipping',
      quickReply: { type: 'faq', faqId: 'shipping' },
    });
    expect(ui.queryByText('Hello from Acme!')).toBeNull();
  });

  it('is a labelled dialog; opening focuses the composer; Escape closes and returns focus', async () => {
    const { api, ui } = await mountWidget(createFakeServer());
    const dialog = ui.getByRole('dialog', { name: 'Acme Shop' });
    expect(document.activeElement).toBe(ui.getByRole('textbox', { name: 'Message' }));
    expect(api.setOpen).toHaveBeenCalledWith(true);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await settle(2);
    expect(ui.queryByRole('dialog')).toBeNull();
    expect(api.setOpen).toHaveBeenLastCalledWith(false);
    expect(api.focusLauncher).toHaveBeenCalled();
  });

  it('Enter sends, Shift+Enter does not', async () => {
    const server = createFakeServer();
    const { ui } = await mountWidget(server);
    const box = ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    fireEvent.input(box, { target: { value: 'line one' } });
    fireEvent.keyDown(box, { key: 'Enter', shiftKey: true });
    await settle();
    expect(server.callsOf(EVENTS.messageSend)).toHaveLength(0);
    fireEvent.keyDown(box, { key: 'Enter' });
    await settle();
    expect(server.callsOf(EVENTS.messageSend).map((s) => s.body)).toEqual(['line one']);
    expect(box.value).toBe('');
    expect(ui.getByRole('log').textContent).toContain('line one');
  });

  it('"Talk to a person" shows the waiting state with the queue position', async () => {
    const server = createFakeServer();
    const { ui } = await mountWidget(server);
    fireEvent.click(ui.getByRole('button', { name: 'Talk to a person' }));
    await settle();
    expect(subtitle(ui)).toBe('Waiting for a person');
    expect(ui.getByRole('status').textContent).toContain('You are number 2 in the queue.');
    expect(notes(ui)).toEqual(['You asked to talk to a person']);
    expect(ui.queryByRole('button', { name: 'Talk to a person' })).toBeNull();
  });

  it('renders system events as notes and follows the conversation state', async () => {
    const server = createFakeServer();
    server.add({ author: 'visitor', body: 'help' });
    const { ui } = await mountWidget(server);
    server.add(
      { author: 'system', kind: 'event', meta: { event: { name: 'assigned', agentName: 'Anna' } } },
      true,
    );
    server.setConversation({ state: 'assigned', agentName: 'Anna' });
    server.add({ author: 'agent', authorName: 'Anna', body: 'Hi, I am **Anna**.' }, true);
    await settle();
    expect(notes(ui)).toEqual(['Anna joined the conversation']);
    expect(subtitle(ui)).toBe('You are chatting with Anna');
    await waitFor(() => expect(ui.getByRole('log').textContent).toContain('Hi, I am Anna.'));
    server.add({ author: 'system', kind: 'event', meta: { event: { name: 'resolved' } } }, true);
    server.setConversation({ state: 'resolved' });
    await settle();
    expect(notes(ui)).toEqual(['Anna joined the conversation', 'The conversation was closed']);
    expect(subtitle(ui)).toBe('Conversation closed');
  });

  it('offers "This did not help" under a bot answer and reports it once', async () => {
    const server = createFakeServer({
      bot: () => ({
        body: 'We ship in 2 days.',
        meta: { faqId: 'shipping', quickReplies: [{ type: 'handoff', label: 'Talk to someone' }] },
      }),
    });
    const { ui } = await mountWidget(server);
    fireEvent.input(ui.getByRole('textbox', { name: 'Message' }), { target: { value: 'shipping?' } });
    fireEvent.submit(ui.getByRole('textbox', { name: 'Message' }).closest('form')!);
    await settle();
    const quickReply = within(ui.getByRole('log')).getByRole('button', { name: 'Talk to someone' });
    expect((quickReply as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(ui.getByRole('button', { name: 'This did not help' }));
    await settle();
    expect(server.callsOf(EVENTS.botNotHelpful)).toHaveLength(1);
    expect(ui.queryByRole('button', { name: 'This did not help' })).toBeNull();
  });

  it('rating flow: choose a score, comment, thanks, then a new conversation', async () => {
    const server = createFakeServer();
    server.add({ author: 'visitor', body: 'thanks' });
    server.setConversation({ state: 'resolved' }, false);
    const { ui } = await mountWidget(server);
    const group = ui.getByRole('group', { name: 'How was your conversation?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(5);
    const submit = ui.getByRole('button', { name: 'Send rating' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.click(within(group).getByRole('radio', { name: '4 of 5' }));
    fireEvent.input(ui.getByLabelText('Anything you want to add? (optional)'), {
      target: { value: 'Quick help' },
    });
    fireEvent.click(submit);
    await settle();
    expect(server.callsOf(EVENTS.conversationRate)[0]).toMatchObject({ rating: 4, comment: 'Quick help' });
    expect(ui.getByText('Thank you for your feedback!').getAttribute('role')).toBe('status');
    fireEvent.click(ui.getByRole('button', { name: 'Start a new conversation' }));
    await settle();
    expect(server.callsOf(EVENTS.conversationOpen).at(-1)).toMatchObject({ fresh: true });
    expect(ui.getByRole('log').textContent).toBe('AssistantHi! 👋 How can we help you today?');
    expect(ui.queryByRole('group', { name: 'How was your conversation?' })).toBeNull();
  });

  it('a resolved conversation: typing reopens it until rated, then starts a new one, as the placeholder says', async () => {
    const server = createFakeServer();
    server.add({ author: 'visitor', body: 'thanks' });
    server.setConversation({ state: 'resolved' }, false);
    const { ui } = await mountWidget(server);
    const box = () => ui.getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(box().placeholder).toBe('Write to reopen this conversation…');

    fireEvent.click(ui.getByRole('radio', { name: '5 of 5' }));
    fireEvent.click(ui.getByRole('button', { name: 'Send rating' }));
    await settle();
    expect(box().placeholder).toBe('Write to start a new conversation…');
    const first = server.callsOf(EVENTS.messageSend).length;
    fireEvent.input(box(), { target: { value: 'A new question' } });
    fireEvent.submit(box().closest('form')!);
    await settle();
    expect(server.callsOf(EVENTS.conversationOpen).at(-1)).toMatchObject({ fresh: true });
    const sends = server.callsOf(EVENTS.messageSend).slice(first);
    expect(sends).toHaveLength(1);
    expect(sends[0]).toMatchObject({ body: 'A new question' });
    expect(ui.getByRole('log').textContent).toContain('A new question');
    expect(ui.getByRole('log').textContent).not.toContain('thanks');
    expect(box().placeholder).toBe('Write a message…');
  });

  it('shows a message that failed for good as "not sent" with a retry button', async () => {
    const server = createFakeServer();
    const { ui } = await mountWidget(server);
    server.script(EVENTS.messageSend, { ok: false, error: { code: 'too_large', message: 'too large' } });
    fireEvent.input(ui.getByRole('textbox', { name: 'Message' }), { target: { value: 'long text' } });
    fireEvent.keyDown(ui.getByRole('textbox', { name: 'Message' }), { key: 'Enter' });
    await settle();
    expect(ui.getByRole('alert').textContent).toContain('Not sent. This message is too long.');
    fireEvent.click(ui.getByRole('button', { name: 'Retry' }));
    await settle();
    expect(ui.queryByText(/Not sent/)).toBeNull();
    expect(server.callsOf(EVENTS.messageSend)).toHaveLength(2);
  });

  it('speaks Polish', async () => {
    const server = createFakeServer();
    server.add({ author: 'system', kind: 'event', meta: { event: { name: 'queued' } } });
    server.setConversation(
      { state: 'queued', queue: { position: 3, waitingSince: '2025-01-01T00:00:00Z', estimate: null } },
      false,
    );
    const { ui } = await mountWidget(server, { locale: 'pl' });
    expect(subtitle(ui)).toBe('Czekasz na konsultanta');
    expect(notes(ui)).toEqual(['Poprosiłeś(-aś) o rozmowę z konsultantem']);
    expect(ui.getByRole('status').textContent).toContain('Jesteś 3. w kolejce.');
    expect(ui.getByRole('textbox', { name: 'Wiadomość' }).getAttribute('placeholder')).toBe(
      'Napisz wiadomość…',
    );
    expect(ui.getByRole('dialog').querySelector('.header > button')?.getAttribute('aria-label')).toBe(
      'Zamknij',
    );
  });

  it('persists the outbox and the "conversation in progress" flag across a reload', async () => {
    const server = createFakeServer();
    const storage = memoryStore();
    const first = await mountWidget(server, { storage });
    server.setOnline(false);
    fireEvent.input(first.ui.getByRole('textbox', { name: 'Message' }), { target: { value: 'kept' } });
    fireEvent.keyDown(first.ui.getByRole('textbox', { name: 'Message' }), { key: 'Enter' });
    await settle();
    expect(first.ui.getByText(/^You are offline\./).textContent).toBe(
      'You are offline. Messages will be sent when the connection returns.',
    );
    expect(first.ui.getByText('kept').closest('.pending')?.textContent).toContain('Sending…');
    expect(JSON.parse(storage.get(storageKey('site-1', 'outbox'))!)).toMatchObject([{ body: 'kept' }]);
    unmountAll();

    await mountWidget(server, { storage });
    await settle();
    expect(server.callsOf(EVENTS.messageSend).map((s) => s.body)).toEqual(['kept']);
    expect(storage.get(storageKey('site-1', 'outbox'))).toBeNull();
    expect(storage.get(storageKey('site-1', 'active'))).toBe('1');
  });
});

/** Issue 10: the leave-a-message form in the widget, against the in-memory server. */
import { EVENTS } from '@frontdesk/shared';
import { NO_REPLY } from '@frontdesk/shared/client';
import { fireEvent, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServer, settle } from '../test-support/fake-server.ts';
import { mountWidget, unmountAll } from '../test-support/mount.ts';

afterEach(unmountAll);

const offlineSite = {
  agentsOnline: 0,
  offline: {
    longWaitMinutes: null,
    fields: [
      { id: 'order', type: 'text' as const, label: 'Order number', required: true },
      { id: 'phone', type: 'phone' as const, label: 'Phone', required: false },
      {
        id: 'topic',
        type: 'choice' as const,
        label: 'Topic',
        required: false,
        options: [{ id: 'returns', label: 'Returns' }],
      },
    ],
  },
};

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('leave-a-message form', () => {
  it('"Talk to a person" with nobody online shows the form, not the queue; submitting shows the confirmation and keeps the chat', async () => {
    const server = createFakeServer({ site: offlineSite });
    server.add({ author: 'bot', body: 'Hello! Ask me anything.' });
    const { ui } = await mountWidget(server);

    fireEvent.click(ui.getByRole('button', { name: 'Talk to a person' }));
    await settle();
    expect(server.callsOf(EVENTS.conversationHandoff)).toEqual([]);
    const form = ui.getByRole('form', { name: 'Leave a message' });
    expect(form.textContent).toContain('Nobody from our team is online right now.');
    expect(form.textContent).toContain("we'll reply by e-mail");
    expect(ui.queryByText('Connecting you with a person…')).toBeNull();
    // The composer (also labelled "Message") is put away while the form shows.
    expect(ui.getAllByLabelText('Message')).toHaveLength(1);
    expect(document.activeElement).toBe(ui.getByLabelText('Your name'));

    type(ui.getByLabelText('Your name'), 'Ada');
    type(ui.getByLabelText('E-mail'), 'ada@example.com');
    type(ui.getByLabelText('Message'), 'Where is my parcel?');
    type(ui.getByLabelText('Order number'), 'A-17');
    fireEvent.change(ui.getByLabelText('Topic (optional)'), { target: { value: 'returns' } });
    fireEvent.click(ui.getByRole('button', { name: 'Send message' }));
    await settle();

    const [sent] = server.callsOf(EVENTS.offlineMessage);
    expect(sent).toMatchObject({
      name: 'Ada',
      email: 'ada@example.com',
      body: 'Where is my parcel?',
      reason: 'nobody_online',
      answers: { order: 'A-17', topic: 'returns' },
    });
    await waitFor(() =>
      expect(ui.getByRole('status').textContent).toBe(
        "Thanks — we'll reply to ada@example.com. You can close this window.",
      ),
    );
    expect(ui.queryByRole('form')).toBeNull();
    expect(ui.queryByText('Connecting you with a person…')).toBeNull();
    const log = ui.getByRole('log');
    expect(log.textContent).toContain('Hello! Ask me anything.');
    expect(log.textContent).toContain('Where is my parcel?');
    expect(log.textContent).toContain('Left a message: nobody was online');
  });

  it('asks the server again before showing the form: an agent who signed in since the page loaded gets the chat', async () => {
    const server = createFakeServer({ site: offlineSite });
    const { ui } = await mountWidget(server);
    server.site.agentsOnline = 1;
    fireEvent.click(ui.getByRole('button', { name: 'Talk to a person' }));
    await settle();
    expect(server.callsOf(EVENTS.conversationHandoff)).toHaveLength(1);
    expect(ui.queryByRole('form', { name: 'Leave a message' })).toBeNull();
    expect(ui.queryByText(/Connecting you with a person…/)).not.toBeNull();
  });

  it('refuses empty and wrong fields, ties each error to its field and focuses the first one', async () => {
    const server = createFakeServer({ site: offlineSite });
    const { ui } = await mountWidget(server);
    fireEvent.click(ui.getByRole('button', { name: 'Talk to a person' }));
    await settle();
    type(ui.getByLabelText('E-mail'), 'not-an-address');
    type(ui.getByLabelText('Phone (optional)'), 'call me');
    fireEvent.click(ui.getByRole('button', { name: 'Send message' }));
    await settle();

    const name = ui.getByLabelText('Your name');
    expect(document.activeElement).toBe(name);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (el: HTMLElement) =>
      document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;
    // The error texts are found from the fields, as a screen reader reads them.
    const root = name.closest('form') as HTMLFormElement;
    const byId = (el: HTMLElement) =>
      root.querySelector(`#${CSS.escape(el.getAttribute('aria-describedby') ?? '')}`)?.textContent;
    expect(byId(name) ?? describedBy(name)).toBe('Please fill in this field.');
    expect(byId(ui.getByLabelText('E-mail'))).toBe(
      'Please enter an e-mail address such as name@example.com.',
    );
    expect(byId(ui.getByLabelText('Phone (optional)'))).toBe(
      'Please enter a phone number, such as +1 555 0100.',
    );
    expect(byId(ui.getByLabelText('Order number'))).toBe('Please fill in this field.');
    expect(ui.getByLabelText('Topic (optional)').getAttribute('aria-invalid')).toBeNull();
    expect(server.callsOf(EVENTS.offlineMessage)).toEqual([]);

    // An error goes once the field is changed.
    type(ui.getByLabelText('Order number'), 'A-17');
    expect(ui.getByLabelText('Order number').getAttribute('aria-invalid')).toBeNull();

    type(name, 'a\u0000b');
    fireEvent.click(ui.getByRole('button', { name: 'Send message' }));
    await settle();
    expect(byId(name)).toBe('Please use letters, not special characters.');
  });

  it('"Back to the chat" puts the form away when it was asked for', async () => {
    const server = createFakeServer({ site: offlineSite });
    const { ui } = await mountWidget(server);
    fireEvent.click(ui.getByRole('button', { name: 'Talk to a person' }));
    await settle();
    fireEvent.click(ui.getByRole('button', { name: 'Back to the chat' }));
    await settle();
    expect(ui.queryByRole('form', { name: 'Leave a message' })).toBeNull();
    expect(ui.getByRole('button', { name: 'Talk to a person' })).toBeTruthy();
  });

  it('a bot handoff queued with nobody online shows the form instead of the waiting view (never both)', async () => {
    const server = createFakeServer({ site: offlineSite });
    server.add({ author: 'visitor', body: 'human please' });
    server.setConversation(
      { state: 'queued', queue: { position: 1, waitingSince: new Date(0).toISOString(), estimate: null } },
      false,
    );
    const { ui } = await mountWidget(server, { locale: 'pl' });
    const form = ui.getByRole('form', { name: 'Zostaw wiadomość' });
    expect(form.textContent).toContain('Nikogo z naszego zespołu nie ma teraz online.');
    expect(ui.queryByText(/Łączymy Cię z konsultantem/)).toBeNull();
    // Back to the chat: the waiting line says nobody can answer now (not "Connecting…") and offers the form again.
    fireEvent.click(ui.getByRole('button', { name: 'Wróć do czatu' }));
    await settle();
    expect(ui.queryByRole('form', { name: 'Zostaw wiadomość' })).toBeNull();
    const waiting = ui.getByRole('status');
    expect(waiting.textContent).toContain('Nikogo z naszego zespołu nie ma teraz online.');
    expect(waiting.textContent).not.toContain('Łączymy');
    fireEvent.click(within(waiting).getByRole('button', { name: 'Zostaw wiadomość zamiast czekać' }));
    await settle();
    expect(ui.queryByRole('form', { name: 'Zostaw wiadomość' })).not.toBeNull();
  });

  it('a retry after a lost ack sends the same clientId', async () => {
    const server = createFakeServer({
      site: { ...offlineSite, offline: { longWaitMinutes: null, fields: [] } },
    });
    const { ui } = await mountWidget(server);
    fireEvent.click(ui.getByRole('button', { name: 'Talk to a person' }));
    await settle();
    type(ui.getByLabelText('Your name'), 'Ada');
    type(ui.getByLabelText('E-mail'), 'ada@example.com');
    type(ui.getByLabelText('Message'), 'Hello?');
    // The ack is lost (the connection dropped): the form stays, and the retry is the same message.
    server.script(EVENTS.offlineMessage, NO_REPLY);
    fireEvent.click(ui.getByRole('button', { name: 'Send message' }));
    await settle();
    expect(ui.getByRole('form', { name: 'Leave a message' })).toBeTruthy();
    fireEvent.click(ui.getByRole('button', { name: 'Send message' }));
    await settle();
    const [first, second] = server.callsOf(EVENTS.offlineMessage);
    expect(second?.clientId).toBe(first?.clientId);
    expect(ui.getByRole('status').textContent).toContain('ada@example.com');
  });
});

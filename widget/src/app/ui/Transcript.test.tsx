import { EVENTS } from '@frontdesk/shared';
import { fireEvent } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServer, settle } from '../test-support/fake-server.ts';
import { mountWidget, unmountAll } from '../test-support/mount.ts';

afterEach(unmountAll);

describe('transcript by e-mail (issue 10, mail)', () => {
  it('after the end, the visitor asks for the transcript at an address they type', async () => {
    const server = createFakeServer();
    server.add({ author: 'visitor', body: 'thanks' });
    server.setConversation({ state: 'resolved' }, false);
    const { ui } = await mountWidget(server);
    fireEvent.click(ui.getByRole('button', { name: 'E-mail me the transcript' }));
    fireEvent.input(ui.getByLabelText('Your e-mail'), { target: { value: ' olga@example.com ' } });
    fireEvent.click(ui.getByRole('button', { name: 'Send the transcript' }));
    await settle(2);
    expect(server.callsOf(EVENTS.mailTranscript)).toEqual([
      { conversationId: expect.any(String), email: 'olga@example.com' },
    ]);
    expect(ui.getByText('The transcript is on its way to olga@example.com.').getAttribute('role')).toBe(
      'status',
    );
  });

  it('a refusal is told, and the form stays for another try', async () => {
    const server = createFakeServer();
    server.setConversation({ state: 'resolved' }, false);
    server.script(EVENTS.mailTranscript, {
      ok: false,
      error: { code: 'rate_limited', message: 'slow down' },
    });
    const { ui } = await mountWidget(server);
    fireEvent.click(ui.getByRole('button', { name: 'E-mail me the transcript' }));
    fireEvent.input(ui.getByLabelText('Your e-mail'), { target: { value: 'olga@example.com' } });
    fireEvent.click(ui.getByRole('button', { name: 'Send the transcript' }));
    await settle(2);
    expect(ui.queryByText(/on its way/)).toBeNull();
    expect(ui.getByRole('button', { name: 'Send the transcript' })).toBeTruthy();
  });
});

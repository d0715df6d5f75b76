import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { AGENT, createMemoryClient, PASSWORD } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

afterEach(cleanup);

const fill = (email: string, password: string) => {
  fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: email } });
  fireEvent.input(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
};

describe('login', () => {
  it('shows the login form when there is no session, and an error for a wrong password', async () => {
    renderApp(createMemoryClient({ signedIn: false }));
    await screen.findByRole('heading', { name: 'Sign in to Frontdesk' });
    fill(AGENT.email, 'wrong password');
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong e-mail or password.');
  });

  it('explains rate limiting', async () => {
    const client = createMemoryClient({ signedIn: false });
    client.loginError = 'rate_limited';
    renderApp(client);
    await screen.findByLabelText('E-mail');
    fill(AGENT.email, PASSWORD);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Too many attempts/);
  });

  it('A9 says how long to wait when the server knows', async () => {
    const client = createMemoryClient({ signedIn: false });
    client.loginError = { code: 'rate_limited', message: 'wait', retryAfter: 150 };
    renderApp(client, 'pl');
    await screen.findByLabelText('E-mail');
    fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: AGENT.email } });
    fireEvent.input(screen.getByLabelText('Hasło'), { target: { value: PASSWORD } });
    fireEvent.click(screen.getByRole('button', { name: 'Zaloguj się' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Zbyt wiele nieudanych logowań. Spróbuj ponownie za 3 min.',
    );
  });

  it('signs in and opens the console', async () => {
    renderApp(createMemoryClient({ signedIn: false }));
    await screen.findByLabelText('E-mail');
    fill(AGENT.email, PASSWORD);
    await screen.findByText('Signed in as Ann');
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(
      within(screen.getByRole('navigation', { name: 'Console sections' }))
        .getByRole('link', { name: 'Conversations' })
        .getAttribute('aria-current'),
    ).toBe('page');
  });

  it('returns to the login page with a notice when the server ends the session', async () => {
    const client = createMemoryClient();
    renderApp(client);
    await screen.findByText('Signed in as Ann');
    await waitFor(() => client.handlers());
    client.signedIn = false;
    client.handlers().sessionEnded('unauthorized');
    expect((await screen.findByRole('status')).textContent).toBe(
      'Your session has ended. Please sign in again.',
    );
  });

  it('speaks Polish', async () => {
    renderApp(createMemoryClient({ signedIn: false }), 'pl');
    const heading = await screen.findByRole('heading', { name: 'Zaloguj się do Frontdesk' });
    expect(document.documentElement.lang).toBe('pl');
    expect(heading.closest('form')?.querySelector('input[type="password"]')).toBe(
      screen.getByLabelText('Hasło'),
    );
  });
});

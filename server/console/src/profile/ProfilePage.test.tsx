import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AGENT, createMemoryClient, PASSWORD } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

beforeEach(() => {
  location.hash = '#/profile';
});
afterEach(() => {
  cleanup();
  location.hash = '';
  localStorage.clear();
});

const NEW_PASSWORD = 'a much longer secret';

async function openPage(agent = AGENT) {
  const client = createMemoryClient({ agent });
  renderApp(client);
  await screen.findByRole('heading', { name: 'Your profile', level: 1 });
  return client;
}

function fillPassword(current: string, next: string, confirm = next) {
  fireEvent.input(screen.getByLabelText('Current password'), { target: { value: current } });
  fireEvent.input(screen.getByLabelText('New password'), { target: { value: next } });
  fireEvent.input(screen.getByLabelText('Repeat the new password'), { target: { value: confirm } });
}

describe('Profile page', () => {
  it('is offered to every agent and changes the name and avatar colour', async () => {
    const client = await openPage();
    expect(screen.queryByText('Signed in as Ann')).not.toBeNull();
    fireEvent.input(screen.getByLabelText('Your name'), { target: { value: 'Anna' } });
    fireEvent.click(screen.getByLabelText('Use my own colour'));
    fireEvent.input(screen.getByLabelText('Colour code'), { target: { value: '#B45309' } });
    const details = screen
      .getByRole('heading', { name: 'Name and avatar' })
      .closest('section') as HTMLElement;
    fireEvent.click(within(details).getByRole('button', { name: 'Save' }));
    await within(details).findByText('Saved.');
    expect(client.admin.me).toMatchObject({ name: 'Anna', avatarColor: '#b45309' });
    // The header follows.
    await screen.findByText('Signed in as Anna');
  });

  it('checks the colour and the name before sending', async () => {
    const client = await openPage();
    fireEvent.input(screen.getByLabelText('Your name'), { target: { value: '  ' } });
    fireEvent.click(screen.getByLabelText('Use my own colour'));
    fireEvent.input(screen.getByLabelText('Colour code'), { target: { value: 'blue' } });
    fireEvent.click(screen.getAllByRole('button', { name: 'Save' })[0]!);
    await screen.findByText('Enter a colour such as #2563eb.');
    expect(screen.queryByText('Enter a name (at most 100 characters).')).not.toBeNull();
    expect(client.admin.calls.some((c) => c.name === 'updateProfile')).toBe(false);
  });

  it('uploads and removes an avatar image', async () => {
    const client = await openPage();
    const file = new File(['png'], 'me.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Avatar image'), { target: { files: [file] } });
    await screen.findByText('Image uploaded.');
    expect(client.admin.uploads).toEqual([{ target: 'avatar', file }]);
    expect(screen.getByAltText('Your avatar').getAttribute('src')).toBe(client.admin.me.avatarUrl);
    fireEvent.click(screen.getByRole('button', { name: 'Remove image' }));
    await screen.findByText('Image removed.');
    expect(client.admin.me.avatarUrl).toBeNull();
    expect(screen.queryByAltText('Your avatar')).toBeNull();
  });

  it('changes the password with the current one', async () => {
    const client = await openPage();
    fillPassword(PASSWORD, NEW_PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByText('Password changed.');
    expect(client.admin.password).toBe(NEW_PASSWORD);
    expect((screen.getByLabelText('Current password') as HTMLInputElement).value).toBe('');
  });

  it('explains a short, mismatched or wrong password', async () => {
    const client = await openPage();
    fillPassword(PASSWORD, 'short', 'shirt');
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByText('The new password must have at least 10 characters.');
    expect(screen.queryByText('The two new passwords differ.')).not.toBeNull();
    expect(client.admin.calls.some((c) => c.name === 'changePassword')).toBe(false);

    fillPassword('', NEW_PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    await screen.findByText('Enter your current password.');
    expect(client.admin.calls.some((c) => c.name === 'changePassword')).toBe(false);

    fillPassword('not my password', NEW_PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The current password is wrong.');
    expect(client.admin.password).toBe(PASSWORD);
    // Still signed in.
    expect(screen.queryByRole('heading', { name: 'Your profile', level: 1 })).not.toBeNull();
  });

  it('is in Polish with the Polish console', async () => {
    renderApp(createMemoryClient({ agent: AGENT }), 'pl');
    await screen.findByRole('heading', { name: 'Twój profil', level: 1 });
    expect(screen.queryByLabelText('Obecne hasło')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Zmień hasło' })).not.toBeNull();
  });
});

describe('first sign-in with a generated password', () => {
  it('asks for a new password before anything else, then continues', async () => {
    location.hash = '#/faq';
    const client = createMemoryClient({ agent: { ...AGENT, mustChangePassword: true } });
    renderApp(client);
    await screen.findByRole('heading', { name: 'Choose a new password', level: 1 });
    expect(screen.queryByRole('navigation')).toBeNull();
    // The current password is asked for, never filled in.
    expect((screen.getByLabelText('Current password') as HTMLInputElement).value).toBe('');
    fillPassword(PASSWORD, NEW_PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await screen.findByRole('heading', { name: 'FAQ', level: 1 });
    expect(client.admin.me.mustChangePassword).toBe(false);
    expect(client.admin.password).toBe(NEW_PASSWORD);
  });

  it('stays on the screen after a wrong current password, and can log out', async () => {
    const client = createMemoryClient({ agent: { ...AGENT, mustChangePassword: true } });
    renderApp(client);
    await screen.findByRole('heading', { name: 'Choose a new password' });
    fillPassword('wrong password', NEW_PASSWORD);
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await screen.findByText('The current password is wrong.');
    expect(screen.queryByRole('navigation')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Log out' }));
    await screen.findByRole('heading', { name: 'Sign in to Frontdesk' });
    await waitFor(() => expect(client.signedIn).toBe(false));
  });
});

import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { agentAccount, siteDetail } from '../testing/memory-admin.ts';
import { ADMIN, AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

beforeEach(() => {
  location.hash = '#/agents';
});
afterEach(() => {
  cleanup();
  location.hash = '';
  localStorage.clear();
});

const SITES = [
  siteDetail('site1', { name: 'Shop', key: 'shop-key' }),
  siteDetail('site2', { name: 'Blog', key: 'blog-key' }),
  siteDetail('site3', { name: 'Old shop', archived: true }),
];
const BOB = agentAccount('bob', {
  name: 'Bob',
  email: 'bob@shop.example',
  sites: [{ id: 'site1', name: 'Shop', key: 'shop-key' }],
});

async function openPage() {
  const client = createMemoryClient({ agent: ADMIN, admin: { sites: SITES, agents: [BOB] } });
  renderApp(client);
  const table = await screen.findByRole('table');
  return { client, table };
}

const row = (table: HTMLElement, name: string) => {
  const header = within(table).getByRole('rowheader', { name: new RegExp(`^${name}`) });
  return header.closest('tr') as HTMLElement;
};

async function addAgent(name: string, email: string, sites: string[] = []) {
  fireEvent.input(screen.getByLabelText('Name', { selector: '#agents-add-name' }), {
    target: { value: name },
  });
  fireEvent.input(screen.getByLabelText('E-mail'), { target: { value: email } });
  const form = screen.getByRole('heading', { name: 'Add an agent' }).closest('section') as HTMLElement;
  for (const site of sites) fireEvent.click(within(form).getByLabelText(site));
  fireEvent.click(screen.getByRole('button', { name: 'Add agent' }));
}

describe('Agents page', () => {
  it('lists agents with e-mail, role, sites and status', async () => {
    const { table } = await openPage();
    const bob = row(table, 'Bob');
    expect(within(bob).queryByText('bob@shop.example')).not.toBeNull();
    expect(within(bob).queryByText('Agent')).not.toBeNull();
    expect(within(bob).queryByText('Shop')).not.toBeNull();
    expect(within(bob).queryByText('Active')).not.toBeNull();
    expect(within(row(table, 'Ada')).queryByText('Admin')).not.toBeNull();
    expect(within(row(table, 'Ada')).queryByText('you')).not.toBeNull();
  });

  it('adds an agent and shows the generated password once', async () => {
    const { client } = await openPage();
    const form = screen.getByRole('heading', { name: 'Add an agent' }).closest('section') as HTMLElement;
    // Archived sites are not offered.
    expect(within(form).queryByLabelText('Old shop')).toBeNull();
    await addAgent('Cleo', 'Cleo@Shop.example', ['Blog']);
    const notice = await screen.findByRole('heading', { name: 'Password for Cleo' });
    const section = notice.closest('section') as HTMLElement;
    expect(within(section).queryByText(/will not be shown again/)).not.toBeNull();
    const password = within(section).getByLabelText('Generated password') as HTMLInputElement;
    expect(password.value).toMatch(/^generated-password-/);
    expect(section.closest('[role="status"]')).not.toBeNull();

    const created = [...client.admin.agents.values()].find((a) => a.name === 'Cleo')!;
    expect(created).toMatchObject({ email: 'cleo@shop.example', role: 'agent', mustChangePassword: true });
    expect(created.sites.map((s) => s.id)).toEqual(['site2']);
    const table = screen.getByRole('table');
    await waitFor(() => expect(within(row(table, 'Cleo')).queryByText('Blog')).not.toBeNull());

    fireEvent.click(within(section).getByRole('button', { name: 'I have saved it, hide' }));
    expect(screen.queryByLabelText('Generated password')).toBeNull();
    // Another change does not bring it back.
    fireEvent.click(within(row(table, 'Cleo')).getByRole('button', { name: 'Edit Cleo' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Edit Cleo' })).toBeNull());
    expect(screen.queryByLabelText('Generated password')).toBeNull();
    expect(screen.queryByText(created.email)).not.toBeNull();
  });

  it('says so when the e-mail is taken, and checks the form before sending', async () => {
    const { client } = await openPage();
    await addAgent('Bobby', 'BOB@shop.example');
    await screen.findByText('An agent with this e-mail already exists.');
    expect(screen.queryByLabelText('Generated password')).toBeNull();

    const before = client.admin.calls.length;
    await addAgent('', 'not-an-email');
    await screen.findByText('Enter a valid e-mail address.');
    expect(screen.queryByText('Enter a name (at most 100 characters).')).not.toBeNull();
    expect(client.admin.calls.length).toBe(before);
  });

  it('edits name, role and sites', async () => {
    const { client, table } = await openPage();
    fireEvent.click(within(row(table, 'Bob')).getByRole('button', { name: 'Edit Bob' }));
    const editor = screen.getByRole('heading', { name: 'Edit Bob' }).closest('section') as HTMLElement;
    fireEvent.input(within(editor).getByLabelText('Name'), { target: { value: 'Robert' } });
    fireEvent.change(within(editor).getByLabelText('Role'), { target: { value: 'admin' } });
    fireEvent.click(within(editor).getByLabelText('Shop'));
    fireEvent.click(within(editor).getByLabelText('Blog'));
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(within(row(table, 'Robert')).queryByText('Admin')).not.toBeNull());
    expect(client.admin.agents.get('bob')).toMatchObject({
      name: 'Robert',
      role: 'admin',
      sites: [{ id: 'site2', name: 'Blog', key: 'blog-key' }],
    });
  });

  it('disables and enables an agent after confirmation', async () => {
    const { client, table } = await openPage();
    fireEvent.click(within(row(table, 'Bob')).getByRole('button', { name: 'Disable' }));
    expect(client.admin.agents.get('bob')!.disabled).toBe(false);
    const question = within(row(table, 'Bob')).getByRole('group', { name: /Disable Bob\?/ });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Yes, disable' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(client.admin.agents.get('bob')!.disabled).toBe(false);

    fireEvent.click(within(row(table, 'Bob')).getByRole('button', { name: 'Disable' }));
    fireEvent.click(within(row(table, 'Bob')).getByRole('button', { name: 'Yes, disable' }));
    await waitFor(() => expect(within(row(table, 'Bob')).queryByText('Disabled')).not.toBeNull());
    expect(client.admin.agents.get('bob')!.disabled).toBe(true);

    fireEvent.click(within(row(table, 'Bob')).getByRole('button', { name: 'Enable' }));
    fireEvent.click(within(row(table, 'Bob')).getByRole('button', { name: 'Yes, enable' }));
    await waitFor(() => expect(within(row(table, 'Bob')).queryByText('Active')).not.toBeNull());
    expect(client.admin.agents.get('bob')!.disabled).toBe(false);
  });

  it('explains the refusal to disable or demote the last admin', async () => {
    const { client, table } = await openPage();
    fireEvent.click(within(row(table, 'Ada')).getByRole('button', { name: 'Disable' }));
    fireEvent.click(within(row(table, 'Ada')).getByRole('button', { name: 'Yes, disable' }));
    await screen.findByText('This is the last active admin: make someone else an admin first.');
    expect(client.admin.agents.get('admin-1')!.disabled).toBe(false);

    fireEvent.click(within(row(table, 'Ada')).getByRole('button', { name: 'Edit Ada' }));
    const editor = screen.getByRole('heading', { name: 'Edit Ada' }).closest('section') as HTMLElement;
    fireEvent.change(within(editor).getByLabelText('Role'), { target: { value: 'agent' } });
    fireEvent.click(within(editor).getByRole('button', { name: 'Save' }));
    await within(editor).findByText('This is the last active admin: make someone else an admin first.');
    expect(client.admin.agents.get('admin-1')!.role).toBe('admin');
  });

  it('resets a password and shows the new one once', async () => {
    const { client, table } = await openPage();
    fireEvent.click(within(row(table, 'Bob')).getByRole('button', { name: 'Reset password' }));
    fireEvent.click(within(row(table, 'Bob')).getByRole('button', { name: 'Yes, reset' }));
    const password = (await screen.findByLabelText('Generated password')) as HTMLInputElement;
    expect(password.value).toMatch(/^reset-password-/);
    expect(screen.queryByRole('heading', { name: 'Password for Bob' })).not.toBeNull();
    expect(client.admin.calls.filter((c) => c.name === 'resetAgentPassword')).toEqual([
      { name: 'resetAgentPassword', args: ['bob', {}] },
    ]);
    await waitFor(() =>
      expect(within(row(table, 'Bob')).queryByText(/must choose a new password/)).not.toBeNull(),
    );
  });

  it('follows the header language switch', async () => {
    await openPage();
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'pl' } });
    await screen.findByRole('heading', { name: 'Konsultanci', level: 1 });
    expect(screen.queryByRole('columnheader', { name: 'Rola' })).not.toBeNull();
    const nav = screen.getByRole('navigation');
    expect(within(nav).queryByRole('link', { name: 'Witryny' })).not.toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Wygląd' })).not.toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Profil' })).not.toBeNull();
  });

  it('is in Polish with the Polish console', async () => {
    renderApp(createMemoryClient({ agent: ADMIN, admin: { sites: SITES, agents: [BOB] } }), 'pl');
    await screen.findByRole('heading', { name: 'Konsultanci', level: 1 });
    await screen.findByRole('columnheader', { name: 'Rola' });
    expect(screen.queryByRole('button', { name: 'Dodaj konsultanta' })).not.toBeNull();
  });

  it('is not offered to agents, whose calls the server refuses anyway', async () => {
    const client = createMemoryClient({ agent: AGENT });
    renderApp(client);
    await screen.findByText('Only administrators can make changes.');
    const nav = screen.getByRole('navigation', { name: 'Console sections' });
    expect(within(nav).queryByRole('link', { name: 'Agents' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Sites' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Profile' })).not.toBeNull();
    expect(client.admin.calls.some((c) => c.name === 'listAgents')).toBe(false);
    expect(await client.listAgents()).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

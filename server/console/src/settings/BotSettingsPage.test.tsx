import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { renderApp } from '../testing/render.tsx';

beforeEach(() => {
  location.hash = '#/settings';
});
afterEach(() => {
  cleanup();
  location.hash = '';
});

const SETTINGS = { botMissesBeforeHandoff: 2, escalationPhrases: ['complaint'], answerThreshold: null };

async function openPage(agent = ADMIN) {
  const client = createMemoryClient({ agent, faq: { settings: SETTINGS } });
  renderApp(client);
  const misses = (await screen.findByLabelText('Misses before offering a person')) as HTMLInputElement;
  return { client, misses };
}

describe('Bot settings page', () => {
  it('loads and saves the settings with a threshold override', async () => {
    const { client, misses } = await openPage();
    expect(misses.value).toBe('2');
    expect((screen.getByLabelText('Escalation phrases') as HTMLTextAreaElement).value).toBe('complaint');
    expect(screen.queryByRole('spinbutton', { name: 'Answer threshold' })).toBeNull();
    expect(document.querySelector('.threshold__default')?.textContent).toBe('Engine default');

    fireEvent.input(misses, { target: { value: '3' } });
    fireEvent.input(screen.getByLabelText('Escalation phrases'), {
      target: { value: 'complaint\nreklamacja\n\n' },
    });
    fireEvent.click(screen.getByLabelText('Override the default threshold'));
    const number = screen.getByRole('spinbutton', { name: 'Answer threshold' }) as HTMLInputElement;
    expect(number.value).toBe('0.5');
    fireEvent.input(number, { target: { value: '0.72' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(client.faq.savedSettings).toEqual([
      { botMissesBeforeHandoff: 3, escalationPhrases: ['complaint', 'reklamacja'], answerThreshold: 0.72 },
    ]);
  });

  it('refuses values out of range before sending', async () => {
    const { client, misses } = await openPage();
    fireEvent.input(misses, { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter a whole number from 1 to 10.');
    expect(client.faq.savedSettings).toEqual([]);
  });

  it('switching the override off saves the engine default (null)', async () => {
    const client = createMemoryClient({
      agent: ADMIN,
      faq: { settings: { ...SETTINGS, answerThreshold: 0.6 } },
    });
    renderApp(client);
    const check = (await screen.findByLabelText('Override the default threshold')) as HTMLInputElement;
    expect(check.checked).toBe(true);
    fireEvent.click(check);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(client.faq.savedSettings[0]?.answerThreshold).toBeNull();
  });

  it('is read-only for agents who are not admins', async () => {
    const { misses } = await openPage(AGENT);
    expect(misses.readOnly).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect((screen.getByLabelText('Override the default threshold') as HTMLInputElement).disabled).toBe(true);
  });
});

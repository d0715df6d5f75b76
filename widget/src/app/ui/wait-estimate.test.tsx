/** Issue 10: the Waiting view says the place in the queue and the usual wait honestly, live, in en and pl. */
import { translator, WIDGET_CATALOGS } from '@frontdesk/shared/i18n';
import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServer } from '../test-support/fake-server.ts';
import { mountWidget, unmountAll } from '../test-support/mount.ts';
import { waitText } from './Waiting.tsx';

afterEach(() => unmountAll());

const en = translator(WIDGET_CATALOGS.en);
const pl = translator(WIDGET_CATALOGS.pl);

describe('wait text', () => {
  it('a range, up to, under a minute, or no estimate', () => {
    expect(waitText({ minMinutes: 2, maxMinutes: 5 }, en, 'en')).toBe('Usual wait: 2–5 minutes.');
    expect(waitText({ minMinutes: 0, maxMinutes: 1 }, en, 'en')).toBe('Usual wait: up to 1 minute.');
    expect(waitText({ minMinutes: 0, maxMinutes: 0 }, en, 'en')).toBe('Usual wait: less than a minute.');
    expect(waitText(null, en, 'en')).toBe('We cannot estimate the wait right now.');
  });

  it('Polish plural forms agree with the upper end', () => {
    expect(waitText({ minMinutes: 2, maxMinutes: 4 }, pl, 'pl')).toBe('Zwykle czeka się 2–4 minuty.');
    expect(waitText({ minMinutes: 2, maxMinutes: 5 }, pl, 'pl')).toBe('Zwykle czeka się 2–5 minut.');
    expect(waitText({ minMinutes: 20, maxMinutes: 22 }, pl, 'pl')).toBe('Zwykle czeka się 20–22 minuty.');
    expect(waitText({ minMinutes: 0, maxMinutes: 1 }, pl, 'pl')).toBe('Zwykle czeka się do 1 minuty.');
    expect(waitText({ minMinutes: 0, maxMinutes: 3 }, pl, 'pl')).toBe('Zwykle czeka się do 3 minut.');
    expect(waitText(null, pl, 'pl')).toBe('Nie możemy teraz oszacować czasu oczekiwania.');
  });
});

describe('Waiting view', () => {
  it('shows the position and the estimate, and follows live updates (estimate gone: says so)', async () => {
    const server = createFakeServer();
    server.add({ author: 'system', kind: 'event', meta: { event: { name: 'queued' } } });
    server.setConversation(
      {
        state: 'queued',
        queue: {
          position: 2,
          waitingSince: '2026-01-01T00:00:00Z',
          estimate: { minMinutes: 2, maxMinutes: 5 },
        },
      },
      false,
    );
    const { ui } = await mountWidget(server, { locale: 'pl' });
    expect(ui.getByRole('status').textContent).toContain('Jesteś 2. w kolejce. Zwykle czeka się 2–5 minut.');
    server.setConversation({
      state: 'queued',
      queue: { position: 1, waitingSince: '2026-01-01T00:00:00Z', estimate: null },
    });
    await waitFor(() =>
      expect(ui.getByRole('status').textContent).toContain(
        'Jesteś 1. w kolejce. Nie możemy teraz oszacować czasu oczekiwania.',
      ),
    );
  });

  it('a visitor who comes back sees the conversation requeued', async () => {
    const server = createFakeServer();
    server.add({ author: 'system', kind: 'event', meta: { event: { name: 'queued' } } });
    server.add({ author: 'system', kind: 'event', meta: { event: { name: 'abandoned' } } });
    server.add({ author: 'system', kind: 'event', meta: { event: { name: 'requeued' } } });
    server.setConversation(
      { state: 'queued', queue: { position: 1, waitingSince: '2026-01-01T00:00:00Z', estimate: null } },
      false,
    );
    const { ui } = await mountWidget(server, { locale: 'en' });
    const notes = [...ui.getByRole('log').querySelectorAll('.note')].map((n) => n.textContent);
    expect(notes).toEqual([
      'You asked to talk to a person',
      'You left the queue',
      'You are back in the queue',
    ]);
    expect(ui.getByRole('status').textContent).toContain('You are number 1 in the queue.');
  });
});

import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
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

const LABEL = 'E-mail the agents of this site about a new offline message when nobody is online';

describe('E-mail notifications section', () => {
  it('admins switch the offline-message notice off and on', async () => {
    const client = createMemoryClient({ agent: ADMIN });
    renderApp(client);
    const box = (await screen.findByLabelText(LABEL)) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(await screen.findByText('Saved.')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText(LABEL) as HTMLInputElement).checked).toBe(false));
    expect(client.admin.calls.at(-2)).toEqual({
      name: 'patchSite',
      args: ['site1', { notifyAgentsOfOfflineMessages: false }],
    });
  });

  it('is not shown to agents', async () => {
    renderApp(createMemoryClient({ agent: AGENT }));
    await screen.findByLabelText('Misses before offering a person');
    expect(screen.queryByLabelText(LABEL)).toBeNull();
  });
});

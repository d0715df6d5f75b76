import { PREVIEW_MESSAGE, type WidgetSite } from '@frontdesk/shared';
import { WIDGET_CATALOGS } from '@frontdesk/shared/i18n';
import { afterEach, describe, expect, it } from 'vitest';
import { startPreview } from './preview.ts';
import { settle } from './test-support/fake-server.ts';

const site: WidgetSite = {
  name: 'Acme',
  color: '#1f5fbf',
  locale: null,
  greeting: 'Hello from the preview!',
  quickReplies: [{ type: 'handoff', label: 'A person, please' }],
  agentsOnline: 1,
  title: 'Acme help',
};

const post = (data: unknown, origin = window.location.origin) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin }));

afterEach(() => {
  document.body.innerHTML = '';
});

describe('widget preview', () => {
  it('shows a site posted from the same origin: greeting and quick replies, composer disabled; ignores other origins', async () => {
    startPreview(window);
    await settle();
    const root = document.body.querySelector('div')?.shadowRoot;
    expect(root?.querySelector('[role="dialog"]')).not.toBeNull();
    post({ type: PREVIEW_MESSAGE, site: { ...site, title: 'Evil' } }, 'https://evil.example');
    await settle();
    expect(root?.textContent).not.toContain('Evil');
    post({ type: PREVIEW_MESSAGE, site, locale: 'pl' });
    await settle();
    expect(root?.querySelector('h2')?.textContent).toBe('Acme help');
    expect(root?.textContent).toContain('Hello from the preview!');
    expect(root?.textContent).toContain('A person, please');
    expect(root?.textContent).toContain('Podgląd: wiadomości nie są wysyłane.');
    expect(root?.querySelector('textarea')?.disabled).toBe(true);
    // The preview looks like the real widget: the usual placeholder, the preview notice above.
    expect(Object.values(WIDGET_CATALOGS).map((catalog) => catalog.composerPlaceholder)).toContain(
      root?.querySelector('textarea')?.placeholder,
    );
  });
});

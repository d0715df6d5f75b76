import {
  API,
  afterLoadEmbed,
  DEFAULT_APPEARANCE,
  FRONTDESK_STUB,
  PATHS,
  PREVIEW_MESSAGE,
} from '@frontdesk/shared';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { siteDetail } from '../testing/memory-admin.ts';
import { ADMIN, AGENT, createMemoryClient } from '../testing/memory-client.ts';
import { holdPreviewPage } from '../testing/preview-page.ts';
import { renderApp } from '../testing/render.tsx';

beforeEach(() => {
  location.hash = '#/appearance';
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  location.hash = '';
  localStorage.clear();
});

const SHOP = siteDetail('site1', {
  name: 'Shop',
  key: 'shop-key',
  appearance: {
    ...DEFAULT_APPEARANCE,
    color: '#1d4ed8',
    greeting: { en: 'Hi there!', pl: 'Dzień dobry!' },
    quickReplies: { en: [{ type: 'handoff', label: 'Talk to a person' }] },
  },
});

/**
 * Opens the page with the preview page held back, spies on what the page posts into the frame's
 * window, then lets the frame load (`load: false` keeps it held; call `release`).
 */
async function openPage({ load = true } = {}) {
  const release = holdPreviewPage();
  const client = createMemoryClient({ agent: ADMIN, admin: { sites: [SHOP] } });
  renderApp(client);
  const frame = (await screen.findByTitle('Widget preview')) as HTMLIFrameElement;
  const target = frame.contentWindow;
  if (!target) throw new Error('the preview frame has no window');
  const post = vi.spyOn(target, 'postMessage');
  if (load) release();
  return { client, frame, post, release };
}

const lastPost = (post: { mock: { calls: unknown[][] } }) => post.mock.calls.at(-1);

describe('Appearance page', () => {
  it('points the preview frame at the widget preview and posts the form after the frame loads', async () => {
    const { frame, post } = await openPage();
    expect(frame.getAttribute('src')).toBe(API.widgetPreview);
    await waitFor(() => expect(post).toHaveBeenCalled());
    const [message, origin] = lastPost(post)!;
    expect(origin).toBe(location.origin);
    expect(message).toMatchObject({
      type: PREVIEW_MESSAGE,
      locale: 'en',
      site: {
        name: 'Shop',
        color: '#1d4ed8',
        position: 'right',
        greeting: 'Hi there!',
        quickReplies: [{ type: 'handoff', label: 'Talk to a person' }],
        launcherLabel: null,
        logoUrl: null,
      },
    });
  });

  it('posts every change: texts, position, the language tab', async () => {
    const { post } = await openPage();
    await waitFor(() => expect(post).toHaveBeenCalled());

    fireEvent.input(screen.getByLabelText('Launcher button label'), { target: { value: 'Chat with us' } });
    await waitFor(() =>
      expect(lastPost(post)?.[0]).toMatchObject({ site: { launcherLabel: 'Chat with us' } }),
    );
    fireEvent.click(screen.getByLabelText('Bottom left'));
    await waitFor(() => expect(lastPost(post)?.[0]).toMatchObject({ site: { position: 'left' } }));

    fireEvent.click(screen.getByRole('tab', { name: 'Polish' }));
    await waitFor(() =>
      expect(lastPost(post)?.[0]).toMatchObject({
        locale: 'pl',
        site: { locale: 'pl', greeting: 'Dzień dobry!', launcherLabel: null, position: 'left' },
      }),
    );
    expect((screen.getByLabelText('Greeting') as HTMLTextAreaElement).value).toBe('Dzień dobry!');
  });

  it('does not post before the frame has loaded', async () => {
    const { post, release } = await openPage({ load: false });
    fireEvent.input(screen.getByLabelText('Header title'), { target: { value: 'Help' } });
    await screen.findByDisplayValue('Help');
    expect(post).not.toHaveBeenCalled();
    release();
    await waitFor(() => expect(lastPost(post)?.[0]).toMatchObject({ site: { title: 'Help' } }));
  });

  it('shows the contrast problem inline, keeps the last good colour in the preview and saves nothing', async () => {
    const { client, post } = await openPage();
    const hex = screen.getByLabelText('Colour code');
    fireEvent.input(hex, { target: { value: '#7a7a7a' } });
    await screen.findByText(/too little contrast/);
    expect(hex.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(lastPost(post)?.[0]).toMatchObject({ site: { color: '#1d4ed8' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Some fields need fixing; see the messages next to them.');
    expect(client.admin.calls.filter((c) => c.name === 'patchSite')).toEqual([]);

    fireEvent.input(hex, { target: { value: '#0F766E' } });
    await waitFor(() => expect(screen.queryByText(/too little contrast/)).toBeNull());
    await waitFor(() => expect(lastPost(post)?.[0]).toMatchObject({ site: { color: '#0f766e' } }));
  });

  it('saves the appearance with the texts per language and quick replies', async () => {
    const { client } = await openPage();
    fireEvent.input(screen.getByLabelText('Colour code'), { target: { value: '#0F766E' } });
    fireEvent.input(screen.getByLabelText('Header title'), { target: { value: 'Shop help' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a quick reply' }));
    const reply = screen.getByRole('group', { name: 'Quick reply 2' });
    fireEvent.change(within(reply).getByLabelText('Kind'), { target: { value: 'faq' } });
    fireEvent.input(within(reply).getByLabelText('Label'), { target: { value: 'Returns' } });
    fireEvent.input(within(reply).getByLabelText('FAQ entry id'), { target: { value: 'returns' } });
    fireEvent.click(screen.getByRole('tab', { name: 'Polish' }));
    fireEvent.input(screen.getByLabelText('Header subtitle'), { target: { value: 'Odpowiadamy szybko' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    const saved = client.admin.sites.get('site1')!.appearance;
    expect(saved).toEqual({
      color: '#0f766e',
      position: 'right',
      launcherLabel: {},
      title: { en: 'Shop help' },
      subtitle: { pl: 'Odpowiadamy szybko' },
      greeting: { en: 'Hi there!', pl: 'Dzień dobry!' },
      quickReplies: {
        en: [
          { type: 'handoff', label: 'Talk to a person' },
          { type: 'faq', label: 'Returns', faqId: 'returns' },
        ],
      },
      logoUrl: null,
      titleFlash: false,
      sound: false,
      sneakPeek: false,
    });
  });

  it('issue 13: sneak peek is off until the checkbox turns it on, and is saved', async () => {
    const { client } = await openPage();
    const box = screen.getByRole('checkbox', { name: /Sneak peek/ }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(client.admin.sites.get('site1')!.appearance.sneakPeek).toBe(true);
  });

  it('the title flash is off until the checkbox turns it on, and is saved', async () => {
    const { client } = await openPage();
    const box = screen.getByRole('checkbox', {
      name: 'Flash the page title when a new message arrives while the chat is closed',
    }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Saved.');
    expect(client.admin.sites.get('site1')!.appearance.titleFlash).toBe(true);
  });

  it('shows a refused field with the schema message next to it', async () => {
    const { client } = await openPage();
    fireEvent.click(screen.getByRole('button', { name: 'Add a quick reply' }));
    const reply = screen.getByRole('group', { name: 'Quick reply 2' });
    fireEvent.change(within(reply).getByLabelText('Kind'), { target: { value: 'faq' } });
    fireEvent.input(within(reply).getByLabelText('Label'), { target: { value: 'Returns' } });
    fireEvent.input(within(reply).getByLabelText('FAQ entry id'), { target: { value: 'Not An Id!' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/lower-case letters/);
    expect(client.admin.calls.filter((c) => c.name === 'patchSite')).toEqual([]);
  });

  it('uploads and removes the logo, and the preview shows it', async () => {
    const { client, post } = await openPage();
    const file = new File(['png'], 'logo.png', { type: 'image/png' });
    fireEvent.change(screen.getByLabelText('Logo'), { target: { files: [file] } });
    await screen.findByText('Image uploaded.');
    expect(client.admin.uploads).toEqual([{ target: 'logo:site1', file }]);
    const img = screen.getByAltText('Logo of Shop') as HTMLImageElement;
    expect(img.getAttribute('src')).toMatch(/^\/images\//);
    await waitFor(() =>
      expect(lastPost(post)?.[0]).toMatchObject({ site: { logoUrl: img.getAttribute('src') } }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove image' }));
    await screen.findByText('Image removed.');
    expect(screen.queryByAltText('Logo of Shop')).toBeNull();
    expect(client.admin.sites.get('site1')!.appearance.logoUrl).toBeNull();
  });

  it('refuses a file that is not an image before sending', async () => {
    const { client } = await openPage();
    const file = new File(['x'], 'notes.txt', { type: 'text/plain' });
    fireEvent.change(screen.getByLabelText('Logo'), { target: { files: [file] } });
    await screen.findByText('Choose an image file (PNG, JPEG, WebP or GIF).');
    expect(client.admin.uploads).toEqual([]);
  });

  it('offers the after-load embed first (recommended), then the plain tags, and copies it', async () => {
    await openPage();
    const afterLoad = screen.getByLabelText('After the page has loaded (recommended)') as HTMLTextAreaElement;
    const own = screen.getByLabelText('Plain tag with this site’s loader') as HTMLTextAreaElement;
    const generic = screen.getByLabelText(
      'Plain tag with the generic loader and the site key',
    ) as HTMLTextAreaElement;
    const ownSrc = `${location.origin}${API.siteLoader('shop-key')}`;
    expect(afterLoad.value).toBe(afterLoadEmbed({ src: ownSrc }));
    expect(afterLoad.value).toContain(FRONTDESK_STUB);
    expect(afterLoad.value).toContain(`s.src="${ownSrc}"`);
    expect(afterLoad.getAttribute('aria-describedby')).toBe('embed-after-load-hint');
    expect(document.getElementById('embed-after-load-hint')?.textContent).toContain('finished loading');
    expect(own.value).toBe(`<script src="${ownSrc}" async></script>`);
    expect(generic.value).toBe(
      `<script src="${location.origin}${PATHS.loader}" data-site="shop-key" async></script>`,
    );
    const writeText = vi.fn(async (_text: string) => {});
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    fireEvent.click(screen.getAllByRole('button', { name: 'Copy' })[0]!);
    await screen.findByText('Copied.');
    expect(writeText).toHaveBeenCalledWith(afterLoad.value);
  });

  it('selects the snippet when the clipboard is refused', async () => {
    await openPage();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const writeText = vi.fn(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    fireEvent.click(screen.getAllByRole('button', { name: 'Copy' })[2]!);
    await screen.findByText(/the text is selected/);
    const generic = screen.getByLabelText(
      'Plain tag with the generic loader and the site key',
    ) as HTMLTextAreaElement;
    expect(document.activeElement).toBe(generic);
    expect(screen.queryByText('Copied.')).toBeNull();
    expect(warn).toHaveBeenCalled();
  });

  it('is in Polish with the Polish console', async () => {
    renderApp(createMemoryClient({ agent: ADMIN, admin: { sites: [SHOP] } }), 'pl');
    await screen.findByRole('heading', { name: 'Wygląd', level: 1 });
    await screen.findByTitle('Podgląd widżetu');
    expect(screen.queryByLabelText('Kod koloru')).not.toBeNull();
    expect(screen.getByRole('tab', { name: 'polski' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.queryByRole('heading', { name: 'Kod do osadzenia' })).not.toBeNull();
    expect(screen.queryByLabelText('Po załadowaniu strony (zalecany)')).not.toBeNull();
  });

  it('is not offered to agents', async () => {
    renderApp(createMemoryClient({ agent: AGENT }));
    await screen.findByText('Only administrators can make changes.');
    const nav = screen.getByRole('navigation', { name: 'Console sections' });
    expect(within(nav).queryByRole('link', { name: 'Appearance' })).toBeNull();
    expect(screen.queryByTitle('Widget preview')).toBeNull();
  });
});

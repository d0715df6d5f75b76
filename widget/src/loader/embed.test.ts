/**
 * Issue 17, the after-load embed with the real loader: the snippet (`afterLoadEmbedScript`, the text
 * the console and the README show) defines the stub, the page queues commands, the snippet adds the
 * loader's script element, and the loader, when it runs, takes its options from that element and
 * replays the queued commands in order. Also: the README shows exactly these snippets.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterLoadEmbed, afterLoadEmbedScript, FRONTDESK_STUB, plainEmbed } from '@frontdesk/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';

/** happy-dom's own settings (its window's `happyDOM`), not in the DOM's types. */
type HappyDomSettings = { handleDisabledFileLoadingAsSuccess: boolean };
const happyDom = () => (window as unknown as { happyDOM: { settings: HappyDomSettings } }).happyDOM.settings;
const loadingAsSuccess = happyDom().handleDisabledFileLoadingAsSuccess;

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  happyDom().handleDisabledFileLoadingAsSuccess = loadingAsSuccess;
});

describe('the after-load embed with the real loader', () => {
  it('the loader replays the commands queued before it, with the options the snippet set', async () => {
    document.documentElement.lang = 'pl';
    // No app chunk in a unit test: the loader's import of it fails, and it logs that.
    vi.stubGlobal('__FRONTDESK_APP__', '/widget/no-app-in-unit-tests.js');
    // The test plays the browser that loads the snippet's script element: it imports the loader itself
    // below. happy-dom loads no script files, and reported that one as failed (a DOMException on the
    // console); it is told to count it as loaded, as the page it stands for would.
    happyDom().handleDisabledFileLoadingAsSuccess = true;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    new Function(
      afterLoadEmbedScript({ src: 'http://127.0.0.1:9/widget.js', site: 'shop', locale: 'page' }),
    )();
    const stub = window.Frontdesk;
    const seen: unknown[] = [];
    window.Frontdesk?.('on', 'open', (payload: unknown) => seen.push(payload));
    window.Frontdesk?.('hide');
    expect(Array.from(stub?.q ?? [], (args) => Array.from(args)[0])).toEqual(['on', 'hide']);

    // The page had loaded (happy-dom's document is complete), so the snippet added the loader at once.
    const script = document.querySelector<HTMLScriptElement>('script[src$="/widget.js"]');
    expect(script?.dataset).toMatchObject({ site: 'shop', locale: 'pl' });
    expect(script?.async).toBe(true);

    await import('./loader.ts');
    expect(window.Frontdesk).not.toBe(stub);
    const host = document.querySelector('frontdesk-widget');
    const button = host?.shadowRoot?.querySelector('button');
    expect(button?.getAttribute('aria-label')).toBe('Otwórz czat');
    // `hide`, queued before the loader existed, was replayed: the launcher is hidden.
    expect(button?.hidden).toBe(true);
    await vi.waitFor(() =>
      expect(logged).toHaveBeenCalledWith('[frontdesk] could not load the chat', expect.anything()),
    );
  });
});

describe('the README', () => {
  const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../README.md'), 'utf8');
  it('shows the embeds shared writes, not a copy written by hand', () => {
    const example = { src: 'https://chat.example.com/widget.js', site: 'YOUR_SITE_KEY' };
    expect(readme).toContain(`\`\`\`html\n${plainEmbed(example)}\n\`\`\``);
    expect(readme).toContain(`\`\`\`html\n${afterLoadEmbed(example)}\n\`\`\``);
    expect(readme).toContain(`\`\`\`html\n<script>${FRONTDESK_STUB.slice(0, -1)}</script>\n\`\`\``);
  });
});

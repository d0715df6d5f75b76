/** Mounts a whole widget against a fake server in the test document, opened; `unmountAll` cleans up. */
import type { Locale } from '@frontdesk/shared';
import type { RenderMarkdown } from '@frontdesk/shared/markdown';
import { within } from '@testing-library/preact';
import { vi } from 'vitest';
import type { LoaderApi, WidgetHandle } from '../../loader-api.ts';
import { type KeyValueStore, memoryStore } from '../../storage.ts';
import { createWidget } from '../widget.tsx';
import { type FakeServer, settle } from './fake-server.ts';

const mounted: { handle: WidgetHandle; host: HTMLElement }[] = [];

export type MountOptions = {
  locale?: Locale;
  storage?: KeyValueStore;
  loadMarkdown?: () => Promise<RenderMarkdown>;
};

export async function mountWidget(server: FakeServer, options: MountOptions = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const api: LoaderApi = { emit: vi.fn(), setOpen: vi.fn(), focusLauncher: vi.fn() };
  const storage = options.storage ?? memoryStore();
  const handle = createWidget({
    root: host,
    options: { base: 'https://chat.example', siteKey: 'site-1', locale: options.locale ?? 'en', color: null },
    api,
    transport: server.transport,
    storage,
    win: window,
    retryDelayMs: () => 5,
    ...(options.loadMarkdown ? { loadMarkdown: options.loadMarkdown } : {}),
  });
  mounted.push({ handle, host });
  handle.open();
  await settle();
  return { api, handle, host, storage, ui: within(host) };
}

export function unmountAll() {
  for (const { handle, host } of mounted.splice(0)) {
    handle.unmount();
    host.remove();
  }
}

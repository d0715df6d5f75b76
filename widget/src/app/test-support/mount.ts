/** Mounts a whole widget against a fake server in the test document, opened; `unmountAll` cleans up. */
import type { Locale } from '@frontdesk/shared';
import { LOADER_CATALOGS } from '@frontdesk/shared/i18n/loader';
import type { RenderMarkdown } from '@frontdesk/shared/markdown';
import { within } from '@testing-library/preact';
import { vi } from 'vitest';
import { createLauncher } from '../../loader/launcher.ts';
import type { LoaderApi, WidgetHandle } from '../../loader-api.ts';
import { type KeyValueStore, memoryStore } from '../../storage.ts';
import type { Chime } from '../chime.ts';
import { createWidget } from '../widget.tsx';
import { type FakeServer, settle } from './fake-server.ts';

const mounted: { handle: WidgetHandle; host: HTMLElement }[] = [];

export type MountOptions = {
  locale?: Locale;
  storage?: KeyValueStore;
  loadMarkdown?: () => Promise<RenderMarkdown>;
  /** Mount into a real launcher's shadow root (as the loader does), so the badge has a button. */
  launcher?: boolean;
  /** Open the panel after mounting (default: yes). */
  open?: boolean;
  chime?: Chime;
};

export async function mountWidget(server: FakeServer, options: MountOptions = {}) {
  const host = document.createElement('div');
  document.body.append(host);
  const launcher = options.launcher
    ? createLauncher(document, LOADER_CATALOGS[options.locale ?? 'en'], null)
    : null;
  if (launcher) host.append(launcher.host);
  const api: LoaderApi = {
    emit: vi.fn(),
    setOpen: vi.fn<(open: boolean) => void>(launcher?.setOpen),
    focusLauncher: vi.fn(),
  };

  const storage = options.storage ?? memoryStore();
  const handle = createWidget({
    root: launcher?.root ?? host,
    options: { base: 'https://chat.example', siteKey: 'site-1', locale: options.locale ?? 'en', color: null },
    api,
    transport: server.transport,
    storage,
    win: window,
    retryDelayMs: () => 5,
    ...(options.loadMarkdown ? { loadMarkdown: options.loadMarkdown } : {}),
    ...(options.chime ? { chime: options.chime } : {}),
  });
  mounted.push({ handle, host });
  if (options.open !== false) handle.open();
  await settle();
  return {
    api,
    handle,
    host,
    storage,
    launcher,
    ui: within(launcher ? (launcher.root as unknown as HTMLElement) : host),
  };
}

export function unmountAll() {
  for (const { handle, host } of mounted.splice(0)) {
    handle.unmount();
    host.remove();
  }
}

/**
 * The app chunk's entry, imported by the loader: `mount(root, options, api)` with the socket.io
 * transport and browser storage. Everything else is in `widget.tsx`.
 */
import { adoptStyles } from '../accent.ts';
import type { MountWidget } from '../loader-api.ts';
import { browserStore } from '../storage.ts';
import { createSocketTransport } from '../transport/index.ts';
import { APP_CSS } from './ui/styles.ts';
import { createWidget } from './widget.tsx';

export const mount: MountWidget = (root, options, api) => {
  adoptStyles(root, APP_CSS);
  const storage = browserStore(window);
  const transport = createSocketTransport({ base: options.base, siteKey: options.siteKey, store: storage });
  return createWidget({ root, options, api, transport, storage, win: window });
};

export { startPreview } from './preview.ts';

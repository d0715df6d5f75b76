/**
 * `widget.js`: reads its script tag, draws the launcher, installs `window.Frontdesk`, and imports
 * the app chunk only when it is likely to be needed (hover, focus, click, a command, or the app's
 * "wake early" flag: an unfinished conversation, or the panel was open on the last page, which the
 * app then opens again). Opens no socket itself.
 */
import type { LoaderPreset } from '@frontdesk/shared';
import { LOADER_CATALOGS } from '@frontdesk/shared/i18n/loader';
import type { AppModule, LoaderApi, WidgetHandle, WidgetOptions } from '../loader-api.ts';
import { storageKey } from '../storage.ts';
import { createCommands } from './commands.ts';
import { createLauncher } from './launcher.ts';
import { findScript, readOptions } from './options.ts';

function hasActiveConversation(siteKey: string): boolean {
  try {
    return window.localStorage.getItem(storageKey(siteKey, 'active')) === '1';
  } catch {
    // Storage blocked: the visitor is session-only, so there is no conversation to resume.
    return false;
  }
}

function start(options: WidgetOptions, preset?: LoaderPreset): void {
  const launcher = createLauncher(
    document,
    LOADER_CATALOGS[options.locale],
    options.color,
    preset?.s,
    preset?.t[options.locale],
  );
  let app: Promise<AppModule> | null = null;
  let mounting: Promise<WidgetHandle> | null = null;

  const load = (): Promise<AppModule> =>
    (app ??= (import(/* @vite-ignore */ options.base + __FRONTDESK_APP__) as Promise<AppModule>).catch(
      (error: unknown) => {
        app = null;
        console.error('[frontdesk] could not load the chat', error);
        throw error;
      },
    ));

  const api: LoaderApi = {
    emit: (event, payload) => commands.emit(event, payload),
    setOpen: launcher.setOpen,
    focusLauncher: () => launcher.button.focus(),
  };

  const mount = (): Promise<WidgetHandle> =>
    (mounting ??= load().then(
      (module) => {
        const handle = module.mount(launcher.root, options, api);
        commands.attach(handle);
        return handle;
      },
      (error: unknown) => {
        mounting = null;
        throw error;
      },
    ));

  // Failures are logged by `load`; forget the commands so a later click starts from a clean slate.
  const needApp = () => void mount().catch(() => commands.clear());
  const commands = createCommands(needApp, (hidden) => {
    launcher.button.hidden = hidden;
  });
  // `load` is memoised: a second hover costs nothing, and after a failed load it tries again.
  const prefetch = () => void load().catch(String); // logged by load
  launcher.button.addEventListener('pointerenter', prefetch);
  launcher.button.addEventListener('focus', prefetch);
  launcher.button.addEventListener('click', () => commands.run(['toggle']));

  // Replay commands a host page queued through a stub before this script arrived.
  const queued = window.Frontdesk?.q ?? [];
  window.Frontdesk = (...args: unknown[]) => commands.run(args);
  // `queued` cannot grow any more: `window.Frontdesk` is no longer the stub.
  for (const args of queued) commands.run(args);

  const attach = () => document.body.append(launcher.host);
  if (document.body) attach();
  else document.addEventListener('DOMContentLoaded', attach, { once: true });

  // Storage is read in idle time too: the first `localStorage` access of a page can wait on the
  // browser process, and nothing before the launcher's first paint needs it.
  const wake = () => hasActiveConversation(options.siteKey) && needApp();
  if ('requestIdleCallback' in window) window.requestIdleCallback(wake, { timeout: 4000 });
  else setTimeout(wake, 1500);
}

const preset = window.__frontdesk_site;
const options = readOptions(findScript(document), navigator.languages ?? [], preset);
if (options) start(options, preset);
else console.error('[frontdesk] no data-site');

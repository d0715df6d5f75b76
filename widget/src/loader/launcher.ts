/**
 * The launcher: a host element with a Shadow DOM root (host CSS cannot reach in) holding one round
 * button. Styles go through a constructable stylesheet, colours through CSSOM: nothing a strict
 * `style-src 'self'` would block.
 */
import { adoptStyles, DEFAULT_ACCENT } from '../accent.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const CHAT_ICON = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z';
const CLOSE_ICON =
  'M5 6.4 6.4 5l5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6z';

/** `!important` on `:host` beats the host page's own rules for our element; fixed makes it a block. */
export const LAUNCHER_CSS =
  ':host{all:initial!important;position:fixed!important;right:20px!important;bottom:20px!important;z-index:2147483000!important}' +
  `:host>button{all:unset;width:56px;height:56px;border-radius:50%;display:grid;place-items:center;cursor:pointer;background:var(--fd-accent,${DEFAULT_ACCENT});color:var(--fd-on-accent,#fff);box-shadow:0 4px 14px #0004}` +
  ':host>button[hidden]{display:none}' +
  ':host>button:focus-visible{outline:3px solid #111;outline-offset:3px;box-shadow:0 0 0 3px #fff}' +
  ':host>button>svg{width:28px;height:28px;fill:currentColor;stroke:#0009;stroke-width:.8px}' +
  '@media (forced-colors:active){:host>button{border:2px solid}}';

export type LauncherLabels = { open: string; close: string };

export type Launcher = {
  host: HTMLElement;
  root: ShadowRoot;
  button: HTMLButtonElement;
  setOpen(open: boolean): void;
};

/**
 * Builds the launcher; the caller appends `host` to the page. `css` (from the per-site loader) adds
 * to the built-in styles (the site's colour, side, label); `text` is a visible label beside the icon.
 */
export function createLauncher(
  doc: Document,
  labels: LauncherLabels,
  color: string | null,
  css = '',
  text?: string,
): Launcher {
  const host = doc.createElement('frontdesk-widget');
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, LAUNCHER_CSS + css);
  // The app sets `--fd-on-accent` from the accent's luminance; until then the icon is white with a
  // dark outline, which stays visible on any accent.
  if (color) host.style.setProperty('--fd-accent', color);

  const button = doc.createElement('button');
  const svg = doc.createElementNS(SVG_NS, 'svg');
  const path = doc.createElementNS(SVG_NS, 'path');
  button.type = 'button';
  button.setAttribute('aria-haspopup', 'dialog');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.append(path);
  button.append(svg);
  if (text) button.append(text);
  root.append(button);

  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', open ? labels.close : labels.open);
    path.setAttribute('d', open ? CLOSE_ICON : CHAT_ICON);
  };
  setOpen(false);
  return { host, root, button, setOpen };
}

/**
 * The launcher: a host element with a Shadow DOM root (host CSS cannot reach in) holding one round
 * button. Styles go through a constructable stylesheet, colours through CSSOM: nothing a strict
 * `style-src 'self'` would block.
 *
 * The icon is CSS, not SVG (issue 17): an `<i>` whose `::before` is clipped to the icon's path
 * (`clip-path: path()`), switched between chat and close by the button's `aria-expanded`. The first
 * SVG element of a page and its attributes cost ≈ 7 ms of script at a 4× CPU slowdown, more than
 * any other part of the launcher (docs/BENCHMARKS.md, "Issue 17, host page").
 */
import { adoptStyles, DEFAULT_ACCENT } from '../accent.ts';

/** 24 × 24 px paths, drawn at 28 px (`scale`). */
const CHAT_ICON = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z';
const CLOSE_ICON =
  'M5 6.4 6.4 5l5.6 5.6L17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6z';

/** `!important` on `:host` beats the host page's own rules for our element; fixed makes it a block. */
export const LAUNCHER_CSS =
  ':host{all:initial!important;position:fixed!important;right:20px!important;bottom:20px!important;z-index:2147483000!important}' +
  `:host>button{all:unset;width:56px;height:56px;border-radius:50%;display:grid;place-items:center;cursor:pointer;background:var(--fd-accent,${DEFAULT_ACCENT});color:var(--fd-on-accent,#fff);box-shadow:0 4px 14px #0004}` +
  ':host>button[hidden]{display:none}' +
  ':host>button:focus-visible{outline:3px solid #111;outline-offset:3px;box-shadow:0 0 0 3px #fff}' +
  // The two drop shadows outline the icon, so it stays visible on a light accent until the app sets
  // `--fd-on-accent`. The icon's fill is a background, which forced colours would turn into the
  // button's own colour: `forced-color-adjust:none` and `ButtonText` keep it visible there.
  ':host>button>i{width:24px;height:24px;scale:1.17;filter:drop-shadow(0 0 .4px #000)drop-shadow(0 0 .4px #000)}' +
  `:host>button>i::before{content:"";display:block;height:100%;background:currentColor;forced-color-adjust:none;clip-path:path("${CHAT_ICON}")}` +
  `:host>button[aria-expanded=true]>i::before{clip-path:path("${CLOSE_ICON}")}` +
  '@media (forced-colors:active){:host>button{border:2px solid}:host>button>i{filter:none}:host>button>i::before{background:ButtonText}}';

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
  button.type = 'button';
  button.setAttribute('aria-haspopup', 'dialog');
  // An empty `<i>` has no text for assistive technology; the button's name is its `aria-label`.
  button.append(doc.createElement('i'));
  if (text) button.append(text);
  root.append(button);

  // The icon follows `aria-expanded` in CSS.
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    button.setAttribute('aria-label', open ? labels.close : labels.open);
  };
  setOpen(false);
  return { host, root, button, setOpen };
}

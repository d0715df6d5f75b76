/**
 * Drawing attention to messages the visitor has not seen: an unread badge on the launcher (and the
 * count in its accessible name), and, when the site turns it on, the host page's title alternating
 * with "(2) New message" while the page is hidden or the panel is closed. Lives in the app chunk:
 * the loader only draws the button.
 */
import type { Locale } from '@frontdesk/shared';
import { pluralCategory } from '@frontdesk/shared/i18n';
import type { Translate } from './ui/context.ts';

/** How long each of the two titles shows. */
export const TITLE_FLASH_MS = 1500;

export type AttentionState = {
  /** Unread agent and bot messages (the panel is closed while this is above 0). */
  unread: number;
  open: boolean;
  titleFlash: boolean;
};

export type Attention = {
  update(state: AttentionState): void;
  /** A message arrived while the page was hidden (counted for the title even with the panel open). */
  arrivedHidden(): void;
  /** Issue 13: `setLocale`: the badge's label, the title and the launcher's label in the new language. */
  setStrings(t: Translate, locale: Locale): void;
  stop(): void;
};

/** The loader's launcher button, the first child of its shadow root; none in tests and the preview. */
export function findLauncher(root: ShadowRoot | HTMLElement): HTMLButtonElement | null {
  const first = 'host' in root ? root.firstElementChild : null;
  return first?.tagName === 'BUTTON' ? (first as HTMLButtonElement) : null;
}

export function createAttention(deps: {
  doc: Document;
  launcher: HTMLButtonElement | null;
  t: Translate;
  locale: Locale;
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (id: never) => void;
}): Attention {
  const { doc, launcher } = deps;
  let { t, locale } = deps;
  /** After `setLocale` the launcher's label is ours (the loader only knows the page's first language). */
  let relabel = false;
  let state: AttentionState = { unread: 0, open: false, titleFlash: false };
  let hiddenCount = 0;
  let badge: HTMLElement | null = null;
  let timer: unknown = null;
  /** The host page's own title, and what we last wrote (a different value means the page changed it). */
  let original = '';
  let written = '';

  const drawBadge = () => {
    if (!launcher) return;
    const { unread, open } = state;
    if (unread > 0 && !open) {
      if (!badge) {
        badge = doc.createElement('span');
        badge.className = 'unread';
        badge.setAttribute('aria-hidden', 'true');
        launcher.append(badge);
      }
      badge.textContent = unread > 99 ? '99+' : String(unread);
      launcher.setAttribute(
        'aria-label',
        t(`launcherUnread_${pluralCategory(locale, unread)}`, { count: unread }),
      );
    } else if (badge) {
      badge.remove();
      badge = null;
      if (!open) launcher.setAttribute('aria-label', t('launcherOpen'));
    } else if (relabel) launcher.setAttribute('aria-label', t(open ? 'launcherClose' : 'launcherOpen'));
  };

  const stopFlash = () => {
    if (timer === null) return;
    deps.clearInterval(timer as never);
    timer = null;
    if (doc.title === written) doc.title = original;
  };

  const flash = () => {
    const count = state.unread + hiddenCount;
    const wanted = state.titleFlash && count > 0 && (!state.open || doc.visibilityState === 'hidden');
    if (!wanted) return stopFlash();
    if (timer !== null) return;
    original = doc.title;
    written = original;
    timer = deps.setInterval(() => {
      // The page changed its own title meanwhile: that is the one to come back to.
      if (doc.title !== written) original = doc.title;
      written =
        doc.title === original ? t('titleNewMessage', { count: state.unread + hiddenCount }) : original;
      doc.title = written;
    }, TITLE_FLASH_MS);
  };

  const onVisibility = () => {
    if (doc.visibilityState === 'visible' && state.open) hiddenCount = 0;
    flash();
  };
  doc.addEventListener('visibilitychange', onVisibility);

  return {
    update(next) {
      if (next.open) hiddenCount = doc.visibilityState === 'hidden' ? hiddenCount : 0;
      state = next;
      drawBadge();
      flash();
    },
    arrivedHidden() {
      if (doc.visibilityState !== 'hidden' || !state.open) return;
      hiddenCount += 1;
      flash();
    },
    setStrings(nextT, nextLocale) {
      t = nextT;
      locale = nextLocale;
      relabel = true;
      drawBadge();
    },
    stop() {
      doc.removeEventListener('visibilitychange', onVisibility);
      stopFlash();
      badge?.remove();
      badge = null;
    },
  };
}

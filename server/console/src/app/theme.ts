/**
 * Light or dark (issue 14): the console follows the system (`prefers-color-scheme`) unless the agent
 * picked a theme; the choice is kept per agent in this browser and applied as `data-theme` on <html>,
 * which theme.css reads.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const PREFIX = 'frontdesk:console:theme:';

export const isTheme = (value: unknown): value is Theme => (THEMES as readonly unknown[]).includes(value);

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem' | 'removeItem'>;

const storage = (): Storage | null => {
  try {
    return globalThis.localStorage ?? null;
  } catch (error) {
    console.warn('[console] storage unavailable; theme not remembered', error);
    return null;
  }
};

/** The agent's saved theme in this browser; `system` when none (or storage is unavailable). */
export function loadTheme(agentId: string, store: Storage | null = storage()): Theme {
  try {
    const saved = store?.getItem(PREFIX + agentId);
    return isTheme(saved) ? saved : 'system';
  } catch (error) {
    console.warn('[console] storage unavailable; theme not remembered', error);
    return 'system';
  }
}

export function saveTheme(agentId: string, theme: Theme, store: Storage | null = storage()): void {
  try {
    if (theme === 'system') store?.removeItem(PREFIX + agentId);
    else store?.setItem(PREFIX + agentId, theme);
  } catch (error) {
    console.warn('[console] storage unavailable; theme not remembered', error);
  }
}

/** Puts the theme on the root element (`system`: no attribute, the media query decides). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

/**
 * The site the console is working on: the agent's choice, remembered in the browser (when storage is
 * allowed) and kept to the sites the agent may see. FAQ, Unanswered, Bot settings and Appearance follow it.
 */
import type { SiteSummary } from '@frontdesk/shared';

const STORAGE_KEY = 'frontdesk:console:site';

export function loadSiteChoice(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch (error) {
    console.warn('[console] storage unavailable; site choice not remembered', error);
    return null;
  }
}

export function saveSiteChoice(siteId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, siteId);
  } catch (error) {
    console.warn('[console] storage unavailable; site choice not remembered', error);
  }
}

/** The sites the switcher offers: live ones; an archived one only while it is the one chosen. */
export const switchableSites = (sites: readonly SiteSummary[], chosen: string | null): SiteSummary[] =>
  sites.filter((s) => !s.archived || s.id === chosen);

/** The chosen site if it is still there, else the first live one, else none. */
export function resolveSite(sites: readonly SiteSummary[], wanted: string | null): string | null {
  if (wanted && sites.some((s) => s.id === wanted)) return wanted;
  return (sites.find((s) => !s.archived) ?? null)?.id ?? null;
}

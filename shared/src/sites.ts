/**
 * Sites and agents as an admin manages them (issue 9): the appearance of a site's widget, the site
 * and agent records the console shows, and the defaults a new site starts with. The widget gets the
 * per-visitor view of the appearance (`WidgetSite` in `types.ts`), resolved to one language.
 */
import type { BusinessHours } from './hours.ts';
import type { Locale } from './i18n/locale.ts';
import type { AgentRole, QuickReply } from './types.ts';

export type WidgetPosition = 'right' | 'left';
export const WIDGET_POSITIONS = ['right', 'left'] as const satisfies readonly WidgetPosition[];

/** Text a site sets per language; a missing language falls back to the built-in catalog text. */
export type PerLocale<T> = Partial<Record<Locale, T>>;

export type SiteAppearance = {
  /** `#rrggbb`, with readable white or near-black text on it (see `contrast.ts`). */
  color: string;
  position: WidgetPosition;
  /** The launcher button's visible label; none: an icon-only button with the catalog's label. */
  launcherLabel: PerLocale<string>;
  /** The chat panel's header title (default: the site's name) and subtitle. */
  title: PerLocale<string>;
  subtitle: PerLocale<string>;
  greeting: PerLocale<string>;
  quickReplies: PerLocale<QuickReply[]>;
  /** An uploaded logo (path on this server, `/images/…`), or none. */
  logoUrl: string | null;
  /** Flash the host page's title while new messages wait unread (off unless the site turns it on). */
  titleFlash: boolean;
  /** A short chime when an agent or bot message arrives while the panel is closed or the page hidden. */
  sound: boolean;
  /** Issue 13, sneak peek: agents see the visitor's draft live while they type (never stored). */
  sneakPeek: boolean;
};

export const DEFAULT_APPEARANCE: SiteAppearance = {
  color: '#2563eb',
  position: 'right',
  launcherLabel: {},
  title: {},
  subtitle: {},
  greeting: {},
  quickReplies: {},
  logoUrl: null,
  titleFlash: false,
  sound: false,
  sneakPeek: false,
};

/** A site as the console lists it. */
export type SiteSummary = {
  id: string;
  key: string;
  name: string;
  archived: boolean;
  createdAt: string;
};

/** A site as an admin edits it. */
export type SiteDetail = SiteSummary & {
  allowedOrigins: string[];
  defaultLocale: Locale | null;
  appearance: SiteAppearance;
  /** Issue 10 (presence): minutes without its visitor before a queued conversation is abandoned. */
  abandonAfterMinutes?: number;
  /** Business hours (issue 10): null = no schedule (always in; only who is online decides). */
  hours?: BusinessHours | null;
  // E-mail as a channel (issue 10, mail):
  notifyAgentsOfOfflineMessages: boolean;
};

/** An agent account as an admin manages it. */
export type AgentAccount = {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  disabled: boolean;
  sites: { id: string; name: string; key: string }[];
  avatarColor: string | null;
  avatarUrl: string | null;
  /** Signed in with a generated password that must be replaced first (the first admin, resets). */
  mustChangePassword: boolean;
  createdAt: string;
};

/** The message a console page posts to the widget preview frame (same origin only). */
export const PREVIEW_MESSAGE = 'frontdesk:preview';

/**
 * What the per-site loader (`/w/SITE_KEY.js`) assigns to `window.__frontdesk_site` before the
 * built loader runs, so the launcher has the site's look from the first paint (issue 9). Short keys:
 * it is in every page load. `s` is extra launcher CSS the server writes (colour, side, label styles).
 */
export type LoaderPreset = {
  /** The site key. */
  k: string;
  /** The site's default language: used when none of the browser's languages is supported. */
  l: Locale | null;
  /** The launcher's visible label per language. */
  t: PerLocale<string>;
  s: string;
};

/** Sites: what a site is, and the storage port for the `sites` table. */
import type { Locale, QuickReply } from '@frontdesk/shared';

export type SiteSettings = {
  color: string;
  defaultLocale: Locale | null;
  greeting: Partial<Record<Locale, string>>;
  quickReplies: Partial<Record<Locale, QuickReply[]>>;
  botMissesBeforeHandoff: number;
  escalationPhrases: string[];
  /** Confidence the bot needs to answer; null = the engine's frozen default. */
  answerThreshold: number | null;
};

export type Site = {
  id: string;
  key: string;
  name: string;
  allowedOrigins: string[];
  settings: SiteSettings;
  createdAt: string;
};

export type SitePatch = Partial<Pick<Site, 'name' | 'allowedOrigins' | 'settings'>>;

export type SitesStore = {
  createSite(input: Omit<Site, 'id' | 'createdAt'>): Promise<Site>;
  getSiteByKey(key: string): Promise<Site | null>;
  getSite(id: string): Promise<Site | null>;
  /** Replaces the given fields; `settings` is replaced whole (merge before calling). Null for an unknown site. */
  updateSite(id: string, patch: SitePatch): Promise<Site | null>;
};

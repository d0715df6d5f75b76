/** Sites: what a site is, and the storage port for the `sites` table. */
import type {
  AttachmentSettings,
  BusinessHours,
  Locale,
  OfflineSettings,
  RoutingSettings,
  SiteAppearance,
} from '@frontdesk/shared';

export type SiteSettings = {
  defaultLocale: Locale | null;
  /** The widget's look and first words (colour, launcher, header, greeting, quick replies, logo). */
  appearance: SiteAppearance;
  botMissesBeforeHandoff: number;
  escalationPhrases: string[];
  /** Confidence the bot needs to answer; null = the engine's frozen default. */
  answerThreshold: number | null;
  /** Issue 10 (presence): minutes without its visitor before a queued conversation is abandoned. */
  abandonAfterMinutes: number;
  /** Issue 10: the leave-a-message form (long-wait threshold, extra questions). */
  offline: OfflineSettings;
  /** Business hours (issue 10): null = no schedule, always in (only who is online decides). */
  hours: BusinessHours | null;
  // E-mail as a channel (issue 10, mail):
  /** E-mail the site's agents about a new offline message when nobody is online. */
  notifyAgentsOfOfflineMessages: boolean;
  /** Issue 13: files in conversations (on or off, largest file, files per conversation, types). */
  attachments: AttachmentSettings;
  // Issue 12 (contacts): identity verification and retention.
  /** The HMAC secret identify hashes are checked with; null: identify is accepted as unverified. */
  identitySecret: string | null;
  identitySecretRotatedAt: string | null;
  /** Conversations without activity for this many months are deleted daily; null: kept. */
  retentionMonths: number | null;
  /** Issue 14 (routing): manual or automatic, the default capacity, the offline agent's grace. */
  routing: RoutingSettings;
};

export type Site = {
  id: string;
  key: string;
  name: string;
  allowedOrigins: string[];
  settings: SiteSettings;
  /** An archived site takes no new visitors; its data stays. */
  archived: boolean;
  createdAt: string;
};

export type NewSite = Omit<Site, 'id' | 'createdAt' | 'archived'> & { archived?: boolean };

export type SitePatch = Partial<Pick<Site, 'name' | 'allowedOrigins' | 'settings' | 'archived'>>;

export type SitesStore = {
  createSite(input: NewSite): Promise<Site>;
  getSiteByKey(key: string): Promise<Site | null>;
  getSite(id: string): Promise<Site | null>;
  /** Every site, archived ones included, by name. */
  listSites(): Promise<Site[]>;
  /** Replaces the given fields; `settings` is replaced whole (merge before calling). Null for an unknown site. */
  updateSite(id: string, patch: SitePatch): Promise<Site | null>;
};

/** `images`: uploaded pictures (logos, avatars), stored re-encoded; immutable once stored. */
export type StoredImage = {
  id: string;
  contentType: string;
  data: Uint8Array;
  width: number;
  height: number;
};

export type ImagesStore = {
  putImage(input: Omit<StoredImage, 'id'>): Promise<StoredImage>;
  getImage(id: string): Promise<StoredImage | null>;
  deleteImage(id: string): Promise<void>;
};

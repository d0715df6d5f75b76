/**
 * The settings a site starts with; stored settings are read over them, so new fields get these values.
 * Settings stored before issue 9 kept `color`, `greeting` and `quickReplies` at the top level: they
 * are read into the appearance (and written back in the new shape on the next change).
 */
import {
  DEFAULT_APPEARANCE,
  DEFAULT_ATTACHMENT_SETTINGS,
  DEFAULT_OFFLINE_SETTINGS,
  DEFAULT_ROUTING_SETTINGS,
  LIMITS,
  type SiteAppearance,
} from '@frontdesk/shared';
import type { SiteSettings } from './store.ts';

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  defaultLocale: null,
  appearance: DEFAULT_APPEARANCE,
  botMissesBeforeHandoff: 2,
  escalationPhrases: [],
  answerThreshold: null,
  // Issue 10
  abandonAfterMinutes: LIMITS.abandonAfterMinutes,
  offline: DEFAULT_OFFLINE_SETTINGS,
  hours: null,
  // E-mail as a channel (issue 10, mail):
  notifyAgentsOfOfflineMessages: true,
  // Issue 13.
  attachments: DEFAULT_ATTACHMENT_SETTINGS,
  // Issue 12 (contacts):
  identitySecret: null,
  identitySecretRotatedAt: null,
  retentionMonths: null,
  // Issue 14 (routing):
  routing: DEFAULT_ROUTING_SETTINGS,
};

type StoredSettings = Partial<SiteSettings> & {
  appearance?: Partial<SiteAppearance>;
  /** Before issue 9. */
  color?: string;
  greeting?: SiteAppearance['greeting'];
  quickReplies?: SiteAppearance['quickReplies'];
};

/** Stored settings (any version) over the defaults. */
export function readSiteSettings(stored: unknown): SiteSettings {
  const raw = (stored && typeof stored === 'object' ? stored : {}) as StoredSettings;
  const { color, greeting, quickReplies, appearance, ...rest } = raw;
  const legacy: Partial<SiteAppearance> = {
    ...(color !== undefined && { color }),
    ...(greeting !== undefined && { greeting }),
    ...(quickReplies !== undefined && { quickReplies }),
  };
  return {
    ...DEFAULT_SITE_SETTINGS,
    ...rest,
    routing: { ...DEFAULT_ROUTING_SETTINGS, ...rest.routing },
    appearance: { ...DEFAULT_APPEARANCE, ...legacy, ...appearance },
  };
}

/** A site's settings with some appearance fields changed. */
export function withAppearance(settings: SiteSettings, patch: Partial<SiteAppearance>): SiteSettings {
  return { ...settings, appearance: { ...settings.appearance, ...patch } };
}

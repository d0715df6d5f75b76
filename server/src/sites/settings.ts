/** The settings a site starts with; stored settings are read over them, so new fields get these values. */
import type { SiteSettings } from './store.ts';

export const DEFAULT_SITE_SETTINGS: SiteSettings = {
  color: '#2563eb',
  defaultLocale: null,
  greeting: {},
  quickReplies: {},
  botMissesBeforeHandoff: 2,
  escalationPhrases: [],
  answerThreshold: null,
};

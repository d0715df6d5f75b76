/** @module sites — a site, its settings, who may embed its widget, and its storage port. */
export { DEMO_SITE_KEY, mayEmbed } from './embedding.ts';
export { DEFAULT_SITE_SETTINGS } from './settings.ts';
export type { Site, SitePatch, SiteSettings, SitesStore } from './store.ts';
export { widgetSite } from './widget-site.ts';

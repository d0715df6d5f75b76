/** What the widget is told about its site: looks, greeting and quick replies in the visitor's language. */
import { LIMITS, type Locale, type WidgetSite, widgetOffline } from '@frontdesk/shared';
import { widgetHours } from './availability.ts';
import type { Site } from './store.ts';

/** `now`: the session's start, for the business hours (issue 10); the caller's clock. */
export function widgetSite(site: Site, locale: Locale, agentsOnline: number, now: Date): WidgetSite {
  const look = site.settings.appearance;
  return {
    name: site.name,
    color: look.color,
    locale: site.settings.defaultLocale,
    greeting: look.greeting[locale] ?? null,
    quickReplies: look.quickReplies[locale] ?? [],
    agentsOnline,
    position: look.position,
    launcherLabel: look.launcherLabel[locale] ?? null,
    title: look.title[locale] ?? null,
    subtitle: look.subtitle[locale] ?? null,
    logoUrl: look.logoUrl,
    titleFlash: look.titleFlash,
    sound: look.sound,
    sneakPeek: look.sneakPeek === true,
    // Issue 10.
    offline: widgetOffline(site.settings.offline, locale),
    hours: widgetHours(site, now),
    // Issue 13.
    attachments: site.settings.attachments.enabled
      ? {
          maxBytes: Math.min(site.settings.attachments.maxBytes, LIMITS.attachmentMaxBytesCeiling),
          allowedTypes: site.settings.attachments.allowedTypes,
        }
      : null,
  };
}

/** What the widget is told about its site: looks, greeting and quick replies in the visitor's language. */
import type { Locale, WidgetSite } from '@frontdesk/shared';
import type { Site } from './store.ts';

export function widgetSite(site: Site, locale: Locale, agentsOnline: number): WidgetSite {
  return {
    name: site.name,
    color: site.settings.color,
    locale: site.settings.defaultLocale,
    greeting: site.settings.greeting[locale] ?? null,
    quickReplies: site.settings.quickReplies[locale] ?? [],
    agentsOnline,
  };
}

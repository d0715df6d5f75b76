/**
 * Whether a site is within its business hours (issue 10), and what the widget is told about them.
 * Pure: the caller passes the instant. A site with no schedule is always in; then only who is
 * online decides (the integrator uses `siteOpenNow` for "outside hours → leave a message").
 */
import { currentClosing, isOpen, nextOpening, type WidgetHours } from '@frontdesk/shared';
import type { Site } from './store.ts';

/** True when the site keeps no schedule or `now` is within it. */
export function siteOpenNow(site: Pick<Site, 'settings'>, now: Date): boolean {
  const hours = site.settings.hours;
  return hours === null || isOpen(hours, now);
}

/** The widget's view of the hours at `now`, or null when the site keeps no schedule. */
export function widgetHours(site: Pick<Site, 'settings'>, now: Date): WidgetHours | null {
  const hours = site.settings.hours;
  if (hours === null) return null;
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  if (isOpen(hours, now)) {
    const closesAt = currentClosing(hours, now);
    return {
      openNow: true,
      closesAt: iso(closesAt),
      nextOpenAt: iso(closesAt && nextOpening(hours, closesAt)),
    };
  }
  const nextOpenAt = nextOpening(hours, now);
  return {
    openNow: false,
    nextOpenAt: iso(nextOpenAt),
    closesAt: iso(nextOpenAt && currentClosing(hours, nextOpenAt)),
  };
}

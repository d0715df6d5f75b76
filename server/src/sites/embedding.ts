/**
 * Which pages may embed a site's widget (TESTPLAN A6): the site's allowed origins, exact or
 * `https://*.domain` wildcards (shared `isOriginAllowed`: punycode, default ports, scheme and port).
 */
import { isOriginAllowed } from '@frontdesk/shared';
import type { Site } from './store.ts';

/** The key of the built-in demo site, which also accepts the server's own origins. */
export const DEMO_SITE_KEY = 'demo';

/**
 * Whether a page at `origin` may run the site's widget. An empty list allows nothing; only the demo
 * site also accepts `selfOrigins` (where this server is reached: PUBLIC_URL and loopback names).
 */
export function mayEmbed(
  site: Pick<Site, 'key' | 'allowedOrigins'>,
  origin: string | undefined,
  selfOrigins: readonly string[],
): boolean {
  if (!origin) return false;
  if (isOriginAllowed(site.allowedOrigins, origin)) return true;
  return site.key === DEMO_SITE_KEY && selfOrigins.includes(origin);
}

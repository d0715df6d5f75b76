/** Records → what the public API shows (issue 15). A site's settings stay a console matter. */
import type { Site } from '../sites/store.ts';

export const siteView = (site: Site) => ({
  id: site.id,
  key: site.key,
  name: site.name,
  allowedOrigins: site.allowedOrigins,
  archived: site.archived,
  createdAt: site.createdAt,
});

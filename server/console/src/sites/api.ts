/** Sites as admins manage them (issue 9): the list, one site's details, changes and its logo, over HTTP. */
import type { AckResult, SiteDetail, SiteSummary } from '@frontdesk/shared';
import { API } from '@frontdesk/shared';
import { parseWith, SiteListReplySchema, SiteReplySchema } from '@frontdesk/shared/responses';
import type { SiteCreateInput, SitePatchInput } from '@frontdesk/shared/schemas';
import type { Http } from '../shared/http.ts';

export type SitesApi = {
  /** Admins: every site, archived included; agents: their own. */
  listSites(): Promise<AckResult<SiteSummary[]>>;
  createSite(input: SiteCreateInput): Promise<AckResult<SiteDetail>>;
  getSite(siteId: string): Promise<AckResult<SiteDetail>>;
  patchSite(siteId: string, patch: SitePatchInput): Promise<AckResult<SiteDetail>>;
  uploadLogo(siteId: string, file: Blob): Promise<AckResult<SiteDetail>>;
  deleteLogo(siteId: string): Promise<AckResult<SiteDetail>>;
};

const readList = parseWith(SiteListReplySchema);
const readSite = parseWith(SiteReplySchema);
const siteOf = (body: unknown) => readSite(body)?.site;

export const createSitesApi = (http: Http): SitesApi => ({
  listSites: () => http.get(API.sites, (body) => readList(body)?.sites),
  createSite: (input) => http.send('POST', API.sites, input, siteOf),
  getSite: (siteId) => http.get(API.site(siteId), siteOf),
  patchSite: (siteId, patch) => http.send('PATCH', API.site(siteId), patch, siteOf),
  uploadLogo: (siteId, file) => http.upload('PUT', API.siteLogo(siteId), file, siteOf),
  deleteLogo: (siteId) => http.send('DELETE', API.siteLogo(siteId), undefined, siteOf),
});

/** Issue 10: a site's offline settings (the leave-a-message form) over HTTP. */
import { type AckResult, API, type OfflineSettings } from '@frontdesk/shared';
import { OfflineSettingsReplySchema, parseWith } from '@frontdesk/shared/responses';
import type { Http } from '../shared/http.ts';

export type OfflineSettingsApi = {
  getOfflineSettings(siteId: string): Promise<AckResult<OfflineSettings>>;
  saveOfflineSettings(siteId: string, settings: OfflineSettings): Promise<AckResult<OfflineSettings>>;
};

const read = parseWith(OfflineSettingsReplySchema);

export const createOfflineSettingsApi = (http: Http): OfflineSettingsApi => ({
  getOfflineSettings: (siteId) => http.get(API.offlineSettings(siteId), read),
  saveOfflineSettings: (siteId, settings) => http.send('PUT', API.offlineSettings(siteId), settings, read),
});

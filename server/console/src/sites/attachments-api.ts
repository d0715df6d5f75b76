/** Issue 13: a site's attachment limits over HTTP. */
import { type AckResult, API, type AttachmentSettings } from '@frontdesk/shared';
import { AttachmentSettingsReplySchema, parseWith } from '@frontdesk/shared/responses';
import type { Http } from '../shared/http.ts';

export type AttachmentSettingsApi = {
  getAttachmentSettings(siteId: string): Promise<AckResult<AttachmentSettings>>;
  saveAttachmentSettings(
    siteId: string,
    settings: AttachmentSettings,
  ): Promise<AckResult<AttachmentSettings>>;
};

const read = parseWith(AttachmentSettingsReplySchema);

export const createAttachmentSettingsApi = (http: Http): AttachmentSettingsApi => ({
  getAttachmentSettings: (siteId) => http.get(API.attachmentSettings(siteId), read),
  saveAttachmentSettings: (siteId, settings) =>
    http.send('PUT', API.attachmentSettings(siteId), settings, read),
});

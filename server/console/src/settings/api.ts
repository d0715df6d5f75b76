/** The site's bot settings (the handoff policy) over HTTP. */
import type { AckResult, BotSettings } from '@frontdesk/shared';
import { API } from '@frontdesk/shared';
import { BotSettingsReplySchema, parseWith } from '@frontdesk/shared/responses';
import type { Http } from '../shared/http.ts';

export type SettingsApi = {
  getBotSettings(siteId: string): Promise<AckResult<BotSettings>>;
  saveBotSettings(siteId: string, settings: BotSettings): Promise<AckResult<BotSettings>>;
};

const readSettings = parseWith(BotSettingsReplySchema);

export const createSettingsApi = (http: Http): SettingsApi => ({
  getBotSettings: (siteId) => http.get(API.botSettings(siteId), readSettings),
  saveBotSettings: (siteId, settings) => http.send('PUT', API.botSettings(siteId), settings, readSettings),
});

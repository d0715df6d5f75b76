/** The console's REST client: every feature's API over one typed HTTP wrapper. */

import { type AgentsApi, createAgentsApi } from '../agents/api.ts';
import { type ApiAccessApi, createApiAccessApi } from '../api-access/api.ts';
import { type AuthApi, createAuthApi } from '../auth/api.ts';
import { type CannedApi, createCannedApi } from '../canned/api.ts';
import { type ContactsApi, createContactsApi } from '../contacts/api.ts';
import { type ConversationsApi, createConversationsApi } from '../conversations/api.ts';
import { createFaqApi, type FaqApi } from '../faq/api.ts';
import { createMailApi, type MailApi } from '../mail/api.ts';
import { createProfileApi, type ProfileApi } from '../profile/api.ts';
import { createReportsApi, type ReportsApi } from '../reports/api.ts';
import { createRoutingApi, type RoutingApi } from '../routing/api.ts';
import { createSearchApi, type SearchApi } from '../search/api.ts';
import { createSettingsApi, type SettingsApi } from '../settings/api.ts';
import { createHttp, type FetchLike } from '../shared/http.ts';
import { createSitesApi, type SitesApi } from '../sites/api.ts';
import { type AttachmentSettingsApi, createAttachmentSettingsApi } from '../sites/attachments-api.ts';
import { createOfflineSettingsApi, type OfflineSettingsApi } from '../sites/offline-api.ts';
import { createUnansweredApi, type UnansweredApi } from '../unanswered/api.ts';

export type ConsoleApi = AuthApi &
  ConversationsApi &
  FaqApi &
  UnansweredApi &
  SettingsApi &
  SitesApi &
  AgentsApi &
  ProfileApi &
  OfflineSettingsApi &
  MailApi &
  AttachmentSettingsApi &
  ContactsApi &
  RoutingApi &
  CannedApi &
  SearchApi &
  ReportsApi &
  ApiAccessApi;

export function createHttpApi(fetchImpl?: FetchLike): ConsoleApi {
  const http = createHttp(fetchImpl);
  return {
    ...createAuthApi(http),
    ...createConversationsApi(http),
    ...createFaqApi(http),
    ...createUnansweredApi(http),
    ...createSettingsApi(http),
    ...createSitesApi(http),
    ...createAgentsApi(http),
    ...createProfileApi(http),
    // Issue 10.
    ...createOfflineSettingsApi(http),
    ...createMailApi(http),
    // Issue 13.
    ...createAttachmentSettingsApi(http),
    // Issue 15.
    ...createReportsApi(http),
    // Issue 12.
    ...createContactsApi(http),
    // Issue 14 (routing).
    ...createRoutingApi(http),
    // Issue 14.
    ...createCannedApi(http),
    // Issue 14.
    ...createSearchApi(http),
    // Issue 15.
    ...createApiAccessApi(http),
  };
}

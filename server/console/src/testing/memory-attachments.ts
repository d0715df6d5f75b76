/**
 * Issue 13, tests only: the attachment settings half of the in-memory client, with the server's rules:
 * the body goes through the real schema, only admins save, a site the agent does not have is `not_found`.
 */
import {
  type AckResult,
  type AgentProfile,
  type AttachmentSettings,
  DEFAULT_ATTACHMENT_SETTINGS,
} from '@frontdesk/shared';
import { AttachmentSettingsSchema, v } from '@frontdesk/shared/schemas';
import type { AttachmentSettingsApi } from '../sites/attachments-api.ts';

export function createMemoryAttachmentsApi(agent: AgentProfile) {
  const stored = new Map<string, AttachmentSettings>();
  const known = (siteId: string) => agent.sites.some((s) => s.id === siteId);
  const api: AttachmentSettingsApi = {
    async getAttachmentSettings(siteId) {
      if (!known(siteId)) return { ok: false, error: { code: 'not_found', message: 'site not found' } };
      return { ok: true, data: stored.get(siteId) ?? DEFAULT_ATTACHMENT_SETTINGS };
    },
    async saveAttachmentSettings(siteId, settings): Promise<AckResult<AttachmentSettings>> {
      if (!known(siteId)) return { ok: false, error: { code: 'not_found', message: 'site not found' } };
      if (agent.role !== 'admin') return { ok: false, error: { code: 'forbidden', message: 'admins only' } };
      const parsed = v.safeParse(AttachmentSettingsSchema, settings);
      if (!parsed.success)
        return { ok: false, error: { code: 'bad_request', message: parsed.issues[0].message } };
      stored.set(siteId, parsed.output);
      return { ok: true, data: parsed.output };
    },
  };
  return { api, stored };
}

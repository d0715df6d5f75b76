/**
 * Issue 10, tests only: the offline settings half of the in-memory client, with the server's rules:
 * the body goes through the real schema (`bad_request` with its message), only admins save, a site
 * the agent does not have is `not_found`. Every save is recorded.
 */
import {
  type AckResult,
  type AgentProfile,
  DEFAULT_OFFLINE_SETTINGS,
  type OfflineSettings,
} from '@frontdesk/shared';
import { OfflineSettingsSchema, v } from '@frontdesk/shared/schemas';
import type { OfflineSettingsApi } from '../sites/offline-api.ts';

export function createMemoryOfflineApi(agent: AgentProfile) {
  const stored = new Map<string, OfflineSettings>();
  const saves: { siteId: string; settings: unknown }[] = [];
  const known = (siteId: string) => agent.sites.some((s) => s.id === siteId);
  const api: OfflineSettingsApi = {
    async getOfflineSettings(siteId) {
      if (!known(siteId)) return { ok: false, error: { code: 'not_found', message: 'site not found' } };
      return { ok: true, data: stored.get(siteId) ?? DEFAULT_OFFLINE_SETTINGS };
    },
    async saveOfflineSettings(siteId, settings): Promise<AckResult<OfflineSettings>> {
      saves.push({ siteId, settings });
      if (!known(siteId)) return { ok: false, error: { code: 'not_found', message: 'site not found' } };
      if (agent.role !== 'admin') return { ok: false, error: { code: 'forbidden', message: 'admins only' } };
      const parsed = v.safeParse(OfflineSettingsSchema, settings);
      if (!parsed.success)
        return { ok: false, error: { code: 'bad_request', message: parsed.issues[0].message } };
      stored.set(siteId, parsed.output);
      return { ok: true, data: parsed.output };
    },
  };
  return { api, stored, saves };
}

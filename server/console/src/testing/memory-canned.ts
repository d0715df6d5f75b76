/**
 * Issue 14, tests only: the canned-response and attention half of the in-memory client, with the
 * server's rules: bodies through the real schemas, shared responses only for admins, personal ones
 * only for their owner, a site the agent does not have is `not_found`.
 */
import {
  type AckResult,
  type AgentProfile,
  type AttentionPrefs,
  type CannedResponse,
  DEFAULT_ATTENTION,
  type ErrorCode,
} from '@frontdesk/shared';
import { AttentionPrefsSchema, CannedInputSchema } from '@frontdesk/shared/canned-schemas';
import { v } from '@frontdesk/shared/schemas';
import type { CannedApi } from '../canned/api.ts';

const fail = <T>(code: ErrorCode, message: string = code): AckResult<T> => ({
  ok: false,
  error: { code, message },
});

export function createMemoryCannedApi(agent: AgentProfile, seed: readonly CannedResponse[] = []) {
  const responses = new Map(seed.map((r) => [r.id, r]));
  let attention: AttentionPrefs = DEFAULT_ATTENTION;
  let n = 0;
  const known = (siteId: string) => agent.sites.some((s) => s.id === siteId);
  const visible = (r: CannedResponse) => r.scope === 'site' || r.ownerId === agent.id;
  const api: CannedApi = {
    async listCanned(siteId) {
      if (!known(siteId)) return fail('not_found');
      return { ok: true, data: [...responses.values()].filter((r) => r.siteId === siteId && visible(r)) };
    },
    async createCanned(siteId, input) {
      if (!known(siteId)) return fail('not_found');
      const parsed = v.safeParse(CannedInputSchema, input);
      if (!parsed.success) return fail('bad_request', parsed.issues[0].message);
      if (parsed.output.scope === 'site' && agent.role !== 'admin') return fail('forbidden');
      n += 1;
      const created: CannedResponse = {
        ...parsed.output,
        id: `canned-${n}`,
        siteId,
        ownerId: parsed.output.scope === 'personal' ? agent.id : null,
        updatedAt: new Date().toISOString(),
      };
      responses.set(created.id, created);
      return { ok: true, data: created };
    },
    async updateCanned(siteId, id, input) {
      const current = responses.get(id);
      if (!known(siteId) || !current || current.siteId !== siteId || !visible(current))
        return fail('not_found');
      if (current.scope === 'site' && agent.role !== 'admin') return fail('forbidden');
      const parsed = v.safeParse(CannedInputSchema, input);
      if (!parsed.success) return fail('bad_request', parsed.issues[0].message);
      const updated = {
        ...current,
        ...parsed.output,
        scope: current.scope,
        updatedAt: new Date().toISOString(),
      };
      responses.set(id, updated);
      return { ok: true, data: updated };
    },
    async deleteCanned(siteId, id) {
      const current = responses.get(id);
      if (!known(siteId) || !current || current.siteId !== siteId || !visible(current))
        return fail('not_found');
      if (current.scope === 'site' && agent.role !== 'admin') return fail('forbidden');
      responses.delete(id);
      return { ok: true, data: null };
    },
    async getAttention() {
      return { ok: true, data: attention };
    },
    async saveAttention(prefs) {
      const parsed = v.safeParse(AttentionPrefsSchema, prefs);
      if (!parsed.success) return fail('bad_request', parsed.issues[0].message);
      attention = parsed.output;
      return { ok: true, data: attention };
    },
  };
  return { api, responses, attention: () => attention };
}

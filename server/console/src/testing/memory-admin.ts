/**
 * The sites, agents and profile half of the in-memory client (tests only): the server's rules as the
 * issue-9 contract states them. Bodies go through the real input schemas (`bad_request` with their
 * message), admin-only routes answer `forbidden`, unknown ids `not_found`, a taken e-mail `conflict`,
 * and demoting or disabling the last active admin is refused (`conflict`). Every call is recorded.
 */
import {
  type AckResult,
  type AgentAccount,
  type AgentProfile,
  DEFAULT_APPEARANCE,
  type ErrorCode,
  type SiteDetail,
} from '@frontdesk/shared';
import {
  AgentCreateSchema,
  AgentPasswordResetSchema,
  AgentPatchSchema,
  PasswordChangeSchema,
  ProfilePatchSchema,
  SiteCreateSchema,
  SitePatchSchema,
  v,
} from '@frontdesk/shared/schemas';
import type { AgentsApi } from '../agents/api.ts';
import type { ProfileApi } from '../profile/api.ts';
import type { SitesApi } from '../sites/api.ts';

export type AdminSeed = {
  /** Every site on the server; default: the signed-in agent's sites with default settings. */
  sites?: SiteDetail[];
  /** Every other account; the signed-in agent is always one. */
  agents?: AgentAccount[];
  /** The signed-in agent's current password. */
  password?: string;
};

export type MemoryAdminApi = SitesApi &
  AgentsApi &
  ProfileApi & {
    /** The signed-in agent as `GET me` returns it (changed by the profile calls). */
    me: AgentProfile;
    sites: Map<string, SiteDetail>;
    agents: Map<string, AgentAccount>;
    password: string;
    calls: { name: string; args: unknown[] }[];
    /** Uploaded files, by what they were for (`logo:<siteId>`, `avatar`). */
    uploads: { target: string; file: Blob }[];
  };

const fail = <T>(code: ErrorCode, message: string = code): AckResult<T> => ({
  ok: false,
  error: { code, message },
});
const ok = <T>(data: T): AckResult<T> => ({ ok: true, data });
const CREATED_AT = '2025-03-01T10:00:00.000Z';

export function siteDetail(id: string, patch: Partial<SiteDetail> = {}): SiteDetail {
  return {
    id,
    key: `${id}-key`,
    name: id,
    archived: false,
    createdAt: CREATED_AT,
    allowedOrigins: [],
    defaultLocale: null,
    appearance: DEFAULT_APPEARANCE,
    notifyAgentsOfOfflineMessages: true,
    ...patch,
  };
}

export function agentAccount(id: string, patch: Partial<AgentAccount> = {}): AgentAccount {
  return {
    id,
    email: `${id}@shop.example`,
    name: id,
    role: 'agent',
    disabled: false,
    sites: [],
    avatarColor: null,
    avatarUrl: null,
    mustChangePassword: false,
    createdAt: CREATED_AT,
    ...patch,
  };
}

/** The first message of a failed parse, as the server puts it in a `bad_request`. */
function parse<S extends v.GenericSchema>(schema: S, input: unknown): AckResult<v.InferOutput<S>> {
  const result = v.safeParse(schema, input);
  if (result.success) return ok(result.output);
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return fail('bad_request', path ? `${path}: ${issue.message}` : issue.message);
}

export function createMemoryAdminApi(
  agent: AgentProfile,
  seed: AdminSeed = {},
  password = '',
): MemoryAdminApi {
  const admin = agent.role === 'admin';
  let counter = 0;
  const sites = new Map(
    (seed.sites ?? agent.sites.map((s) => siteDetail(s.id, { name: s.name, key: s.key }))).map((s) => [
      s.id,
      s,
    ]),
  );
  const self = agentAccount(agent.id, {
    email: agent.email,
    name: agent.name,
    role: agent.role,
    sites: agent.sites,
    avatarColor: agent.avatarColor ?? null,
    avatarUrl: agent.avatarUrl ?? null,
    mustChangePassword: agent.mustChangePassword ?? false,
  });
  const agents = new Map([self, ...(seed.agents ?? [])].map((a) => [a.id, a]));
  const siteRefs = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const site = sites.get(id);
      return site ? [{ id: site.id, name: site.name, key: site.key }] : [];
    });
  const activeAdmins = () => [...agents.values()].filter((a) => a.role === 'admin' && !a.disabled);
  const record = (name: string, ...args: unknown[]) => api.calls.push({ name, args });
  const updateMe = (patch: Partial<AgentProfile>) => {
    api.me = { ...api.me, ...patch };
    const account = agents.get(agent.id);
    if (account) agents.set(agent.id, { ...account, ...patch });
    return api.me;
  };
  const changeSite = (siteId: string, patch: Partial<SiteDetail>): AckResult<SiteDetail> => {
    const site = sites.get(siteId);
    if (!site) return fail('not_found');
    const next = { ...site, ...patch };
    sites.set(siteId, next);
    return ok(next);
  };

  const api: MemoryAdminApi = {
    me: {
      ...agent,
      avatarColor: self.avatarColor,
      avatarUrl: self.avatarUrl,
      mustChangePassword: self.mustChangePassword,
    },
    sites,
    agents,
    password: seed.password ?? password,
    calls: [],
    uploads: [],

    async listSites() {
      record('listSites');
      const mine = new Set(agent.sites.map((s) => s.id));
      return ok(
        [...sites.values()]
          .filter((s) => admin || (mine.has(s.id) && !s.archived))
          .map(({ id, key, name, archived, createdAt }) => ({ id, key, name, archived, createdAt })),
      );
    },
    async createSite(input) {
      record('createSite', input);
      if (!admin) return fail('forbidden');
      const parsed = parse(SiteCreateSchema, input);
      if (!parsed.ok) return parsed;
      counter += 1;
      const site = siteDetail(`new-site-${counter}`, { key: `new-key-${counter}`, ...parsed.data });
      sites.set(site.id, site);
      return ok(site);
    },
    async getSite(siteId) {
      record('getSite', siteId);
      if (!admin) return fail('forbidden');
      const site = sites.get(siteId);
      return site ? ok(site) : fail('not_found');
    },
    async patchSite(siteId, patch) {
      record('patchSite', siteId, patch);
      if (!admin) return fail('forbidden');
      const parsed = parse(SitePatchSchema, patch);
      if (!parsed.ok) return parsed;
      const { appearance, ...rest } = parsed.data;
      const logoUrl = sites.get(siteId)?.appearance.logoUrl ?? null;
      return changeSite(siteId, {
        ...rest,
        ...(appearance ? { appearance: { ...appearance, logoUrl } } : {}),
      });
    },
    async uploadLogo(siteId, file) {
      record('uploadLogo', siteId);
      if (!admin) return fail('forbidden');
      const site = sites.get(siteId);
      if (!site) return fail('not_found');
      if (!file.type.startsWith('image/')) return fail('bad_request', 'not an image');
      api.uploads.push({ target: `logo:${siteId}`, file });
      counter += 1;
      return changeSite(siteId, { appearance: { ...site.appearance, logoUrl: `/images/logo-${counter}` } });
    },
    async deleteLogo(siteId) {
      record('deleteLogo', siteId);
      if (!admin) return fail('forbidden');
      const site = sites.get(siteId);
      if (!site) return fail('not_found');
      return changeSite(siteId, { appearance: { ...site.appearance, logoUrl: null } });
    },

    async listAgents() {
      record('listAgents');
      if (!admin) return fail('forbidden');
      return ok([...agents.values()]);
    },
    async createAgent(input) {
      record('createAgent', input);
      if (!admin) return fail('forbidden');
      const parsed = parse(AgentCreateSchema, input);
      if (!parsed.ok) return parsed;
      const { email, name, role, siteIds, password: given } = parsed.data;
      if ([...agents.values()].some((a) => a.email === email))
        return fail('conflict', 'e-mail already in use');
      counter += 1;
      const account = agentAccount(`agent-new-${counter}`, {
        email,
        name,
        role,
        sites: siteRefs(siteIds),
        mustChangePassword: !given,
      });
      agents.set(account.id, account);
      return ok({ agent: account, password: given ? null : `generated-password-${counter}` });
    },
    async patchAgent(agentId, patch) {
      record('patchAgent', agentId, patch);
      if (!admin) return fail('forbidden');
      const parsed = parse(AgentPatchSchema, patch);
      if (!parsed.ok) return parsed;
      const account = agents.get(agentId);
      if (!account) return fail('not_found');
      const { siteIds, ...rest } = parsed.data;
      const next = { ...account, ...rest, ...(siteIds ? { sites: siteRefs(siteIds) } : {}) };
      const losesAdmin =
        account.role === 'admin' && !account.disabled && (next.role !== 'admin' || next.disabled);
      if (losesAdmin && activeAdmins().length === 1)
        return fail('conflict', 'the last admin cannot be removed');
      agents.set(agentId, next);
      if (agentId === agent.id) updateMe({ name: next.name, role: next.role });
      return ok({ agent: next, password: null });
    },
    async resetAgentPassword(agentId, input) {
      record('resetAgentPassword', agentId, input);
      if (!admin) return fail('forbidden');
      const parsed = parse(AgentPasswordResetSchema, input);
      if (!parsed.ok) return parsed;
      const account = agents.get(agentId);
      if (!account) return fail('not_found');
      agents.set(agentId, { ...account, mustChangePassword: !parsed.data.password });
      counter += 1;
      return ok({ password: parsed.data.password ? null : `reset-password-${counter}` });
    },

    async updateProfile(patch) {
      record('updateProfile', patch);
      const parsed = parse(ProfilePatchSchema, patch);
      if (!parsed.ok) return parsed;
      return ok(updateMe(parsed.data));
    },
    async changePassword(input) {
      record('changePassword', input);
      const parsed = parse(PasswordChangeSchema, input);
      if (!parsed.ok) return parsed;
      if (parsed.data.currentPassword !== api.password) return fail('forbidden', 'current password is wrong');
      api.password = parsed.data.newPassword;
      updateMe({ mustChangePassword: false });
      return ok(null);
    },
    async uploadAvatar(file) {
      record('uploadAvatar');
      if (!file.type.startsWith('image/')) return fail('bad_request', 'not an image');
      api.uploads.push({ target: 'avatar', file });
      counter += 1;
      return ok(updateMe({ avatarUrl: `/images/avatar-${counter}` }));
    },
    async deleteAvatar() {
      record('deleteAvatar');
      return ok(updateMe({ avatarUrl: null }));
    },
  };
  return api;
}

/**
 * Administration over HTTP (issue 9): sites, their logos, agent accounts, the signed-in agent's own
 * profile, password and avatar, and the uploaded images. Every route but the image reads is
 * same-origin and needs a session; admin routes answer an agent `forbidden`; another site's or a
 * missing id is `not_found`.
 */
import { ROUTES } from '@frontdesk/shared';
import {
  AgentCreateSchema,
  AgentPasswordResetSchema,
  AgentPatchSchema,
  IdSchema,
  PasswordChangeSchema,
  ProfilePatchSchema,
  SiteCreateSchema,
  SitePatchSchema,
} from '@frontdesk/shared/schemas';
import { type Context, Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { type AgentAccounts, generatePassword } from '../identity/agent-accounts.ts';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { SESSION_COOKIE } from '../identity/cookies.ts';
import { type AgentEnv, requireAgent } from '../identity/require-agent.ts';
import type { AgentsStore } from '../identity/store.ts';
import { hashToken } from '../identity/tokens.ts';
import { AppError } from '../kernel/errors.ts';
import type { TrustProxy } from '../limits/index.ts';
import { type ImageUploads, imageUrl } from '../sites/images.ts';
import type { SitesStore } from '../sites/store.ts';
import { requestAddress } from '../transport/http/request-address.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { jsonBody, params } from '../transport/http/validation.ts';
import { requireAdmin, type SiteAdmin, siteDetail } from './sites.ts';

type Deps = {
  sites: SiteAdmin;
  accounts: AgentAccounts;
  sessions: AgentSessions;
  images: ImageUploads;
  store: Pick<SitesStore, 'getSite'> & Pick<AgentsStore, 'listSitesOfAgent'>;
  selfOrigins: readonly string[];
  /** Proxies whose forwarded headers name the client (the sign-in throttle counts per client). */
  trustProxy: TrustProxy;
};

/** The raw request body (the body limit middleware has already capped its size). */
async function rawBody(c: Context): Promise<Uint8Array> {
  return new Uint8Array(await c.req.arrayBuffer());
}

export function adminRoutes(deps: Deps) {
  const app = new Hono<AgentEnv>();
  const session = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;
  const site = params({ siteId: IdSchema });
  const agent = params({ agentId: IdSchema });

  // Sites

  app.get(ROUTES.sites, ...session, async (c) => c.json({ sites: await deps.sites.list(c.get('agent')) }));

  app.post(ROUTES.sites, ...session, jsonBody(SiteCreateSchema), async (c) => {
    const created = await deps.sites.create(c.get('agent'), c.req.valid('json'));
    return c.json({ site: siteDetail(created) }, 201);
  });

  app.get(ROUTES.site, ...session, site, async (c) =>
    c.json({ site: siteDetail(await deps.sites.get(c.get('agent'), c.req.valid('param').siteId)) }),
  );

  app.patch(ROUTES.site, ...session, site, jsonBody(SitePatchSchema), async (c) => {
    const changed = await deps.sites.change(c.get('agent'), c.req.valid('param').siteId, c.req.valid('json'));
    return c.json({ site: siteDetail(changed) });
  });

  app.put(ROUTES.siteLogo, ...session, site, async (c) => {
    const ctx = c.get('agent');
    requireAdmin(ctx, 'change sites');
    await deps.sites.get(ctx, c.req.valid('param').siteId);
    const changed = await deps.sites.setLogo(ctx, c.req.valid('param').siteId, await rawBody(c));
    return c.json({ site: siteDetail(changed) });
  });

  app.delete(ROUTES.siteLogo, ...session, site, async (c) => {
    const changed = await deps.sites.removeLogo(c.get('agent'), c.req.valid('param').siteId);
    return c.json({ site: siteDetail(changed) });
  });

  // Agents (admins only)

  app.get(ROUTES.agents, ...session, async (c) => {
    requireAdmin(c.get('agent'), 'manage agents');
    const agents = await deps.accounts.list();
    return c.json({ agents: await Promise.all(agents.map((a) => deps.accounts.account(a))) });
  });

  app.post(ROUTES.agents, ...session, jsonBody(AgentCreateSchema), async (c) => {
    requireAdmin(c.get('agent'), 'manage agents');
    const input = c.req.valid('json');
    await existingSites(deps.store, input.siteIds);
    const generated = input.password ? null : generatePassword();
    const created = await deps.accounts.create(
      { email: input.email, name: input.name, role: input.role, password: input.password ?? generated ?? '' },
      input.siteIds,
      { mustChangePassword: generated !== null },
    );
    return c.json(
      { agent: await deps.accounts.account(created), ...(generated && { password: generated }) },
      201,
    );
  });

  app.patch(ROUTES.agent, ...session, agent, jsonBody(AgentPatchSchema), async (c) => {
    requireAdmin(c.get('agent'), 'manage agents');
    const input = c.req.valid('json');
    if (input.siteIds) await existingSites(deps.store, input.siteIds);
    const changed = await deps.accounts.change(c.req.valid('param').agentId, input);
    return c.json({ agent: await deps.accounts.account(changed) });
  });

  app.post(ROUTES.agentPassword, ...session, agent, jsonBody(AgentPasswordResetSchema), async (c) => {
    requireAdmin(c.get('agent'), 'manage agents');
    const { password } = c.req.valid('json');
    const generated = password ? null : generatePassword();
    await deps.accounts.setPassword(c.req.valid('param').agentId, password ?? generated ?? '', {
      mustChange: true,
    });
    return c.json({ ok: true as const, ...(generated && { password: generated }) });
  });

  // The signed-in agent's own profile

  app.patch(ROUTES.me, ...session, jsonBody(ProfilePatchSchema), async (c) => {
    const ctx = c.get('agent');
    const agentNow = await deps.accounts.updateProfile(ctx.agent.id, c.req.valid('json'));
    return c.json({ agent: await deps.accounts.profile({ ...ctx, agent: agentNow }) });
  });

  app.post(ROUTES.mePassword, ...session, jsonBody(PasswordChangeSchema), async (c) => {
    const ctx = c.get('agent');
    const { currentPassword, newPassword } = c.req.valid('json');
    await deps.sessions.verifyOwnPassword(ctx.agent, currentPassword, requestAddress(c, deps.trustProxy));
    const token = getCookie(c, SESSION_COOKIE);
    await deps.accounts.setPassword(ctx.agent.id, newPassword, {
      keepTokenHash: token ? hashToken(token) : undefined,
      mustChange: false,
    });
    return c.json({ ok: true as const });
  });

  app.put(ROUTES.meAvatar, ...session, async (c) => {
    const ctx = c.get('agent');
    const image = await deps.images.upload(await rawBody(c));
    const agentNow = await deps.accounts.updateProfile(ctx.agent.id, { avatarImageId: image.id });
    if (ctx.agent.avatarImageId) await deps.images.remove(imageUrl(ctx.agent.avatarImageId));
    return c.json({ agent: await deps.accounts.profile({ ...ctx, agent: agentNow }) });
  });

  app.delete(ROUTES.meAvatar, ...session, async (c) => {
    const ctx = c.get('agent');
    const agentNow = await deps.accounts.updateProfile(ctx.agent.id, { avatarImageId: null });
    if (ctx.agent.avatarImageId) await deps.images.remove(imageUrl(ctx.agent.avatarImageId));
    return c.json({ agent: await deps.accounts.profile({ ...ctx, agent: agentNow }) });
  });

  return app;
}

/** Public: an uploaded image, re-encoded by the server, never sniffed, cached for good. */
export function imageRoutes(images: ImageUploads) {
  const app = new Hono();
  app.get(ROUTES.image, params({ imageId: IdSchema }), async (c) => {
    const image = await images.get(c.req.valid('param').imageId);
    if (!image) throw new AppError('not_found', 'no such image');
    return c.body(image.data as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': image.contentType,
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  });
  return app;
}

/** Site ids an admin names must exist (a typo would silently drop an agent's access). */
async function existingSites(store: Pick<SitesStore, 'getSite'>, siteIds: readonly string[]) {
  for (const id of siteIds) {
    if (!(await store.getSite(id))) throw new AppError('bad_request', `no site with id ${id}`);
  }
}

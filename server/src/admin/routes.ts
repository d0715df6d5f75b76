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
import type { AgentAccounts } from '../identity/agent-accounts.ts';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import { SESSION_COOKIE } from '../identity/cookies.ts';
import { type AgentEnv, requireAgent } from '../identity/require-agent.ts';
import { hashToken } from '../identity/tokens.ts';
import { AppError } from '../kernel/errors.ts';
import type { TrustProxy } from '../limits/index.ts';
import type { ImageUploads } from '../sites/images.ts';
import { requestAddress } from '../transport/http/request-address.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { jsonBody, params } from '../transport/http/validation.ts';
import type { AgentAdmin } from './agents.ts';
import { requireAdmin, type SiteAdmin, siteDetail } from './sites.ts';

type Deps = {
  sites: SiteAdmin;
  agents: AgentAdmin;
  accounts: AgentAccounts;
  sessions: AgentSessions;
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
    // Refused before the upload is read: only an admin of an existing site may send one.
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

  app.get(ROUTES.agents, ...session, async (c) => c.json({ agents: await deps.agents.list(c.get('agent')) }));

  app.post(ROUTES.agents, ...session, jsonBody(AgentCreateSchema), async (c) =>
    c.json(await deps.agents.add(c.get('agent'), c.req.valid('json')), 201),
  );

  app.patch(ROUTES.agent, ...session, agent, jsonBody(AgentPatchSchema), async (c) => {
    const changed = await deps.agents.change(
      c.get('agent'),
      c.req.valid('param').agentId,
      c.req.valid('json'),
    );
    return c.json({ agent: changed });
  });

  app.post(ROUTES.agentPassword, ...session, agent, jsonBody(AgentPasswordResetSchema), async (c) => {
    const reset = await deps.agents.resetPassword(
      c.get('agent'),
      c.req.valid('param').agentId,
      c.req.valid('json'),
    );
    return c.json({ ok: true as const, ...reset });
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

  app.put(ROUTES.meAvatar, ...session, async (c) =>
    c.json({ agent: await deps.agents.setAvatar(c.get('agent'), await rawBody(c)) }),
  );

  app.delete(ROUTES.meAvatar, ...session, async (c) =>
    c.json({ agent: await deps.agents.setAvatar(c.get('agent'), null) }),
  );

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

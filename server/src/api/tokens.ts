/**
 * API tokens (issue 15): admins create them per site with a scope, see the token once, revoke them;
 * the public API turns a Bearer header into the token's caller. Only the secret's hash is stored.
 */
import { API_LIMITS, type ApiScope } from '@frontdesk/shared';
import type { ApiTokenCreateInput } from '@frontdesk/shared/api-schemas';
import { requireAdmin } from '../admin/sites.ts';
import type { AgentContext } from '../identity/context.ts';
import { AppError } from '../kernel/errors.ts';
import type { SitesStore } from '../sites/store.ts';
import type { ApiStore, ApiTokenRecord } from './store.ts';
import { mintToken, parseToken, secretMatches } from './token-format.ts';

/** Who calls the public API: one token, one site, one scope. */
export type ApiCaller = { tokenId: string; siteId: string; scope: ApiScope; name: string };

/** `last_used_at` is written at most this often per token (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export type ApiTokensDeps = {
  store: ApiStore & Pick<SitesStore, 'getSite' | 'listSites'>;
  clock: () => Date;
};

export class ApiTokens {
  constructor(private readonly deps: ApiTokensDeps) {}

  async list(ctx: AgentContext): Promise<ApiTokenRecord[]> {
    requireAdmin(ctx, 'manage API tokens');
    const sites = await this.deps.store.listSites();
    return this.deps.store.listApiTokens(sites.map((s) => s.id));
  }

  /** The new token's record and, this once, the token itself. */
  async create(
    ctx: AgentContext,
    input: ApiTokenCreateInput,
  ): Promise<{ token: ApiTokenRecord; secret: string }> {
    requireAdmin(ctx, 'manage API tokens');
    const site = await this.deps.store.getSite(input.siteId);
    if (!site) throw new AppError('not_found', 'site not found');
    const live = (await this.deps.store.listApiTokens([site.id])).filter((t) => t.revokedAt === null);
    if (live.length >= API_LIMITS.tokensPerSiteMax)
      throw new AppError('limit_reached', `a site has at most ${API_LIMITS.tokensPerSiteMax} API tokens`);
    const minted = mintToken();
    const token: ApiTokenRecord = {
      id: minted.id,
      siteId: site.id,
      name: input.name,
      scope: input.scope,
      createdBy: ctx.agent.id,
      createdAt: this.deps.clock().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await this.deps.store.insertApiToken(token, minted.secretHash);
    return { token, secret: minted.token };
  }

  async revoke(ctx: AgentContext, id: string): Promise<ApiTokenRecord> {
    requireAdmin(ctx, 'manage API tokens');
    const found = await this.deps.store.getApiToken(id);
    if (!found) throw new AppError('not_found', 'no such API token');
    await this.deps.store.revokeApiToken(id, this.deps.clock().toISOString());
    const after = await this.deps.store.getApiToken(id);
    return after?.token ?? found.token;
  }

  /** The caller behind `Authorization: Bearer …`, or `unauthorized` (missing, malformed, wrong, revoked). */
  async authenticate(authorization: string | undefined): Promise<ApiCaller> {
    const match = /^Bearer ([^\s]+)$/.exec(authorization ?? '');
    const parsed = match?.[1] ? parseToken(match[1]) : null;
    if (!parsed) throw new AppError('unauthorized', 'send an API token as "Authorization: Bearer fdk_…"');
    const found = await this.deps.store.getApiToken(parsed.id);
    if (!found || !secretMatches(parsed.secret, found.secretHash))
      throw new AppError('unauthorized', 'unknown API token');
    if (found.token.revokedAt !== null) throw new AppError('unauthorized', 'this API token was revoked');
    const now = this.deps.clock();
    const last = found.token.lastUsedAt ? Date.parse(found.token.lastUsedAt) : 0;
    if (now.getTime() - last >= TOUCH_EVERY_MS)
      await this.deps.store.touchApiToken(parsed.id, now.toISOString());
    const { id, siteId, scope, name } = found.token;
    return { tokenId: id, siteId, scope, name };
  }
}

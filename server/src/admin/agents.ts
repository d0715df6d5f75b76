/**
 * Agent accounts as admins manage them, and an agent's own avatar: the use cases behind the admin
 * routes. A password the server generates is returned once, to be shown once; its owner must
 * replace it at the next sign-in.
 */
import type { AgentAccount, AgentProfile } from '@frontdesk/shared';
import type { AgentCreateInput, AgentPasswordResetInput, AgentPatchInput } from '@frontdesk/shared/schemas';
import { type AgentAccounts, generatePassword } from '../identity/agent-accounts.ts';
import type { AgentContext } from '../identity/context.ts';
import { AppError } from '../kernel/errors.ts';
import { type ImageUploads, imageUrl } from '../sites/images.ts';
import type { SitesStore } from '../sites/store.ts';
import { requireAdmin } from './sites.ts';

/** The password to set: the one given, or a generated one to hand back. */
function chosenOrGenerated(given: string | undefined): { password: string; generated?: string } {
  if (given) return { password: given };
  const generated = generatePassword();
  return { password: generated, generated };
}

export class AgentAdmin {
  constructor(
    private readonly accounts: AgentAccounts,
    private readonly sites: Pick<SitesStore, 'getSite'>,
    private readonly images: ImageUploads,
  ) {}

  async list(ctx: AgentContext): Promise<AgentAccount[]> {
    requireAdmin(ctx, 'manage agents');
    const agents = await this.accounts.list();
    return Promise.all(agents.map((agent) => this.accounts.account(agent)));
  }

  async add(ctx: AgentContext, input: AgentCreateInput): Promise<{ agent: AgentAccount; password?: string }> {
    requireAdmin(ctx, 'manage agents');
    await this.requireSites(input.siteIds);
    const { password, generated } = chosenOrGenerated(input.password);
    const created = await this.accounts.create(
      { email: input.email, name: input.name, role: input.role, password },
      input.siteIds,
      { mustChangePassword: generated !== undefined },
    );
    return { agent: await this.accounts.account(created), ...(generated && { password: generated }) };
  }

  async change(ctx: AgentContext, agentId: string, input: AgentPatchInput): Promise<AgentAccount> {
    requireAdmin(ctx, 'manage agents');
    if (input.siteIds) await this.requireSites(input.siteIds);
    return this.accounts.account(await this.accounts.change(agentId, input));
  }

  /** A new password for another agent (generated unless given); their sessions end. */
  async resetPassword(
    ctx: AgentContext,
    agentId: string,
    input: AgentPasswordResetInput,
  ): Promise<{ password?: string }> {
    requireAdmin(ctx, 'manage agents');
    const { password, generated } = chosenOrGenerated(input.password);
    await this.accounts.setPassword(agentId, password, { mustChange: true });
    return generated ? { password: generated } : {};
  }

  /** The signed-in agent's avatar: an uploaded image (re-encoded), or none; the old one is removed. */
  async setAvatar(ctx: AgentContext, bytes: Uint8Array | null): Promise<AgentProfile> {
    const image = bytes ? await this.images.upload(bytes) : null;
    const agent = await this.accounts.updateProfile(ctx.agent.id, { avatarImageId: image?.id ?? null });
    if (ctx.agent.avatarImageId) await this.images.remove(imageUrl(ctx.agent.avatarImageId));
    return this.accounts.profile({ ...ctx, agent });
  }

  /** Site ids an admin names must exist (a typo would silently drop an agent's access). */
  private async requireSites(siteIds: readonly string[]): Promise<void> {
    for (const id of siteIds) {
      if (!(await this.sites.getSite(id))) throw new AppError('bad_request', `no site with id ${id}`);
    }
  }
}

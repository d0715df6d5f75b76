/**
 * Agent accounts: create, list, change (name, role, sites, disabled), set a password (ending
 * sessions), the own profile. Disabling, demoting or resetting ends the agent's sessions and sockets
 * at once (TESTPLAN A8). The last active admin cannot be disabled or demoted.
 */
import { randomBytes } from 'node:crypto';
import type { AgentAccount, AgentProfile, AgentRole } from '@frontdesk/shared';
import type { NewAgentInput } from '@frontdesk/shared/schemas';
import { AppError } from '../kernel/errors.ts';
import { imageUrl } from '../sites/images.ts';
import type { Site } from '../sites/store.ts';
import type { AgentSessions } from './agent-sessions.ts';
import type { AgentContext } from './context.ts';
import { hashPassword } from './password.ts';
import type { Agent, AgentsStore } from './store.ts';

/** A password to show once: 16 random bytes, base64url (22 characters). */
export const generatePassword = () => randomBytes(16).toString('base64url');

export type AccountChange = {
  name?: string;
  role?: AgentRole;
  siteIds?: readonly string[];
  disabled?: boolean;
};

export class AgentAccounts {
  constructor(
    private readonly store: AgentsStore,
    private readonly sessions: Pick<AgentSessions, 'revokeAgent'>,
  ) {}

  async create(
    input: NewAgentInput,
    siteIds: readonly string[],
    options: { mustChangePassword?: boolean } = {},
  ): Promise<Agent> {
    if (await this.store.getAgentByEmail(input.email))
      throw new AppError('conflict', `an agent with the e-mail ${input.email} exists`);
    return this.store.createAgent({
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      siteIds,
      mustChangePassword: options.mustChangePassword ?? false,
    });
  }

  async get(agentId: string): Promise<Agent> {
    const agent = await this.store.getAgent(agentId);
    if (!agent) throw new AppError('not_found', 'no such agent');
    return agent;
  }

  async findByEmail(email: string): Promise<Agent> {
    const agent = await this.store.getAgentByEmail(email);
    if (!agent) throw new AppError('not_found', `no agent with e-mail ${email}`);
    return agent;
  }

  list(): Promise<Agent[]> {
    return this.store.listAgents();
  }

  /** Disables (or enables) an account; disabling ends its sessions and sockets at once. */
  async setDisabled(agentId: string, disabled: boolean): Promise<Agent> {
    return this.change(agentId, { disabled });
  }

  /**
   * Changes an account. Refuses (`invalid_state`) to leave no active admin. Disabling ends the
   * agent's sessions and sockets; so does a change of role or sites (their open console re-reads
   * what they may see when they sign in again).
   */
  async change(agentId: string, change: AccountChange): Promise<Agent> {
    const before = await this.get(agentId);
    const losesAdmin =
      before.role === 'admin' &&
      !before.disabled &&
      (change.disabled === true || (change.role !== undefined && change.role !== 'admin'));
    if (losesAdmin && (await this.store.countActiveAdmins()) <= 1) {
      throw new AppError('invalid_state', 'this is the last active admin: make another agent an admin first');
    }
    const agent = await this.store.updateAgent(agentId, {
      ...(change.name !== undefined && { name: change.name }),
      ...(change.role !== undefined && { role: change.role }),
      ...(change.disabled !== undefined && { disabled: change.disabled }),
    });
    if (!agent) throw new AppError('not_found', 'no such agent');
    if (change.siteIds) await this.store.setAgentSites(agentId, change.siteIds);
    const sitesChanged = change.siteIds !== undefined;
    if (change.disabled === true || losesAdmin || (sitesChanged && before.role !== 'admin')) {
      await this.sessions.revokeAgent(agentId);
    }
    return agent;
  }

  /**
   * Sets a new password; every other session of the account ends (the caller's own may stay).
   * `mustChange`: a password someone else chose or generated must be replaced at the next sign-in.
   */
  async setPassword(
    agentId: string,
    password: string,
    options: { keepTokenHash?: string; mustChange?: boolean } = {},
  ): Promise<Agent> {
    const agent = await this.store.updateAgent(agentId, {
      passwordHash: await hashPassword(password),
      mustChangePassword: options.mustChange ?? false,
    });
    if (!agent) throw new AppError('not_found', 'no such agent');
    await this.sessions.revokeAgent(agentId, options.keepTokenHash);
    return agent;
  }

  async updateProfile(
    agentId: string,
    patch: { name?: string; avatarColor?: string | null; avatarImageId?: string | null },
  ): Promise<Agent> {
    const agent = await this.store.updateAgent(agentId, patch);
    if (!agent) throw new AppError('not_found', 'no such agent');
    return agent;
  }

  async account(agent: Agent): Promise<AgentAccount> {
    const sites = await this.store.listSitesOfAgent(agent.id);
    return toAccount(agent, sites);
  }

  async profile(ctx: AgentContext): Promise<AgentProfile> {
    const sites = await this.store.listSitesOfAgent(ctx.agent.id);
    return {
      id: ctx.agent.id,
      email: ctx.agent.email,
      name: ctx.agent.name,
      role: ctx.agent.role,
      sites: sites.filter((s) => !s.archived).map(siteRef),
      avatarColor: ctx.agent.avatarColor,
      avatarUrl: ctx.agent.avatarImageId ? imageUrl(ctx.agent.avatarImageId) : null,
      mustChangePassword: ctx.agent.mustChangePassword,
    };
  }
}

const siteRef = (s: Site) => ({ id: s.id, name: s.name, key: s.key });

export const toAccount = (agent: Agent, sites: readonly Site[]): AgentAccount => ({
  id: agent.id,
  email: agent.email,
  name: agent.name,
  role: agent.role,
  disabled: agent.disabled,
  sites: sites.map(siteRef),
  avatarColor: agent.avatarColor,
  avatarUrl: agent.avatarImageId ? imageUrl(agent.avatarImageId) : null,
  mustChangePassword: agent.mustChangePassword,
  createdAt: agent.createdAt,
});

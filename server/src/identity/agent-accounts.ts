/** Agent accounts: create, find, disable or enable, set a password (ending sessions), the profile. */
import type { AgentProfile } from '@frontdesk/shared';
import type { NewAgentInput } from '@frontdesk/shared/schemas';
import { AppError } from '../kernel/errors.ts';
import type { AgentSessions } from './agent-sessions.ts';
import type { AgentContext } from './context.ts';
import { hashPassword } from './password.ts';
import type { Agent, AgentsStore } from './store.ts';

export class AgentAccounts {
  constructor(
    private readonly store: AgentsStore,
    private readonly sessions: Pick<AgentSessions, 'revokeAgent'>,
  ) {}

  async create(input: NewAgentInput, siteIds: readonly string[]): Promise<Agent> {
    if (await this.store.getAgentByEmail(input.email))
      throw new AppError('conflict', 'an agent with this e-mail exists');
    return this.store.createAgent({
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      siteIds,
    });
  }

  async findByEmail(email: string): Promise<Agent> {
    const agent = await this.store.getAgentByEmail(email);
    if (!agent) throw new AppError('not_found', `no agent with e-mail ${email}`);
    return agent;
  }

  /** Disables (or enables) an account; disabling ends its sessions and sockets at once. */
  async setDisabled(agentId: string, disabled: boolean): Promise<Agent> {
    const agent = await this.store.updateAgent(agentId, { disabled });
    if (!agent) throw new AppError('not_found', 'no such agent');
    if (disabled) await this.sessions.revokeAgent(agentId);
    return agent;
  }

  /** Sets a new password; every other session of the account ends (the caller's own may stay). */
  async setPassword(agentId: string, password: string, keepTokenHash?: string): Promise<Agent> {
    const agent = await this.store.updateAgent(agentId, { passwordHash: await hashPassword(password) });
    if (!agent) throw new AppError('not_found', 'no such agent');
    await this.sessions.revokeAgent(agentId, keepTokenHash);
    return agent;
  }

  async profile(ctx: AgentContext): Promise<AgentProfile> {
    const sites = await this.store.listSitesOfAgent(ctx.agent.id);
    return {
      id: ctx.agent.id,
      email: ctx.agent.email,
      name: ctx.agent.name,
      role: ctx.agent.role,
      sites: sites.map((s) => ({ id: s.id, name: s.name, key: s.key })),
    };
  }
}

/** Agent accounts and sessions: create, log in (throttled), authenticate a session token, log out. */
import type { AgentProfile } from '@frontdesk/shared';
import type { LoginInput, NewAgentInput } from '@frontdesk/shared/schemas';
import { LoginGuard } from '../auth/login-guard.ts';
import { getDummyHash, hashPassword, verifyPassword } from '../auth/password.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Agent, Storage } from '../storage/index.ts';
import type { AgentContext } from './conversations.ts';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export class AgentService {
  private readonly sessionEnded: ((tokenHash: string) => void)[] = [];

  constructor(
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly guard: LoginGuard = new LoginGuard(),
  ) {}

  async create(input: NewAgentInput, siteIds: readonly string[]): Promise<Agent> {
    if (await this.storage.getAgentByEmail(input.email))
      throw new AppError('conflict', 'an agent with this e-mail exists');
    return this.storage.createAgent({
      email: input.email,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      siteIds,
    });
  }

  async login(input: LoginInput, address: string): Promise<{ token: string; agent: Agent; expiresAt: Date }> {
    let attempt: ReturnType<LoginGuard['begin']>;
    try {
      // Counted before the slow hash: twenty guesses at once are refused, not checked.
      attempt = this.guard.begin(input.email, address);
    } catch (error) {
      this.logger.warn({ email: input.email, address, outcome: 'throttled' }, 'sign-in refused');
      throw error;
    }
    const agent = await this.storage.getAgentByEmail(input.email);
    // Verify against a dummy hash for unknown e-mails so timing does not reveal which accounts exist.
    const ok = await verifyPassword(input.password, agent?.passwordHash ?? (await getDummyHash()));
    if (!agent || !ok || agent.disabled) {
      attempt.failed();
      const outcome = !agent ? 'unknown_account' : !ok ? 'wrong_password' : 'disabled';
      this.logger.warn({ email: input.email, address, outcome }, 'sign-in failed');
      throw new AppError('unauthorized', 'wrong e-mail or password');
    }
    attempt.succeeded();
    const token = newToken();
    const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
    await this.storage.createSession({
      tokenHash: hashToken(token),
      agentId: agent.id,
      expiresAt: expiresAt.toISOString(),
    });
    return { token, agent, expiresAt };
  }

  async authenticate(token: string | undefined): Promise<AgentContext | null> {
    if (!token) return null;
    const tokenHash = hashToken(token);
    const session = await this.storage.getSession(tokenHash);
    if (!session) return null;
    if (session.expiresAt <= new Date().toISOString()) {
      await this.storage.deleteSession(tokenHash);
      return null;
    }
    const agent = await this.storage.getAgent(session.agentId);
    if (!agent || agent.disabled) return null;
    return { agent, siteIds: await this.storage.listAgentSiteIds(agent.id) };
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    const tokenHash = hashToken(token);
    await this.storage.deleteSession(tokenHash);
    for (const listener of this.sessionEnded) listener(tokenHash);
  }

  /** Called with a session's token hash when it ends, so open sockets of that session can be closed. */
  onSessionEnded(listener: (tokenHash: string) => void): void {
    this.sessionEnded.push(listener);
  }

  /**
   * Ends every session of an agent (but `exceptTokenHash`, the one making a change to its own
   * account) and closes their sockets on this node; other processes notice within
   * `LIMITS.agentSessionRecheckMs` (see `liveSessions`).
   */
  async revokeAgent(agentId: string, exceptTokenHash?: string): Promise<number> {
    const ended = await this.storage.deleteAgentSessions(agentId, exceptTokenHash);
    for (const tokenHash of ended) for (const listener of this.sessionEnded) listener(tokenHash);
    return ended.length;
  }

  /** Disables (or enables) an account; disabling ends its sessions and sockets at once. */
  async setDisabled(agentId: string, disabled: boolean): Promise<Agent> {
    const agent = await this.storage.updateAgent(agentId, { disabled });
    if (!agent) throw new AppError('not_found', 'no such agent');
    if (disabled) await this.revokeAgent(agentId);
    return agent;
  }

  /** Sets a new password; every other session of the account ends (the caller's own may stay). */
  async setPassword(agentId: string, password: string, keepTokenHash?: string): Promise<Agent> {
    const agent = await this.storage.updateAgent(agentId, { passwordHash: await hashPassword(password) });
    if (!agent) throw new AppError('not_found', 'no such agent');
    await this.revokeAgent(agentId, keepTokenHash);
    return agent;
  }

  async findByEmail(email: string): Promise<Agent> {
    const agent = await this.storage.getAgentByEmail(email);
    if (!agent) throw new AppError('not_found', `no agent with e-mail ${email}`);
    return agent;
  }

  /** Of these session token hashes, the ones still valid (for sockets that outlive a change made elsewhere). */
  liveSessions(tokenHashes: readonly string[]): Promise<string[]> {
    if (tokenHashes.length === 0) return Promise.resolve([]);
    return this.storage.filterLiveSessions(tokenHashes, new Date().toISOString());
  }

  async profile(ctx: AgentContext): Promise<AgentProfile> {
    const sites = await this.storage.listSitesOfAgent(ctx.agent.id);
    return {
      id: ctx.agent.id,
      email: ctx.agent.email,
      name: ctx.agent.name,
      role: ctx.agent.role,
      sites: sites.map((s) => ({ id: s.id, name: s.name, key: s.key })),
    };
  }
}

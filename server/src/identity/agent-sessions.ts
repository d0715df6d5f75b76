/** Agent sessions: sign in (throttled), authenticate a session token, sign out, end an agent's sessions. */
import type { LoginInput } from '@frontdesk/shared/schemas';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import type { AgentContext } from './context.ts';
import { type LoginAttempt, LoginGuard, type LoginThrottle } from './login-guard.ts';
import { getDummyHash, verifyPassword } from './password.ts';
import type { AgentsStore, SessionsStore } from './store.ts';
import { hashToken, newToken } from './tokens.ts';

export const SESSION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Told which sessions ended, so the sockets opened with them close (the realtime layer of this node). */
export type SessionsEnded = { sessionsEnded(tokenHashes: readonly string[]): void };

/** For a process without sockets (the CLI): servers notice within their re-check interval. */
export const NO_OPEN_SOCKETS: SessionsEnded = { sessionsEnded: () => {} };

export type SignedIn = { token: string; expiresAt: Date; ctx: AgentContext };

export class AgentSessions {
  constructor(
    private readonly store: AgentsStore & SessionsStore,
    private readonly ended: SessionsEnded,
    private readonly logger: Logger,
    private readonly guard: LoginThrottle = new LoginGuard(),
  ) {}

  async login(input: LoginInput, address: string): Promise<SignedIn> {
    let attempt: LoginAttempt;
    try {
      // Counted before the slow hash: twenty guesses at once are refused, not checked.
      attempt = await this.guard.begin(input.email, address);
    } catch (error) {
      this.logger.warn({ email: input.email, address, outcome: 'throttled' }, 'sign-in refused');
      throw error;
    }
    const agent = await this.store.getAgentByEmail(input.email);
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
    await this.store.createSession({
      tokenHash: hashToken(token),
      agentId: agent.id,
      expiresAt: expiresAt.toISOString(),
    });
    return { token, expiresAt, ctx: { agent, siteIds: await this.store.listAgentSiteIds(agent.id) } };
  }

  /**
   * Checks a signed-in agent's current password (changing their own password), throttled by the
   * same guard as sign-in: a stolen session cannot guess its way to the password.
   */
  async verifyOwnPassword(agent: { email: string; passwordHash: string }, password: string, address: string) {
    const attempt = await this.guard.begin(agent.email, address);
    if (!(await verifyPassword(password, agent.passwordHash))) {
      attempt.failed();
      this.logger.warn({ email: agent.email, address, outcome: 'wrong_password' }, 'password change refused');
      throw new AppError('unauthorized', 'the current password is wrong');
    }
    attempt.succeeded();
  }

  async authenticate(token: string | undefined): Promise<AgentContext | null> {
    if (!token) return null;
    const tokenHash = hashToken(token);
    const session = await this.store.getSession(tokenHash);
    if (!session) return null;
    if (session.expiresAt <= new Date().toISOString()) {
      await this.store.deleteSession(tokenHash);
      return null;
    }
    const agent = await this.store.getAgent(session.agentId);
    if (!agent || agent.disabled) return null;
    return { agent, siteIds: await this.store.listAgentSiteIds(agent.id) };
  }

  async logout(token: string | undefined): Promise<void> {
    if (!token) return;
    const tokenHash = hashToken(token);
    await this.store.deleteSession(tokenHash);
    this.ended.sessionsEnded([tokenHash]);
  }

  /**
   * Ends every session of an agent (but `exceptTokenHash`, the one making a change to its own
   * account) and closes their sockets on this node; other processes notice within
   * `LIMITS.agentSessionRecheckMs` (see `liveSessions`).
   */
  async revokeAgent(agentId: string, exceptTokenHash?: string): Promise<number> {
    const ended = await this.store.deleteAgentSessions(agentId, exceptTokenHash);
    if (ended.length > 0) this.ended.sessionsEnded(ended);
    return ended.length;
  }

  /** Of these session token hashes, the ones still valid (for sockets that outlive a change made elsewhere). */
  liveSessions(tokenHashes: readonly string[]): Promise<string[]> {
    if (tokenHashes.length === 0) return Promise.resolve([]);
    return this.store.filterLiveSessions(tokenHashes, new Date().toISOString());
  }
}

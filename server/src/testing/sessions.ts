/** Agent sessions for load tests: a session row as `POST /auth/login` makes it, without paying scrypt. */
import { SESSION_COOKIE } from '../identity/cookies.ts';
import type { SessionsStore } from '../identity/store.ts';
import { hashToken, newToken } from '../identity/tokens.ts';

/** Creates a session for the agent and returns the `Cookie` header value that carries it. */
export async function agentSessionCookie(
  sessions: Pick<SessionsStore, 'createSession'>,
  agentId: string,
  ttlMs: number,
): Promise<string> {
  const token = newToken();
  await sessions.createSession({
    tokenHash: hashToken(token),
    agentId,
    expiresAt: new Date(Date.now() + ttlMs).toISOString(),
  });
  return `${SESSION_COOKIE}=${token}`;
}

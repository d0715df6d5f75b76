/**
 * Sessions that outlive their right (TESTPLAN A8): logging out, disabling an agent or changing the
 * password ends that agent's sessions and open sockets — at once on this node, and within the re-check
 * interval when the change is made by another process (the CLI here; another node later).
 */
import { API, EVENTS, NAMESPACES } from '@frontdesk/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli.ts';
import { type AgentSocket, connected, type Harness, startHarness, waitFor } from '../testing/harness.ts';
import { SESSION_COOKIE } from './cookies.ts';
import { hashToken } from './tokens.ts';

let h: Harness & { dataDir: string };
beforeAll(async () => {
  h = await startHarness({ sessionRecheckMs: 200 });
});
afterAll(async () => {
  await h.close();
});

/** Resolves with the session-ended event and the disconnect reason, in that order. */
function ended(socket: AgentSocket, ms = 5000) {
  return Promise.all([
    waitFor<{ code: string }>(socket, EVENTS.sessionEnded, () => true, ms),
    new Promise<string>((resolve) => socket.once('disconnect', resolve)),
  ]);
}

const signIn = (email: string) =>
  fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify({ email, password: 'a long test password' }),
  }).then((r) => r.status);

const me = (cookie: string) => fetch(h.url + API.me, { headers: { cookie } }).then((r) => r.status);

describe('A8 ending sessions', () => {
  it("A8 logging out ends that session's open agent sockets", async () => {
    const agent = await h.newAgent('Leaving');
    await connected(agent.socket);
    const done = ended(agent.socket);
    const res = await fetch(h.url + API.logout, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: h.origin, cookie: agent.cookie },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(await done).toEqual([{ code: 'unauthorized' }, 'io server disconnect']);
  });

  it('A8 disabling an agent ends every session and socket at once, and they cannot sign in again', async () => {
    const agent = await h.newAgent('Disabled');
    await connected(agent.socket);
    const account = await h.agents.findByEmail(agent.email);
    const done = ended(agent.socket);
    await h.agents.setDisabled(account.id, true);
    expect(await done).toEqual([{ code: 'unauthorized' }, 'io server disconnect']);
    expect(await me(agent.cookie)).toBe(401);
    expect(await signIn(agent.email)).toBe(401);
  });

  it('A8 a password changed from the CLI (another process) ends the sockets within the re-check interval', async () => {
    const agent = await h.newAgent('Changed');
    await connected(agent.socket);
    expect(await me(agent.cookie)).toBe(200);
    const done = ended(agent.socket);
    const out: string[] = [];
    const code = await runCli(
      ['agent:password', '--email', agent.email, '--password', 'a brand new password'],
      (line) => out.push(line),
      { DATA_DIR: h.dataDir, LOG_LEVEL: 'silent' },
    );
    expect(out.join('\n')).toContain('their sessions have ended');
    expect(code).toBe(0);
    expect(await done).toEqual([{ code: 'unauthorized' }, 'io server disconnect']);
    expect(await me(agent.cookie)).toBe(401);
  });

  it('A4 an expired or forged agent session is refused on the socket and over HTTP', async () => {
    const { email } = await h.createAgent('Expired');
    const account = await h.agents.findByEmail(email);
    const token = 'x'.repeat(43);
    await h.storage.createSession({
      tokenHash: hashToken(token),
      agentId: account.id,
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    });
    for (const cookie of [`${SESSION_COOKIE}=${token}`, `${SESSION_COOKIE}=${'y'.repeat(43)}`]) {
      expect(await me(cookie)).toBe(401);
      const socket = io(`${h.url}${NAMESPACES.agent}`, {
        extraHeaders: { origin: h.origin, cookie },
        transports: ['websocket'],
        forceNew: true,
      });
      await expect(connected(socket)).rejects.toThrow('unauthorized');
      socket.disconnect();
    }
  });

  it('A8 an agent disabled from the CLI loses the sockets too; enabling lets them sign in again', async () => {
    const agent = await h.newAgent('Cli disabled');
    await connected(agent.socket);
    const done = ended(agent.socket);
    const env = { DATA_DIR: h.dataDir, LOG_LEVEL: 'silent' };
    expect(await runCli(['agent:disable', '--email', agent.email], () => {}, env)).toBe(0);
    await done;
    expect(await runCli(['agent:enable', '--email', agent.email], () => {}, env)).toBe(0);
    expect(await signIn(agent.email)).toBe(200);
  });
});

/** Agent sign-in against real storage and the real password hash (TESTPLAN A9, A4). */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/errors.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openStorage } from '../storage/index.ts';
import { AgentAccounts } from './agent-accounts.ts';
import { AgentSessions, NO_OPEN_SOCKETS } from './agent-sessions.ts';

const PASSWORD = 'the right password';

async function setup() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const storage = openStorage({ engine: 'sqlite', file: ':memory:' });
  await storage.migrate();
  const sessions = new AgentSessions(storage, NO_OPEN_SOCKETS, pino({ level: 'info' }, sink));
  const agents = new AgentAccounts(storage, sessions);
  const site = await storage.createSite({
    key: 'site-a9',
    name: 'A9',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
  });
  await agents.create({ email: 'owner@example.com', name: 'Owner', password: PASSWORD, role: 'agent' }, [
    site.id,
  ]);
  const outcome = async (password: string, address: string) => {
    try {
      await sessions.login({ email: 'owner@example.com', password }, address);
      return 'ok';
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  };
  return { storage, agents, lines, outcome };
}

describe('sign-in throttling (A9)', () => {
  it('A9 20 wrong passwords at once: only the free ones are checked, the rest refused before the hash', async () => {
    const { outcome, storage } = await setup();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => outcome('wrong guess', '203.0.113.9')),
    );
    expect(results.filter((r) => r === 'unauthorized')).toHaveLength(5);
    expect(results.filter((r) => r === 'rate_limited')).toHaveLength(15);
    await storage.close();
  });

  it('A9 ten wrong passwords from a stranger do not lock the owner out', async () => {
    const { outcome, storage } = await setup();
    for (let i = 0; i < 10; i++) await outcome('wrong guess', '203.0.113.9');
    expect(await outcome('wrong guess', '203.0.113.9')).toBe('rate_limited');
    expect(await outcome(PASSWORD, '198.51.100.7')).toBe('ok');
    await storage.close();
  });

  it('A9 A4 failed sign-ins are logged with the account, address and reason, never the password', async () => {
    const { outcome, lines, storage } = await setup();
    await outcome('hunter2-secret-guess', '203.0.113.9');
    const logged = lines.join('');
    expect(logged).toContain('sign-in failed');
    expect(logged).toContain('owner@example.com');
    expect(logged).toContain('wrong_password');
    expect(logged).not.toContain('hunter2-secret-guess');
    await storage.close();
  });
});

/** First start: the demo site and the first admin, whose password is shown once (TESTPLAN A4). */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { BotRegistry } from '../bot/registry.ts';
import { AgentAccounts } from '../identity/agent-accounts.ts';
import { AgentSessions, NO_OPEN_SOCKETS } from '../identity/agent-sessions.ts';
import { openStorage } from '../storage/index.ts';
import { ensureAdmin, ensureDemoSite, signInHint } from './bootstrap.ts';

/** A migrated SQLite storage in a fresh folder, with the demo site: what a first start has. */
async function firstStart() {
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-boot-'));
  const storage = openStorage({ engine: 'sqlite', file: join(dataDir, 'frontdesk.db') });
  await storage.migrate();
  const agents = new AgentAccounts(
    storage,
    new AgentSessions(storage, NO_OPEN_SOCKETS, pino({ level: 'silent' })),
  );
  const site = await ensureDemoSite(storage, new BotRegistry(storage));
  return { dataDir, storage, agents, site };
}

describe('first admin', () => {
  it('A4 prints the generated password on the start that created it, and never again', async () => {
    const { dataDir, storage, agents, site } = await firstStart();

    const first = await ensureAdmin(storage, agents, site, dataDir);
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(signInHint(first)).toContain(first.password);

    const second = await ensureAdmin(storage, agents, site, dataDir);
    expect(second.password).toBeNull();
    expect(signInHint(second)).not.toContain(first.password as string);
    expect(signInHint(second)).toContain('admin-password.txt');

    rmSync(first.passwordFile);
    const third = await ensureAdmin(storage, agents, site, dataDir);
    expect(signInHint(third)).toContain('pnpm frontdesk agent:add');
    await storage.close();
  });

  it('writes the password file into a data folder that does not exist yet (PostgreSQL makes none)', async () => {
    const { dataDir: root, storage, agents, site } = await firstStart();
    const admin = await ensureAdmin(storage, agents, site, join(root, 'not-yet', 'data'));
    expect(existsSync(admin.passwordFile)).toBe(true);
    await storage.close();
  });

  it('A4 the file with the generated password goes once the admin has chosen their own', async () => {
    const { dataDir, storage, agents, site } = await firstStart();
    const first = await ensureAdmin(storage, agents, site, dataDir);
    // Still the generated password: the file stays.
    expect((await ensureAdmin(storage, agents, site, dataDir)).passwordFileKept).toBe(true);
    const admin = await storage.getAgentByEmail('admin@example.com');
    await storage.updateAgent(admin!.id, { mustChangePassword: false });
    const later = await ensureAdmin(storage, agents, site, dataDir);
    expect(later.passwordFileKept).toBe(false);
    expect(existsSync(first.passwordFile)).toBe(false);
    await storage.close();
  });
});

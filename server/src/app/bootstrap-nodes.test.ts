/**
 * Issue 11: several nodes starting together on one empty PostgreSQL database. Each makes sure the
 * demo site and the first admin exist; whichever loses the race uses the winner's rows, and the
 * generated admin password is shown by exactly one of them.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { BotRegistry } from '../bot/registry.ts';
import { AgentAccounts } from '../identity/agent-accounts.ts';
import { AgentSessions, NO_OPEN_SOCKETS } from '../identity/agent-sessions.ts';
import { openPostgresStorage } from '../storage/postgres.ts';
import { postgresForThisFile } from '../testing/postgres.ts';
import { ensureAdmin, ensureDemoSite } from './bootstrap.ts';

const database = await postgresForThisFile();

describe.skipIf(!database)('nodes starting together', () => {
  const nodes = database ? [1, 2, 3].map(() => openPostgresStorage(database.url, { poolSize: 2 })) : [];
  afterAll(async () => {
    for (const node of nodes) await node.close();
  });

  it('three nodes create one demo site and one admin, and only one prints the password', async () => {
    await Promise.all(nodes.map((node) => node.migrate()));
    const starts = await Promise.all(
      nodes.map(async (storage) => {
        const agents = new AgentAccounts(
          storage,
          new AgentSessions(storage, NO_OPEN_SOCKETS, pino({ level: 'silent' })),
        );
        const site = await ensureDemoSite(storage, new BotRegistry(storage));
        const admin = await ensureAdmin(
          storage,
          agents,
          site,
          mkdtempSync(join(tmpdir(), 'frontdesk-node-')),
        );
        return { site, admin };
      }),
    );
    expect(new Set(starts.map((s) => s.site.id)).size).toBe(1);
    expect(starts.filter((s) => s.admin.password !== null)).toHaveLength(1);
    expect(await nodes[0]?.countAgents()).toBe(1);
    expect((await nodes[0]?.listSites())?.length).toBe(1);
  });
});

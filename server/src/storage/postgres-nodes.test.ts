/**
 * Two "nodes" on one PostgreSQL database: two separate pools writing at once. What SQLite gets from
 * one process, PostgreSQL must get from row locks, unique keys and version guards (TESTPLAN D1, D7).
 */

import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { createTestDatabase, dropTestDatabase, postgresForThisFile } from '../testing/postgres.ts';
import { MIGRATIONS } from './migrations.ts';
import { openPostgresStorage } from './postgres.ts';
import type { NewMessage, Storage } from './types.ts';

const database = await postgresForThisFile();

describe.skipIf(!database)('postgresql: two nodes writing at once', () => {
  const opened: Storage[] = [];
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
  });

  /** Two storages (two pools, as two processes would have) on the file's database. */
  async function twoNodes() {
    const a = openPostgresStorage(database?.url ?? '', { poolSize: 10 });
    const b = openPostgresStorage(database?.url ?? '', { poolSize: 10 });
    opened.push(a, b);
    await Promise.all([a.migrate(), b.migrate()]);
    const site = await a.createSite({
      key: `site-${Math.random().toString(36).slice(2)}`,
      name: 'Shop',
      allowedOrigins: [],
      settings: DEFAULT_SITE_SETTINGS,
    });
    const visitor = await a.createVisitor({ siteId: site.id, tokenHash: `h-${Math.random()}` });
    const conversation = await b.createConversation({ siteId: site.id, visitorId: visitor.id, locale: 'en' });
    const msg = (body: string, clientId: string | null = null): NewMessage => ({
      conversationId: conversation.id,
      clientId,
      author: 'visitor',
      authorName: null,
      agentId: null,
      kind: 'text',
      body,
      meta: null,
    });
    return { a, b, site, conversation, msg };
  }

  it('D1 2 pools × 200 concurrent sends into one conversation: seqs exactly 1..400, none twice', async () => {
    const { a, b, conversation, msg } = await twoNodes();
    const sends = Array.from({ length: 200 }, (_, i) => [
      a.appendMessage(msg(`a${i}`, `a-${i}`)),
      b.appendMessage(msg(`b${i}`, `b-${i}`)),
    ]).flat();
    const results = await Promise.all(sends);
    expect(results.filter((r) => r.status === 'stored')).toHaveLength(400);
    const seqs = results.map((r) => (r.status === 'stored' ? r.message.seq : 0)).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    const stored = await a.listMessages(conversation.id, 0, 1000);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    expect(new Set(stored.map((m) => m.clientId)).size).toBe(400);
    expect((await b.getConversation(conversation.id))?.lastSeq).toBe(400);
  });

  it('D1 the same clientId sent concurrently from both nodes is stored once; every retry gets the original', async () => {
    const { a, b, conversation, msg } = await twoNodes();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).appendMessage(msg('hello', 'client-same'))),
    );
    const stored = results.filter((r) => r.status === 'stored');
    expect(stored).toHaveLength(1);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(19);
    const original = stored[0]?.status === 'stored' ? stored[0].message : null;
    for (const r of results) if (r.status !== 'skipped') expect(r.message).toEqual(original);
    const rows = await a.listMessages(conversation.id, 0, 10);
    expect(rows.map((m) => [m.seq, m.clientId])).toEqual([[1, 'client-same']]);
    // The rolled-back bumps left no gap: the next message is seq 2.
    const next = await b.appendMessage(msg('next', 'client-next'));
    expect(next.status === 'stored' && next.message.seq).toBe(2);
  });

  it('D7 20 concurrent takes of one queued conversation from two nodes: exactly one agent wins', async () => {
    const { a, b, site, conversation, msg } = await twoNodes();
    const queued = await a.updateConversation(
      conversation.id,
      conversation.version,
      { state: 'queued' },
      null,
    );
    if (!queued) throw new Error('not queued');
    const agents = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        a.createAgent({
          email: `take-${i}-${Math.random()}@example.com`,
          name: `Agent ${i}`,
          role: 'agent',
          passwordHash: 'x',
          siteIds: [site.id],
        }),
      ),
    );
    const takes = await Promise.all(
      agents.map((agent, i) =>
        (i % 2 ? a : b).updateConversation(
          conversation.id,
          queued.conversation.version,
          { state: 'assigned', agentId: agent.id },
          { ...msg(`taken by ${agent.id}`), author: 'system', kind: 'event' },
        ),
      ),
    );
    const winners = takes.filter((t) => t !== null);
    expect(winners).toHaveLength(1);
    const winner = winners[0];
    const after = await b.getConversation(conversation.id);
    expect(after).toMatchObject({ state: 'assigned', agentId: winner?.conversation.agentId });
    expect(after?.version).toBe(queued.conversation.version + 1);
    const events = await a.listMessages(conversation.id, 0, 100);
    expect(events.map((m) => [m.seq, m.body])).toEqual([[1, `taken by ${winner?.conversation.agentId}`]]);
  });

  it('migrations: four nodes starting together on an empty database all succeed, each migration applied once', async () => {
    const fresh = await createTestDatabase();
    const nodes = Array.from({ length: 4 }, () => openPostgresStorage(fresh.url, { poolSize: 2 }));
    try {
      await Promise.all(nodes.map((node) => node.migrate()));
      const names = await nodes[0]?.listSites();
      expect(names).toEqual([]);
      const applied = await appliedMigrations(fresh.url);
      expect(applied).toEqual(Object.keys(MIGRATIONS));
    } finally {
      await Promise.all(nodes.map((node) => node.close()));
      await dropTestDatabase(fresh);
    }
  });
});

/** The migrator's own record, read with a plain client. */
async function appliedMigrations(url: string): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT name FROM frontdesk_migrations ORDER BY name',
    );
    return rows.map((r) => r.name);
  } finally {
    await client.end();
  }
}

/**
 * Issue 11 (redis): `RedisPresence` on a real Redis, two "nodes" (two instances, own connections, one
 * prefix). Timers are in the test's hands: grace and heartbeat run only when the test says so.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { PresenceChange } from '../identity/presence.ts';
import { createLogger } from '../kernel/logger.ts';
import { redisForThisFile } from '../testing/redis.ts';
import { connectRedis, type RedisNode } from './connection.ts';
import { RedisPresence } from './presence.ts';

const redis = await redisForThisFile();
const logger = createLogger('silent');

/** Timers that fire only when `run` is called. */
function manualTimers() {
  let next = 0;
  const pending = new Map<number, { fn: () => void; repeat: boolean }>();
  const add = (fn: () => void, repeat: boolean) => {
    next += 1;
    pending.set(next, { fn, repeat });
    return next;
  };
  return {
    setTimeout: (fn: () => void) => add(fn, false),
    clearTimeout: (h: unknown) => void pending.delete(h as number),
    setInterval: (fn: () => void) => add(fn, true),
    clearInterval: (h: unknown) => void pending.delete(h as number),
    /** Fires the pending one-shot timers (the grace periods). */
    runTimeouts() {
      for (const [id, t] of [...pending]) {
        if (t.repeat) continue;
        pending.delete(id);
        t.fn();
      }
    },
  };
}

const nodes: RedisNode[] = [];
const books: RedisPresence[] = [];
afterAll(async () => {
  for (const book of books) book.close();
  await new Promise((r) => setTimeout(r, 50));
  for (const node of nodes) await node.close();
});

async function node(prefix: string) {
  if (!redis) throw new Error('no redis');
  const n = await connectRedis({ url: redis.url, prefix }, logger);
  nodes.push(n);
  const timers = manualTimers();
  const book = await RedisPresence.start(n, { timers, logger, heartbeatMs: 1000 });
  books.push(book);
  const changes: PresenceChange[] = [];
  book.onChange((c) => changes.push(c));
  return { n, book, timers, changes };
}

const anna = { id: 'anna', siteIds: ['s1', 's2'] };
const ben = { id: 'ben', siteIds: ['s1'] };

describe.skipIf(!redis)('RedisPresence across two nodes', () => {
  let prefix: string;
  let count = 0;
  beforeEach(() => {
    count += 1;
    prefix = `${redis?.prefix}:${count}`;
  });

  it('an agent online on one node counts on the other, once however many tabs and nodes', async () => {
    const a = await node(prefix);
    const b = await node(prefix);
    await a.book.socketOpened(anna, 't1');
    await b.book.socketOpened(anna, 't2');
    await b.book.socketOpened(ben, 't3');
    expect(await a.book.agentsOnline('s1')).toBe(2);
    expect(await a.book.agentsOnline('s2')).toBe(1);
    expect(await b.book.ofSite('s2')).toEqual([{ agentId: 'anna', status: 'online' }]);
    // Listeners fire on the node where the change happened (broadcasts cross nodes by the adapter).
    expect(a.changes.map((c) => [c.agentId, c.status])).toEqual([['anna', 'online']]);
    expect(b.changes.map((c) => [c.agentId, c.status])).toEqual([
      ['anna', 'online'],
      ['ben', 'online'],
    ]);
  });

  it('a status chosen on one node holds for the tabs on the other; a new tab elsewhere keeps it', async () => {
    const a = await node(prefix);
    const b = await node(prefix);
    await a.book.socketOpened(anna, 't1');
    await b.book.socketOpened(anna, 't2');
    expect(await a.book.setStatus('anna', 'away')).toBe('away');
    await expect.poll(() => b.book.agentsOnline('s1')).toBe(0);
    expect(await b.book.ofSite('s1')).toEqual([{ agentId: 'anna', status: 'away' }]);
    expect(a.changes.at(-1)).toEqual({ agentId: 'anna', status: 'away', siteIds: ['s1', 's2'] });
    const c = await node(prefix);
    expect(await c.book.socketOpened(anna, 't3')).toBe('away');
  });

  it('offline only after the grace once the last socket on that node closed, and only if no node has one', async () => {
    const a = await node(prefix);
    const b = await node(prefix);
    await a.book.socketOpened(ben, 't1');
    await b.book.socketOpened(ben, 't2');
    await a.book.socketClosed('ben', 't1');
    expect(await b.book.agentsOnline('s1')).toBe(1);
    a.timers.runTimeouts();
    await expect.poll(() => a.changes.at(-1)?.status).toBe('online'); // still online on node B
    expect(await a.book.agentsOnline('s1')).toBe(1);
    await b.book.socketClosed('ben', 't2');
    expect(await a.book.agentsOnline('s1')).toBe(1); // within the grace
    b.timers.runTimeouts();
    await expect.poll(() => b.changes.at(-1)?.status).toBe('offline');
    expect(await a.book.agentsOnline('s1')).toBe(0);
  });

  it('a node that stops beating loses its agents: its liveness key expires and readers clean up', async () => {
    const a = await node(prefix);
    const b = await node(prefix);
    await a.book.socketOpened(ben, 't1');
    expect(await b.book.agentsOnline('s1')).toBe(1);
    const alive = `${prefix}:presence:alive:${a.n.nodeId}`;
    const ttl = await b.n.commands.pttl(alive);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(3000); // three heartbeats
    // What the TTL does when node A is killed (no close, no more beats), without waiting for it:
    await b.n.commands.del(alive);
    expect(await b.book.agentsOnline('s1')).toBe(0);
    expect(await b.n.commands.sismember(`${prefix}:presence:nodes`, a.n.nodeId)).toBe(0);
    expect(await b.n.commands.exists(`${prefix}:presence:node:${a.n.nodeId}`)).toBe(0);
  });

  it('D5 Redis lost the keys (restarted without persistence): the next heartbeat counts the agents again', async () => {
    const a = await node(prefix);
    const b = await node(prefix);
    await a.book.socketOpened(anna, 't1');
    await b.book.socketOpened(ben, 't2');
    expect(await b.book.agentsOnline('s1')).toBe(2);
    // What a restarted Redis without persistence holds of this install: nothing.
    const keys = await a.n.commands.keys(`${prefix}:*`);
    await a.n.commands.del(...keys);
    expect(await b.book.agentsOnline('s1')).toBe(0);
    await a.book.beat(); // what each node's heartbeat runs every few seconds
    expect(await b.book.ofSite('s1')).toEqual([{ agentId: 'anna', status: 'online' }]);
    await b.book.beat();
    expect(await a.book.agentsOnline('s1')).toBe(2);
    // A node whose agents all left writes an empty hash: nobody is counted twice or left over.
    await a.book.socketClosed('anna', 't1');
    a.timers.runTimeouts();
    await expect.poll(() => b.book.agentsOnline('s2')).toBe(0);
    await a.book.beat();
    expect(await b.book.agentsOnline('s1')).toBe(1);
  });

  it('sites joined on one node count at once, and the change is told there', async () => {
    const a = await node(prefix);
    const b = await node(prefix);
    await b.book.socketOpened(ben, 't1');
    await a.book.sitesJoined('ben', ['s9']);
    await expect.poll(() => a.book.agentsOnline('s9')).toBe(1);
    await expect.poll(() => b.changes.some((c) => c.siteIds.includes('s9'))).toBe(true);
  });

  it('issue 11: a status applied from another node is mirrored but told only where it was chosen', async () => {
    const a = await node(prefix);
    const b = await node(prefix);
    await a.book.socketOpened(anna, 't1');
    await b.book.socketOpened(anna, 't2');
    await a.book.setStatus('anna', 'away');
    // B's own hash follows (B's tab carries the chosen status), B's listeners hear nothing.
    const hashB = `${prefix}:presence:node:${b.n.nodeId}`;
    await expect
      .poll(async () => JSON.parse((await b.n.commands.hget(hashB, 'anna')) ?? '{}').status)
      .toBe('away');
    expect(b.changes.map((c) => c.status)).toEqual(['online']);
    expect(a.changes.map((c) => c.status)).toEqual(['online', 'away']);
  });

  it('issue 11: a tab reopened with fewer sites narrows the mirror on the other nodes', async () => {
    const a = await node(prefix);
    const b = await node(prefix);
    await a.book.socketOpened(anna, 't1');
    expect(await b.book.ofSite('s2')).toEqual([{ agentId: 'anna', status: 'online' }]);
    await a.book.socketOpened({ id: 'anna', siteIds: ['s1'] }, 't2');
    expect(await b.book.ofSite('s2')).toEqual([]);
    expect(await b.book.agentsOnline('s1')).toBe(1);
  });

  it('issue 11: a Redis failure while mirroring a change reaches the caller, not an unhandled rejection', async () => {
    const a = await node(prefix);
    await a.book.socketOpened(ben, 't1');
    a.n.commands.disconnect();
    await expect(a.book.setStatus('ben', 'away')).rejects.toThrow();
    await expect(a.book.socketOpened(anna, 't2')).rejects.toThrow();
  });
});

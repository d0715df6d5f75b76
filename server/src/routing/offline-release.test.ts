/**
 * Issue 14 (durable offline return): the shutdown path of `OfflineRelease` on real SQLite storage.
 * `close()` must wait for a sweep or an offline report under way (held here on a promise the test
 * controls), let none of it touch storage after it resolved, and leave no timer behind: the server
 * closes the database right after it (the whole-loop restart hang of the first merge).
 */
import type { Message } from '@frontdesk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import type { Broadcaster } from '../conversations/ports.ts';
import { Transitions } from '../conversations/transitions.ts';
import { MemoryPresence, type Timers } from '../identity/presence.ts';
import { createLogger } from '../kernel/logger.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openSqliteStorage } from '../storage/sqlite.ts';
import type { Storage } from '../storage/types.ts';
import { OfflineRelease } from './offline-release.ts';

/** Timers the test fires by hand; `live` is what is still scheduled. */
function manualTimers() {
  const live = new Map<number, () => void>();
  let next = 0;
  const timers: Timers = {
    setTimeout(fn) {
      next += 1;
      live.set(next, fn);
      return next;
    },
    clearTimeout(handle) {
      live.delete(handle as number);
    },
  };
  const fireAll = () => {
    const due = [...live];
    live.clear();
    for (const [, fn] of due) fn();
  };
  return { timers, live, fireAll };
}

/** A promise the test opens. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

let storage: Storage | null = null;
afterEach(async () => {
  await storage?.close();
  storage = null;
});

/** Real storage with one agent who has an assigned conversation; every storage call is counted. */
async function setup(hold: { method: 'offlineAgentsWithWork' | 'listAssignedTo'; until: Promise<void> }) {
  const real = openSqliteStorage(':memory:');
  storage = real;
  await real.migrate();
  const site = await real.createSite({
    key: `site-${Math.random().toString(36).slice(2)}`,
    name: 'Shop',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
  });
  const ann = await real.createAgent({
    email: `ann-${Math.random()}@example.com`,
    name: 'Ann',
    role: 'agent',
    passwordHash: 'x',
    siteIds: [site.id],
  });
  const visitor = await real.createVisitor({ siteId: site.id, tokenHash: `h-${Math.random()}` });
  const c = await real.createConversation({ siteId: site.id, visitorId: visitor.id, locale: 'en' });
  const at = '2026-01-01T09:00:00.000Z';
  const assigned = await real.updateConversation(
    c.id,
    c.version,
    { state: 'assigned', agentId: ann.id, assignedAt: at },
    null,
  );
  if (!assigned) throw new Error('not assigned');

  // Calls made after `close()` resolved: there must be none.
  let closedAt: 'open' | 'closed' = 'open';
  const late: string[] = [];
  const held: { entered: Promise<void> } = { entered: Promise.resolve() };
  const entered = gate();
  held.entered = entered.opened;
  const store = new Proxy(real, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (closedAt === 'closed') late.push(String(key));
        if (key === hold.method) {
          entered.open();
          await hold.until;
        }
        return value.apply(target, args);
      };
    },
  });
  const released: string[] = [];
  const broadcaster: Broadcaster = {
    messageStored: (_c, m: Message) => {
      if (m.meta?.event?.name === 'released') released.push(m.conversationId);
    },
    conversationChanged: () => {},
    previewChanged: () => {},
    visitorViewChanged: () => {},
    queueChanged: () => {},
  };
  // An hour after the agent left: any grace has run out.
  const clock = () => new Date('2026-01-01T10:00:00.000Z');
  // Presence's own grace (real timers) is 1 ms: an agent whose last socket closed goes offline at once.
  const presence = new MemoryPresence({ graceMs: 1 });
  const { timers, live, fireAll } = manualTimers();
  const release = new OfflineRelease({
    store,
    presence,
    transitions: new Transitions(real, broadcaster, clock),
    logger: createLogger('silent'),
    clock,
    timers,
    minuteMs: 1,
  });
  return {
    real,
    site,
    ann,
    conversationId: c.id,
    release,
    presence,
    live,
    fireAll,
    released,
    broadcaster,
    late,
    held,
    markClosed: () => {
      closedAt = 'closed';
    },
  };
}

describe('offline return: close() and the shutdown path (issue 14)', () => {
  it('close during a sweep whose storage call is held: close waits for it, nothing runs after, no timer left', async () => {
    const hold = gate();
    const t = await setup({ method: 'offlineAgentsWithWork', until: hold.opened });
    await t.real.markAgentOffline(t.ann.id, '2026-01-01T09:00:00.000Z');
    t.release.start();
    expect(t.live.size).toBe(1); // The sweep's timer.
    t.fireAll(); // The sweep starts and waits on the held storage call.
    await t.held.entered;

    let closed = false;
    const closing = t.release.close().then(() => {
      closed = true;
    });
    // Still held: close has not resolved (it waits for the sweep under way).
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(false);
    hold.open();
    await closing;
    t.markClosed();

    // The sweep stopped at its next step: no claim, no return, no new sweep scheduled.
    expect(t.live.size).toBe(0);
    expect(t.release.timersHeld).toBe(0);
    expect(t.released).toEqual([]);
    expect((await t.real.getConversation(t.conversationId))?.state).toBe('assigned');
    // Nothing is left under way to touch storage later.
    await t.release.idle();
    expect(t.late).toEqual([]);
    // The stored moment stays: another node's sweep (or this one after a restart) returns it.
    expect(await t.real.agentOfflineSince(t.ann.id)).toBe('2026-01-01T09:00:00.000Z');
    const restarted = new OfflineRelease({
      store: t.real,
      presence: new MemoryPresence(),
      transitions: new Transitions(t.real, t.broadcaster),
      logger: createLogger('silent'),
      clock: () => new Date('2026-01-01T10:00:00.000Z'),
      minuteMs: 1,
    });
    await restarted.sweep();
    expect(t.released).toEqual([t.conversationId]);
    expect((await t.real.getConversation(t.conversationId))?.state).toBe('queued');
    await restarted.close();
    expect(restarted.timersHeld).toBe(0);
  });

  it('close while an offline report is under way: it is stored, but no return timer outlives close', async () => {
    const hold = gate();
    const t = await setup({ method: 'listAssignedTo', until: hold.opened });
    t.release.start();
    // Ann's last socket closes and presence's own grace runs out.
    await t.presence.socketOpened({ id: t.ann.id, siteIds: [t.site.id] }, 'socket-1');
    const offline = new Promise<void>((resolve) => {
      const stop = t.presence.onChange((change) => {
        if (change.status === 'offline') {
          stop();
          resolve();
        }
      });
    });
    await t.presence.socketClosed(t.ann.id, 'socket-1');
    await offline;
    await t.held.entered; // The release listed Ann's conversations and waits there.

    const closing = t.release.close();
    hold.open();
    await closing;
    t.markClosed();
    expect(t.live.size).toBe(0);
    expect(t.release.timersHeld).toBe(0);
    await t.release.idle();
    expect(t.late).toEqual([]);
    expect(await t.real.agentOfflineSince(t.ann.id)).toBe('2026-01-01T10:00:00.000Z');
    t.presence.close();
  });

  it('a closed node starts nothing: start after close schedules no sweep, a manual sweep returns nothing', async () => {
    const t = await setup({ method: 'listAssignedTo', until: Promise.resolve() });
    await t.real.markAgentOffline(t.ann.id, '2026-01-01T09:00:00.000Z');
    await t.release.close();
    t.release.start();
    expect(t.live.size).toBe(0);
    await t.release.sweep();
    expect(t.released).toEqual([]);
    expect((await t.real.getConversation(t.conversationId))?.state).toBe('assigned');
  });
});

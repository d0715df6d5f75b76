/** Issue 10: abandonment timing with a fake clock (no sockets): the rule, the sweeper, the requeue. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openStorage, type Storage } from '../storage/index.ts';
import { AbandonSweeper } from './abandon-sweeper.ts';
import { isIdleQueued, requeuePatch } from './abandonment.ts';
import { quietBroadcaster } from './fixtures/quiet-broadcaster.ts';
import { Transitions } from './transitions.ts';

const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const MIN = 60_000;

describe('abandonment', () => {
  let storage: Storage;
  let now: number;
  let connected: Set<string>;
  let queueChanges: string[];
  let sweeper: AbandonSweeper;
  let transitions: Transitions;
  const clock = () => new Date(now);

  beforeEach(async () => {
    now = T0;
    connected = new Set();
    queueChanges = [];
    storage = openStorage({ engine: 'sqlite', file: ':memory:' });
    await storage.migrate();
    const broadcaster = quietBroadcaster({ queueChanged: (siteId) => queueChanges.push(siteId) });
    transitions = new Transitions(storage, broadcaster, clock);
    sweeper = new AbandonSweeper({
      store: storage,
      transitions,
      visitorConnected: async (id) => connected.has(id),
      clock,
      logger: createLogger('silent'),
      intervalMs: 30_000,
    });
  });
  afterEach(async () => {
    sweeper.stop();
    vi.useRealTimers();
    await storage.close();
  });

  async function queued(abandonAfterMinutes = 10) {
    const site = await storage.createSite({
      key: `k-${Math.random()}`,
      name: 'Shop',
      allowedOrigins: [],
      settings: { ...DEFAULT_SITE_SETTINGS, abandonAfterMinutes },
    });
    const visitor = await storage.createVisitor({ siteId: site.id, tokenHash: `h-${Math.random()}` });
    const c = await storage.createConversation({ siteId: site.id, visitorId: visitor.id, locale: 'en' });
    const record = await transitions.handoff(c.id, 'visitor');
    return { site, record };
  }

  const state = async (id: string) => (await storage.getConversation(id))?.state;

  it('the rule: queued and unseen for the setting, counted from the last sight (or the queueing)', async () => {
    const { record } = await queued();
    expect(isIdleQueued(record, new Date(T0 + 10 * MIN - 1), 10)).toBe(false);
    expect(isIdleQueued(record, new Date(T0 + 10 * MIN), 10)).toBe(true);
    const seen = { ...record, visitorLastActiveAt: iso(T0 + 5 * MIN) };
    expect(isIdleQueued(seen, new Date(T0 + 14 * MIN), 10)).toBe(false);
    expect(isIdleQueued({ ...seen, state: 'assigned' }, new Date(T0 + 60 * MIN), 10)).toBe(false);
  });

  it('the sweeper abandons after the site setting, not before; a connected visitor stays', async () => {
    const { record } = await queued(10);
    const { record: here } = await queued(10);
    connected.add(here.visitorId);
    now = T0 + 9 * MIN;
    expect(await sweeper.sweep()).toBe(0);
    now = T0 + 10 * MIN;
    queueChanges = [];
    expect(await sweeper.sweep()).toBe(1);
    expect(await state(record.id)).toBe('abandoned');
    expect((await storage.getConversation(record.id))?.abandonedAt).toBe(iso(T0 + 10 * MIN));
    expect(await state(here.id)).toBe('queued');
    // The connected visitor's clock restarted at the sweep.
    expect((await storage.getConversation(here.id))?.visitorLastActiveAt).toBe(iso(T0 + 10 * MIN));
    expect(queueChanges).toEqual([record.siteId]);
  });

  it('each site has its own setting', async () => {
    const { record: quick } = await queued(2);
    const { record: patient } = await queued(30);
    now = T0 + 3 * MIN;
    expect(await sweeper.sweep()).toBe(1);
    expect([await state(quick.id), await state(patient.id)]).toEqual(['abandoned', 'queued']);
  });

  it('started with the server: the interval timer sweeps on its own, stopped on close', async () => {
    vi.useFakeTimers();
    const { record } = await queued(10);
    now = T0 + 11 * MIN;
    sweeper.start();
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.waitFor(async () => expect(await state(record.id)).toBe('abandoned'));
    sweeper.stop();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('issue 11: alone (no lease given) every pass sweeps; after stop no pass runs', async () => {
    const { record } = await queued(10);
    now = T0 + 11 * MIN;
    expect(await sweeper.turn()).toEqual({ swept: true, abandoned: 1 });
    expect(await sweeper.turn()).toEqual({ swept: true, abandoned: 0 });
    await sweeper.stop();
    const { record: later } = await queued(10);
    now += 11 * MIN;
    expect(await sweeper.turn()).toEqual({ swept: false, abandoned: 0 });
    expect([await state(record.id), await state(later.id)]).toEqual(['abandoned', 'queued']);
  });

  it('issue 11: a pass waits for the lease; a lease that fails skips the pass without throwing', async () => {
    const answers: Array<boolean | Error> = [
      false,
      new Error('lease store unreachable'),
      new Error('lease store still unreachable'),
      true,
    ];
    let released = 0;
    const logged: Array<[string, string]> = [];
    const logger = createLogger('silent');
    logger.warn = ((_obj: unknown, msg: string) => void logged.push(['warn', msg])) as typeof logger.warn;
    logger.info = ((_obj: unknown, msg: string) => void logged.push(['info', msg])) as typeof logger.info;
    logger.error = ((_obj: unknown, msg: string) => void logged.push(['error', msg])) as typeof logger.error;
    const leased = new AbandonSweeper({
      store: storage,
      transitions,
      visitorConnected: async () => false,
      clock,
      logger,
      lease: {
        acquire: async () => {
          const answer = answers.shift();
          if (answer instanceof Error) throw answer;
          return answer ?? false;
        },
        release: async () => {
          released += 1;
        },
      },
    });
    const { record } = await queued(10);
    now = T0 + 11 * MIN;
    expect(await leased.turn()).toEqual({ swept: false, abandoned: 0 });
    expect(await state(record.id)).toBe('queued');
    expect(await leased.turn()).toEqual({ swept: false, abandoned: 0 });
    expect(await leased.turn()).toEqual({ swept: false, abandoned: 0 });
    expect(await leased.turn()).toEqual({ swept: true, abandoned: 1 });
    // D5: one line when the passes start failing, one when they work again; none per failed pass.
    expect(logged).toEqual([
      ['warn', 'abandon sweep failed (logged again when it works)'],
      ['info', 'abandon sweep works again'],
    ]);
    await Promise.all([leased.stop(), leased.stop()]);
    expect(released).toBe(1);
  });

  it('a taken conversation is not abandoned even if listed just before', async () => {
    const { record } = await queued(10);
    await transitions.apply(record.id, { type: 'take', agentId: 'nobody' }, { agentId: null });
    now = T0 + 20 * MIN;
    expect(await sweeper.sweep()).toBe(0);
    expect(await state(record.id)).toBe('assigned');
  });

  it('requeue keeps the time waited while present: back behind those who waited longer', async () => {
    const { record } = await queued(10); // queued at T0
    now = T0 + 3 * MIN;
    await storage.touchVisitorActivity(record.visitorId, iso(now)); // left after 3 minutes
    now = T0 + 13 * MIN;
    await sweeper.sweep();
    now = T0 + 40 * MIN;
    const abandoned = await storage.getConversation(record.id);
    if (!abandoned) throw new Error('gone');
    expect(requeuePatch(abandoned, new Date(now))).toEqual({
      queuedAt: iso(T0 + 37 * MIN),
      abandonedAt: null,
      visitorLastActiveAt: iso(T0 + 40 * MIN),
    });
    const back = await transitions.apply(record.id, { type: 'visitor_back' });
    expect(back).toMatchObject({ state: 'queued', queuedAt: iso(T0 + 37 * MIN), abandonedAt: null });
    const timeline = await storage.listMessages(record.id, 0, 10);
    expect(timeline.map((m) => m.meta?.event?.name)).toEqual(['queued', 'abandoned', 'requeued']);
  });

  it('a take-over from the queue records when, for the wait estimate', async () => {
    const { record } = await queued(10);
    now = T0 + 4 * MIN;
    const taken = await transitions.apply(record.id, { type: 'take', agentId: 'a' }, { agentId: null });
    expect(taken.assignedAt).toBe(iso(T0 + 4 * MIN));
    expect(await storage.recentTakeovers(record.siteId, iso(T0 - MIN), 10)).toEqual([
      { queuedAt: iso(T0), assignedAt: iso(T0 + 4 * MIN) },
    ]);
  });
});

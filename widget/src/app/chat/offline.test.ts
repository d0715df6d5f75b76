/** Issue 10: the one decision "form or queue", from presence, business hours and the measured wait. */
import type { QueueInfo, WidgetSite } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { offlineNow } from './offline.ts';

const site = (over: Partial<WidgetSite> = {}): WidgetSite => ({
  name: 'Shop',
  color: '#2563eb',
  locale: null,
  greeting: null,
  quickReplies: [],
  agentsOnline: 2,
  offline: { longWaitMinutes: 15, fields: [] },
  ...over,
});
const noon = Date.parse('2026-12-02T12:00:00.000Z');
const queue = (maxMinutes: number | null): QueueInfo => ({
  position: 3,
  waitingSince: '2026-12-02T11:50:00.000Z',
  estimate: maxMinutes === null ? null : { minMinutes: 1, maxMinutes },
});

describe('offlineNow', () => {
  it('nobody online → the form', () => {
    expect(offlineNow(site({ agentsOnline: 0 }), null, noon)).toBe('nobody_online');
    expect(offlineNow(site(), null, noon)).toBeNull();
    expect(offlineNow(null)).toBeNull();
  });

  it('outside business hours → the form, even with agents online; the hours flip by themselves', () => {
    const hours = {
      openNow: false,
      nextOpenAt: '2026-12-02T13:00:00.000Z',
      closesAt: '2026-12-02T17:00:00.000Z',
    };
    expect(offlineNow(site({ hours }), null, noon)).toBe('closed');
    // Past the opening the server named: in again, without asking the server.
    expect(offlineNow(site({ hours }), null, Date.parse('2026-12-02T13:00:01.000Z'))).toBeNull();
    expect(offlineNow(site({ hours: null }), null, noon)).toBeNull();
  });

  it('a measured wait over the site threshold → the form; no estimate is no reason', () => {
    expect(offlineNow(site(), queue(20), noon)).toBe('long_wait');
    expect(offlineNow(site(), queue(10), noon)).toBeNull();
    expect(offlineNow(site(), queue(null), noon)).toBeNull();
    expect(offlineNow(site({ offline: { longWaitMinutes: null, fields: [] } }), queue(90), noon)).toBeNull();
  });
});

import { EVENTS, RATE_LIMITS, type RateLimits } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { Budgets, rateLimited, scaleRateLimits } from './budgets.ts';

const send = RATE_LIMITS.visitor[EVENTS.messageSend];
const frozen = () => 0;

describe('Budgets', () => {
  it('L2 every inbound socket event of both namespaces has a budget', () => {
    const visitorEvents = [
      EVENTS.sessionInit,
      EVENTS.conversationOpen,
      EVENTS.messageSend,
      EVENTS.messagesSync,
      EVENTS.conversationHandoff,
      EVENTS.botNotHelpful,
      EVENTS.conversationRate,
      EVENTS.pageView,
      // Issue 10.
      EVENTS.offlineMessage,
      EVENTS.mailTranscript,
      // Issue 12 (contacts).
      EVENTS.contactIdentify,
      EVENTS.contactLogout,
      EVENTS.contactDeleteHistory,
      // Issue 13 (typing, read receipts).
      EVENTS.typingSet,
      EVENTS.readMark,
      // Issue 13 (setLocale reaches the server).
      EVENTS.localeSet,
    ];
    expect(Object.keys(RATE_LIMITS.visitor).sort()).toEqual([...visitorEvents].sort());
    for (const budget of [...Object.values(RATE_LIMITS.visitor), ...Object.values(RATE_LIMITS.agent)]) {
      expect(budget.identity.burst).toBeGreaterThan(0);
      expect(budget.identity.perMinute).toBeGreaterThan(0);
    }
    // Issue 14: `conversation:transfer` is the eleventh; issue 17: `lists:show` the twelfth.
    expect(Object.keys(RATE_LIMITS.agent)).toHaveLength(12);
    expect(RATE_LIMITS.agent).toHaveProperty(EVENTS.conversationTransfer);
    expect(RATE_LIMITS.agent).toHaveProperty(EVENTS.listsShow);
  });

  it('L2 opening more sockets does not multiply the budget: it is per identity', () => {
    const budgets = new Budgets(RATE_LIMITS, frozen);
    const sockets = Array.from({ length: 5 }, () => budgets.forSocket());
    let accepted = 0;
    for (let i = 0; i < 200; i++) {
      const socket = sockets[i % sockets.length]!;
      const verdict = budgets.event(EVENTS.messageSend, send, {
        socket,
        identity: 'v:1',
        address: '203.0.113.1',
        site: 's1',
      });
      if (verdict.ok) accepted += 1;
    }
    expect(accepted).toBe(send.identity.burst);
  });

  it('L3 fresh identities from one address share the address budget; other addresses are untouched', () => {
    const budgets = new Budgets(RATE_LIMITS, frozen);
    let accepted = 0;
    for (let v = 0; v < 10; v++) {
      for (let i = 0; i < 60; i++) {
        const sender = {
          socket: budgets.forSocket(),
          identity: `v:${v}`,
          address: '203.0.113.1',
          site: 's1',
        };
        if (budgets.event(EVENTS.messageSend, send, sender).ok) accepted += 1;
      }
    }
    // The probe had 600 accepted from ten fresh visitors; the address allows its burst.
    expect(accepted).toBe(send.address?.burst);
    const other = { socket: budgets.forSocket(), identity: 'v:x', address: '198.51.100.1', site: 's1' };
    expect(budgets.event(EVENTS.messageSend, send, other).ok).toBe(true);
  });

  it('L3 the site cap holds across addresses, and only the sender’s own buckets can call a flood', () => {
    const budgets = new Budgets(RATE_LIMITS, frozen);
    const site = send.site?.burst ?? 0;
    let accepted = 0;
    let floods = 0;
    for (let i = 0; i < site * 20; i++) {
      const sender = { socket: budgets.forSocket(), identity: `v:${i}`, address: `a${i}`, site: 's1' };
      const verdict = budgets.event(EVENTS.messageSend, send, sender);
      if (verdict.ok) accepted += 1;
      else if (verdict.flood) floods += 1;
    }
    expect(accepted).toBe(site);
    expect(floods).toBe(0);
  });

  it('L2 says when to retry, in whole seconds', () => {
    const error = rateLimited({ ok: false, retryAfterMs: 1200, flood: false }, 'messages');
    expect(error.toBody()).toEqual({
      code: 'rate_limited',
      message: 'too many messages; try again in 2 s',
      retryAfter: 2,
    });
    expect(error.status).toBe(429);
  });

  it('L3 scales every budget, keeping intervals and bounds', () => {
    const scaled: RateLimits = scaleRateLimits(RATE_LIMITS, 10);
    expect(scaled.http.visitorSession.address).toEqual({
      burst: RATE_LIMITS.http.visitorSession.address.burst * 10,
      perMinute: RATE_LIMITS.http.visitorSession.address.perMinute * 10,
    });
    expect(scaled.visitor[EVENTS.pageView].coalesceMs).toBe(RATE_LIMITS.visitor[EVENTS.pageView].coalesceMs);
    expect(scaled.visitor[EVENTS.messageSend].site?.burst).toBe((send.site?.burst ?? 0) * 10);
    expect(scaled.maxKeys).toBe(RATE_LIMITS.maxKeys);
    expect(scaleRateLimits(RATE_LIMITS, 1)).toBe(RATE_LIMITS);
  });
});

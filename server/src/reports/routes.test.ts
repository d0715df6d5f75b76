/**
 * Issue 15 over a real server: a conversation lived through the sockets (bot answer, handoff, take,
 * reply, resolve, rating) shows in the report with the figures the SQL tests define; the range is
 * validated; another site's agent is refused (A2) like a missing site; no cookie, no report.
 */
import { type AgentConversation, API, EVENTS, type SendResult } from '@frontdesk/shared';
import { REPORT_API, type Report, ReportSchema } from '@frontdesk/shared/reports';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import {
  call,
  clientId,
  connected,
  type Harness,
  openConversation,
  startHarness,
} from '../testing/harness.ts';

let h: Harness;
let stranger: string;
let agentCookie: string;
let agentName: string;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** Yesterday to tomorrow (UTC): today in the site's zone, whatever that zone is. */
const around = () => ({ from: day(-1), to: day(1) });

const get = (cookie: string, path: string) => fetch(h.url + path, { headers: { cookie, origin: h.origin } });

beforeAll(async () => {
  h = await startHarness();
  const other = await h.storage.createSite({
    key: `other-${Date.now()}`,
    name: 'Other shop',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
  });
  const password = 'a long test password';
  const email = `r-stranger-${Date.now()}@example.com`;
  await h.agents.create({ email, name: 'Stranger', password, role: 'agent' }, [other.id]);
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify({ email, password }),
  });
  stranger = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  // One whole conversation, as the widget and the console live it.
  const visitor = await h.newVisitor();
  const { conversation } = await openConversation(h, visitor.socket);
  await call<SendResult>(visitor.socket, EVENTS.messageSend, {
    conversationId: conversation.id,
    clientId: clientId(),
    body: 'What are your opening hours?',
  });
  await call(visitor.socket, EVENTS.conversationHandoff, { conversationId: conversation.id });
  agentName = 'Reporter';
  const agent = await h.newAgent(agentName);
  agentCookie = agent.cookie;
  await connected(agent.socket);
  await call<AgentConversation>(agent.socket, EVENTS.conversationTake, { conversationId: conversation.id });
  await call(agent.socket, EVENTS.messageSend, {
    conversationId: conversation.id,
    clientId: clientId(),
    body: 'We are open 9–17.',
  });
  await call(agent.socket, EVENTS.conversationResolve, { conversationId: conversation.id });
  await call(visitor.socket, EVENTS.conversationRate, {
    conversationId: conversation.id,
    rating: 5,
    comment: 'Quick!',
  });
});
afterAll(async () => {
  await h.close();
});

describe('GET report', () => {
  it('a conversation lived through the sockets is counted: handoff, first reply, resolution, rating, agent', async () => {
    const res = await get(agentCookie, REPORT_API.report(h.site.id, around()));
    expect(res.status).toBe(200);
    const report = v.parse(ReportSchema, await res.json()) as Report;
    expect(report.summary).toMatchObject({
      conversations: 1,
      handoffs: 1,
      deflected: 0,
      missed: 0,
      abandoned: 0,
      csat: { count: 1, average: 5 },
    });
    expect(report.summary.firstResponse.count).toBe(1);
    expect(report.summary.resolution.count).toBe(1);
    expect(report.handoffReasons).toEqual([{ reason: 'visitor', count: 1 }]);
    expect(report.comments.map((c) => c.comment)).toEqual(['Quick!']);
    expect(report.agents).toMatchObject([{ name: agentName, assigned: 1, resolved: 1 }]);
    expect(report.byDay.map((d) => d.conversations).reduce((a, b) => a + b)).toBe(1);
  });

  it('A2 an agent of another site gets not found, as for a missing site; no cookie gets 401', async () => {
    const range = around();
    const foreign = await get(stranger, REPORT_API.report(h.site.id, range));
    const missing = await get(stranger, REPORT_API.report('no-such-site', range));
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(await foreign.json()).toEqual(await missing.json());
    expect(
      (await fetch(h.url + REPORT_API.report(h.site.id, range), { headers: { origin: h.origin } })).status,
    ).toBe(401);
  });

  it('A3 a bad range is a 400: reversed, over a year, not a date, missing, extra keys', async () => {
    const base = `/api/v1/sites/${h.site.id}/reports`;
    for (const qs of [
      '?from=2026-02-01&to=2026-01-01',
      '?from=2024-01-01&to=2026-01-01',
      '?from=2026-02-30&to=2026-03-01',
      '?from=yesterday&to=today',
      '?from=2026-01-01',
      '?from=2026-01-01&to=2026-01-02&x=1',
    ]) {
      const res = await get(agentCookie, base + qs);
      expect(res.status, qs).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
  });
});

/** Business hours through the real server (issue 10): set by an admin, told to the widget, heard in the bot's words. */
import {
  API,
  type BusinessHours,
  EVENTS,
  type SessionInitResult,
  type VisitorConversation,
} from '@frontdesk/shared';
import { SiteReplySchema } from '@frontdesk/shared/responses';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, connected, type Harness, openConversation, startHarness } from '../testing/harness.ts';

let h: Harness;
let cookie: string;
// Saturday 2026-12-05, 11:00 in Warsaw: outside a Monday–Friday schedule.
let now = new Date('2026-12-05T10:00:00Z');

const weekdays: BusinessHours = {
  timeZone: 'Europe/Warsaw',
  weekly: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, open: '09:00', close: '17:00' })),
  closedDates: ['2026-12-24'],
};

beforeAll(async () => {
  h = await startHarness({ presence: { clock: () => now } });
  const admin = await h.createAgent('Ada', 'admin');
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify(admin),
  });
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});
afterAll(() => h.close());

const patch = (body: unknown) =>
  fetch(h.url + API.site(h.site.id), {
    method: 'PATCH',
    headers: { origin: h.origin, cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function sessionHours() {
  const { socket } = await h.newVisitor();
  await connected(socket);
  const init = await call<SessionInitResult>(socket, EVENTS.sessionInit, { locale: 'en' });
  socket.disconnect();
  return init.site.hours;
}

describe('business hours', () => {
  it('a site starts with no schedule: the widget is told none', async () => {
    expect(await sessionHours()).toBeNull();
  });

  it('an admin sets hours; the widget is told closed now and when it is next in', async () => {
    const res = await patch({ hours: weekdays });
    expect(res.status).toBe(200);
    expect(v.parse(SiteReplySchema, await res.json()).site.hours).toEqual(weekdays);
    expect(await sessionHours()).toEqual({
      openNow: false,
      nextOpenAt: '2026-12-07T08:00:00.000Z',
      closesAt: '2026-12-07T16:00:00.000Z',
    });
    now = new Date('2026-12-07T09:00:00Z');
    expect(await sessionHours()).toMatchObject({ openNow: true, closesAt: '2026-12-07T16:00:00.000Z' });
  });

  it('refuses a schedule with overlapping intervals or an unknown zone, and keeps the old one', async () => {
    const overlapping = {
      ...weekdays,
      weekly: [
        { day: 1, open: '09:00', close: '13:00' },
        { day: 1, open: '12:00', close: '17:00' },
      ],
    };
    const res = await patch({ hours: overlapping });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('overlap');
    expect((await patch({ hours: { ...weekdays, timeZone: 'Mars/Olympus' } })).status).toBe(400);
    const site = v.parse(
      SiteReplySchema,
      await (await fetch(h.url + API.site(h.site.id), { headers: { origin: h.origin, cookie } })).json(),
    );
    expect(site.site.hours).toEqual(weekdays);
  });

  it('outside hours the bot says nobody is available, though an agent is online', async () => {
    now = new Date('2026-12-05T10:00:00Z');
    const agent = await h.newAgent('Olek');
    await connected(agent.socket);
    const visitor = await h.newVisitor();
    const { conversation } = await openConversation(h, visitor.socket);
    await call<VisitorConversation>(visitor.socket, EVENTS.conversationHandoff, {
      conversationId: conversation.id,
    });
    await vi.waitFor(async () => {
      const bodies = (await h.storage.listMessages(conversation.id, 0, 100)).map((m) => m.body);
      expect(bodies.join('\n')).toMatch(/Nobody from our team is online/);
    });
  });

  it('null removes the schedule', async () => {
    expect((await patch({ hours: null })).status).toBe(200);
    expect(await sessionHours()).toBeNull();
  });
});

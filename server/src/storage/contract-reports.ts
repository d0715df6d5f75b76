/**
 * Reports (issue 15) in the storage contract: every figure of the fixed history of
 * `reports/fixture.ts`, computed by each engine's SQL, against values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_QUERY, FIXTURE_ZONE, otherSiteFixture, reportFixture } from '../reports/fixture.ts';
import { createReports } from '../reports/index.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import type { Storage } from './types.ts';

export function reportsContract(open: () => Promise<Storage>) {
  describe('reports (issue 15)', () => {
    async function seeded() {
      const storage = await open();
      await storage.migrate();
      const unique = Math.random().toString(36).slice(2);
      const site = async (name: string) =>
        storage.createSite({
          key: `${name}-${unique}`,
          name,
          allowedOrigins: [],
          settings: DEFAULT_SITE_SETTINGS,
        });
      const [shop, other] = [await site('shop'), await site('other')];
      const agent = (name: string) =>
        storage.createAgent({
          email: `${name}-${unique}@example.com`,
          name,
          role: 'agent',
          passwordHash: 'x',
          siteIds: [shop.id],
        });
      const [ada, bob] = [await agent('Ada'), await agent('Bob')];
      await storage.insertHistory(shop.id, reportFixture({ a: ada.id, b: bob.id }, unique));
      await storage.insertHistory(other.id, otherSiteFixture(unique));
      const report = await createReports(storage).report(
        { id: shop.id, timeZone: FIXTURE_ZONE },
        FIXTURE_QUERY,
      );
      return { storage, report, ada, bob, unique, shop, other };
    }

    it('headline figures of the range and of the previous period, counted in the site time zone', async () => {
      const { storage, report } = await seeded();
      expect(report.range).toEqual({ from: '2026-01-05', to: '2026-01-11' });
      expect(report.previousRange).toEqual({ from: '2025-12-29', to: '2026-01-04' });
      expect(report.summary).toEqual({
        conversations: 7, // c1…c7; c8 starts local Monday 00:00 after the range
        botSessions: 6, // c6 went straight to a person
        deflected: 2, // c1, c7
        handoffs: 5, // c2…c6
        missed: 1, // c5 (offline message, never taken)
        abandoned: 1, // c4
        firstResponse: { count: 3, median: 120, p90: 300 }, // 60, 120, 300 s (c3's note is no reply)
        resolution: { count: 4, median: 601, p90: 3600 }, // 600, 601, 1200, 3600 s
        csat: { count: 3, average: 11 / 3 }, // 5, 2, 4
      });
      expect(report.previous).toEqual({
        conversations: 2, // c9 (local 23:59 on the 4th), c10; not c11 (local 28 Dec)
        botSessions: 1,
        deflected: 1,
        handoffs: 1,
        missed: 0,
        abandoned: 0,
        firstResponse: { count: 1, median: 900, p90: 900 },
        resolution: { count: 1, median: 3600, p90: 3600 },
        csat: { count: 1, average: 3 },
      });
      await storage.close();
    });

    it('conversations by local day and a Monday-first weekday × hour heat map', async () => {
      const { storage, report } = await seeded();
      expect(report.byDay).toEqual([
        { day: '2026-01-05', conversations: 2 },
        { day: '2026-01-06', conversations: 0 },
        { day: '2026-01-07', conversations: 2 },
        { day: '2026-01-08', conversations: 1 },
        { day: '2026-01-09', conversations: 1 },
        { day: '2026-01-10', conversations: 0 },
        { day: '2026-01-11', conversations: 1 },
      ]);
      const cells = report.heatmap.flatMap((hours, day) =>
        hours.flatMap((n, hour) => (n > 0 ? [{ day, hour, n }] : [])),
      );
      expect(cells).toEqual([
        { day: 0, hour: 9, n: 2 },
        { day: 2, hour: 0, n: 1 },
        { day: 2, hour: 11, n: 1 },
        { day: 3, hour: 13, n: 1 },
        { day: 4, hour: 15, n: 1 },
        { day: 6, hour: 23, n: 1 },
      ]);
      await storage.close();
    });

    it('handoffs by reason, CSAT distribution and comments, per agent, missed questions; no other site', async () => {
      const { storage, report, ada, bob, unique } = await seeded();
      expect(report.handoffReasons).toEqual([
        { reason: 'visitor', count: 3 },
        { reason: 'bot_misses', count: 1 },
        { reason: 'escalation', count: 1 },
      ]);
      expect(report.csatDistribution).toEqual([
        { rating: 2, count: 1 },
        { rating: 4, count: 1 },
        { rating: 5, count: 1 },
      ]);
      expect(report.comments).toEqual([
        { conversationId: `${unique}c3`, rating: 2, comment: 'Slow', at: '2026-01-06T23:30:00.000Z' },
        { conversationId: `${unique}c2`, rating: 5, comment: 'Great help', at: '2026-01-05T08:30:00.000Z' },
      ]);
      expect(report.agents).toEqual([
        {
          agentId: ada.id,
          name: 'Ada',
          assigned: 2,
          resolved: 2,
          firstResponse: { count: 2, median: 60, p90: 120 },
          csat: { count: 2, average: 4.5 },
        },
        {
          agentId: bob.id,
          name: 'Bob',
          assigned: 1,
          resolved: 1,
          firstResponse: { count: 1, median: 300, p90: 300 },
          csat: { count: 1, average: 2 },
        },
      ]);
      expect(report.missedQuestions).toEqual([
        { text: 'where is my parcel', count: 2, lastAt: '2026-01-11T22:59:59.000Z' },
        { text: 'do you ship to Norway', count: 1, lastAt: '2026-01-08T12:00:00.000Z' },
      ]);
      await storage.close();
    });

    it("per team: its members' conversations, first response, resolution and CSAT; the team filter", async () => {
      const { storage, ada, bob, shop, other } = await seeded();
      const sales = await storage.createTeam({ siteId: shop.id, name: 'Sales', agentIds: [ada.id, bob.id] });
      const support = await storage.createTeam({ siteId: shop.id, name: 'Support', agentIds: [ada.id] });
      const empty = await storage.createTeam({ siteId: shop.id, name: 'Empty', agentIds: [] });
      // Another site's team with Ada in it: none of its figures may appear in the shop's report (A2).
      const elsewhere = await storage.createTeam({ siteId: other.id, name: 'Elsewhere', agentIds: [ada.id] });
      const reports = createReports(storage);
      const site = { id: shop.id, timeZone: FIXTURE_ZONE };
      const report = await reports.report(site, FIXTURE_QUERY);
      const none = { count: 0, median: null, p90: null };
      expect(report.team).toBeNull();
      expect(report.teams).toEqual([
        {
          teamId: empty.id,
          name: 'Empty',
          members: 0,
          assigned: 0,
          resolved: 0,
          firstResponse: none,
          resolution: none,
          csat: { count: 0, average: null },
        },
        {
          teamId: sales.id,
          name: 'Sales',
          members: 2,
          assigned: 3, // c2, c6 (Ada), c3 (Bob)
          resolved: 3,
          firstResponse: { count: 3, median: 120, p90: 300 }, // 60, 120, 300 s
          resolution: { count: 3, median: 1200, p90: 3600 }, // 600, 1200, 3600 s
          csat: { count: 3, average: 11 / 3 }, // 5, 4, 2
        },
        {
          teamId: support.id,
          name: 'Support',
          members: 1,
          assigned: 2, // c2, c6
          resolved: 2,
          firstResponse: { count: 2, median: 60, p90: 120 }, // ranks 1 and 2 of 60, 120 s
          resolution: { count: 2, median: 600, p90: 1200 },
          csat: { count: 2, average: 4.5 },
        },
      ]);
      // The headline figures do not change with teams: a team is a view of its members.
      expect(report.summary.firstResponse).toEqual({ count: 3, median: 120, p90: 300 });

      const narrowed = await reports.report(site, { ...FIXTURE_QUERY, team: support.id });
      expect(narrowed.team).toBe(support.id);
      expect(narrowed.agents.map((a) => a.name)).toEqual(['Ada']);
      expect(narrowed.teams).toEqual(report.teams);
      expect((await reports.report(site, { ...FIXTURE_QUERY, team: empty.id })).agents).toEqual([]);
      await expect(reports.report(site, { ...FIXTURE_QUERY, team: elsewhere.id })).rejects.toMatchObject({
        code: 'not_found',
      });
      await storage.close();
    });

    it('bot answers and agent replies written through the live path count in the report', async () => {
      const { storage, shop, ada } = await seeded();
      const visitor = await storage.createVisitor({ siteId: shop.id, tokenHash: `h-${Math.random()}` });
      const c = await storage.createConversation({ siteId: shop.id, visitorId: visitor.id, locale: 'en' });
      const message = (author: 'visitor' | 'bot' | 'agent', kind: 'text' | 'note') => ({
        conversationId: c.id,
        clientId: null,
        author,
        authorName: null,
        agentId: author === 'agent' ? ada.id : null,
        kind,
        body: 'hi',
        meta: null,
      });
      await storage.appendMessage(message('visitor', 'text'));
      await storage.appendMessage(message('bot', 'text'));
      const at = new Date().toISOString();
      const taken = await storage.updateConversation(
        c.id,
        c.version,
        { state: 'assigned', agentId: ada.id, queuedAt: at, assignedAt: at },
        null,
      );
      expect(taken).not.toBeNull();
      await storage.appendMessage(message('agent', 'note'));
      await storage.appendMessage(message('agent', 'text'));
      const day = new Date().toISOString().slice(0, 10);
      const report = await createReports(storage).report(
        { id: shop.id, timeZone: 'UTC' },
        { from: day, to: day },
      );
      expect(report.summary).toMatchObject({ conversations: 1, botSessions: 1, deflected: 0, handoffs: 1 });
      // The note is no reply; the text is, a moment after the queue: counted, never negative.
      expect(report.summary.firstResponse.count).toBe(1);
      expect(report.agents).toMatchObject([{ agentId: ada.id, assigned: 1, firstResponse: { count: 1 } }]);
      await storage.close();
    });

    it('a handoff reason or rating the headline pass does not know is still counted (older data)', async () => {
      const { storage } = await seeded();
      const site = await storage.createSite({
        key: `legacy-${Math.random()}`,
        name: 'Legacy',
        allowedOrigins: [],
        settings: DEFAULT_SITE_SETTINGS,
      });
      // One conversation of the fixture's week (6 January), three times with other reasons and ratings.
      const [base] = otherSiteFixture(`legacy-${Math.random()}`);
      if (!base) throw new Error('the fixture has a conversation');
      await storage.insertHistory(site.id, [
        { ...base, id: `${base.id}a`, handoffReason: 'legacy_reason', rating: 4 },
        { ...base, id: `${base.id}b`, handoffReason: 'visitor', rating: 4 },
        { ...base, id: `${base.id}c`, handoffReason: 'legacy_reason', rating: 5 },
      ]);
      const report = await createReports(storage).report({ id: site.id, timeZone: 'UTC' }, FIXTURE_QUERY);
      expect(report.handoffReasons).toEqual([
        { reason: 'legacy_reason', count: 2 },
        { reason: 'visitor', count: 1 },
      ]);
      expect(report.csatDistribution).toEqual([
        { rating: 4, count: 2 },
        { rating: 5, count: 1 },
      ]);
      await storage.close();
    });

    it('an empty range has zeros and no measurements', async () => {
      const { storage } = await seeded();
      const site = await storage.createSite({
        key: `empty-${Math.random()}`,
        name: 'Empty',
        allowedOrigins: [],
        settings: DEFAULT_SITE_SETTINGS,
      });
      const report = await createReports(storage).report({ id: site.id, timeZone: 'UTC' }, FIXTURE_QUERY);
      expect(report.summary.conversations).toBe(0);
      expect(report.summary.firstResponse).toEqual({ count: 0, median: null, p90: null });
      expect(report.summary.csat).toEqual({ count: 0, average: null });
      expect(report.byDay).toHaveLength(7);
      expect(report.agents).toEqual([]);
      await storage.close();
    });
  });
}

/** The storage contract suite: every engine must pass it (run from each engine's test file). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { apiContract } from './contract-api.ts';
import { attachmentsContract } from './contract-attachments.ts';
import { avatarsContract } from './contract-avatars.ts';
import { cannedContract } from './contract-canned.ts';
import { contactsContract } from './contract-contacts.ts';
import { presenceContract } from './contract-presence.ts';
import { queuesContract } from './contract-queues.ts';
import { readsContract } from './contract-reads.ts';
import { reportsContract } from './contract-reports.ts';
import { routingContract } from './contract-routing.ts';
import { searchContract } from './contract-search.ts';
import { openWithSite, visitorText } from './contract-seed.ts';
import type { NewMessage, Storage } from './types.ts';

export function storageContract(name: string, open: () => Promise<Storage>) {
  describe(`storage contract: ${name}`, () => {
    async function seed() {
      const opened = await openWithSite(open, ['https://shop.example']);
      const { storage, site, newSite } = opened;
      const visitor = await opened.visitor();
      const conversation = await storage.createConversation({
        siteId: site.id,
        visitorId: visitor.id,
        locale: 'en',
      });
      return { storage, site, newSite, visitor, conversation, msg: visitorText(conversation.id) };
    }

    // Issue 10 (presence, abandonment, honest waits)
    presenceContract(open);
    // Issue 13 (read receipts)
    readsContract(open);
    // Issue 12 (contacts)
    contactsContract(open);
    // Issue 13 (attachments)
    attachmentsContract(open);
    // Issue 13 (agents' avatars in the widget)
    avatarsContract(open);
    // Issue 14 (routing)
    routingContract(open);
    // Issue 14 (canned responses, attention preferences)
    cannedContract(open);
    // Issue 14 (find things)
    searchContract(open);
    // Issue 15 (reports)
    reportsContract(open);
    // Issue 15 (public API, webhooks)
    apiContract(open);

    it('A8 disabling an agent or deleting its sessions ends them; live sessions are filtered in one query', async () => {
      const { storage, site } = await seed();
      const agent = await storage.createAgent({
        email: `a8-${Math.random()}@example.com`,
        name: 'A8',
        role: 'agent',
        passwordHash: 'x',
        siteIds: [site.id],
      });
      const later = new Date(Date.now() + 3600_000).toISOString();
      const earlier = new Date(Date.now() - 1000).toISOString();
      for (const tokenHash of ['s1', 's2', 's3'])
        await storage.createSession({ tokenHash, agentId: agent.id, expiresAt: later });
      await storage.createSession({ tokenHash: 'old', agentId: agent.id, expiresAt: earlier });
      const now = new Date().toISOString();
      expect((await storage.filterLiveSessions(['s1', 's2', 's3', 'old', 'nope'], now)).sort()).toEqual([
        's1',
        's2',
        's3',
      ]);
      expect((await storage.deleteAgentSessions(agent.id, 's1')).sort()).toEqual(['old', 's2', 's3']);
      expect(await storage.filterLiveSessions(['s1', 's2'], now)).toEqual(['s1']);
      expect(await storage.updateAgent(agent.id, { disabled: true, name: 'Renamed' })).toMatchObject({
        disabled: true,
        name: 'Renamed',
      });
      expect(await storage.filterLiveSessions(['s1'], now)).toEqual([]);
      expect(await storage.updateAgent('missing', { disabled: true })).toBeNull();
      await storage.close();
    });

    it('migrates twice without error', async () => {
      const { storage } = await seed();
      await storage.migrate();
      await storage.close();
    });

    it('D1 numbers messages 1, 2, 3 … with no gaps, even when appended concurrently', async () => {
      const { storage, conversation, msg } = await seed();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => storage.appendMessage(msg(`m${i}`))),
      );
      expect(results.every((r) => r.status === 'stored')).toBe(true);
      const messages = await storage.listMessages(conversation.id, 0, 1000);
      expect(messages.map((m) => m.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      expect((await storage.getConversation(conversation.id))?.lastSeq).toBe(50);
      await storage.close();
    });

    it('D1 a retried clientId returns the original and stores nothing new', async () => {
      const { storage, conversation, msg } = await seed();
      const first = await storage.appendMessage(msg('hello', 'client-0001'));
      const [again, concurrent] = await Promise.all([
        storage.appendMessage(msg('hello', 'client-0001')),
        storage.appendMessage(msg('hello', 'client-0001')),
      ]);
      expect(first.status).toBe('stored');
      for (const retry of [again, concurrent]) {
        expect(retry.status).toBe('duplicate');
        if (retry.status !== 'skipped' && first.status !== 'skipped')
          expect(retry.message).toEqual(first.message);
      }
      const next = await storage.appendMessage(msg('next', 'client-0002'));
      expect(next.status === 'stored' && next.message.seq).toBe(2);
      expect(await storage.listMessages(conversation.id, 0, 10)).toHaveLength(2);
      await storage.close();
    });

    it('D1 the same clientId with other content is a conflict', async () => {
      const { storage, msg } = await seed();
      await storage.appendMessage(msg('hello', 'client-0001'));
      await expect(storage.appendMessage(msg('other', 'client-0001'))).rejects.toMatchObject({
        code: 'client_id_conflict',
      });
      await storage.close();
    });

    it('a message is readable as soon as append resolves (acked after commit)', async () => {
      const { storage, conversation, msg } = await seed();
      const result = await storage.appendMessage(msg('durable'));
      const stored = await storage.listMessages(conversation.id, 0, 10);
      expect(result.status === 'stored' && stored[0]).toEqual(result.status === 'stored' && result.message);
      await storage.close();
    });

    it('lists messages after a seq, in order, limited', async () => {
      const { storage, conversation, msg } = await seed();
      for (let i = 1; i <= 5; i++) await storage.appendMessage(msg(`m${i}`));
      const page = await storage.listMessages(conversation.id, 2, 2);
      expect(page.map((m) => [m.seq, m.body])).toEqual([
        [3, 'm3'],
        [4, 'm4'],
      ]);
      await storage.close();
    });

    it('D3 leaves excluded kinds out in the query, so a page past 300 notes still reaches the reply', async () => {
      const { storage, conversation, msg } = await seed();
      for (let i = 1; i <= 300; i++) await storage.appendMessage({ ...msg(`note ${i}`), kind: 'note' });
      await storage.appendMessage(msg('the reply'));
      const visible = await storage.listMessages(conversation.id, 0, 200, { excludeKinds: ['note'] });
      expect(visible.map((m) => [m.seq, m.body])).toEqual([[301, 'the reply']]);
      const all = await storage.listMessages(conversation.id, 0, 200);
      expect(all).toHaveLength(200);
      await storage.close();
    });

    it('D7 requireStates skips the append when the state moved on (the bot is silent after handoff)', async () => {
      const { storage, conversation, msg } = await seed();
      await storage.updateConversation(conversation.id, conversation.version, { state: 'queued' }, null);
      const result = await storage.appendMessage(
        { ...msg('bot reply'), author: 'bot' },
        { requireStates: ['bot'] },
      );
      expect(result.status).toBe('skipped');
      expect(await storage.listMessages(conversation.id, 0, 10)).toHaveLength(0);
      await storage.close();
    });

    it('A1 A2 ownership guards skip the append for another visitor, another site or another agent', async () => {
      const { storage, site, visitor, conversation, msg } = await seed();
      const skipped = async (options: Parameters<Storage['appendMessage']>[1]) =>
        (await storage.appendMessage(msg('guarded'), options)).status;
      expect(await skipped({ requireVisitorId: 'someone-else' })).toBe('skipped');
      expect(await skipped({ requireSiteIds: ['other-site'] })).toBe('skipped');
      expect(await skipped({ requireSiteIds: [] })).toBe('skipped');
      expect(await skipped({ requireAgentId: 'agent-x' })).toBe('skipped');
      expect(await storage.listMessages(conversation.id, 0, 10)).toHaveLength(0);
      expect(await skipped({ requireVisitorId: visitor.id, requireSiteIds: [site.id] })).toBe('stored');
      expect((await storage.listMessages(conversation.id, 0, 10)).map((m) => m.seq)).toEqual([1]);
      await storage.close();
    });

    it('D7 updateConversation is atomic: of two updates from the same version exactly one wins', async () => {
      const { storage, conversation, msg } = await seed();
      const event = (body: string): NewMessage => ({ ...msg(body), author: 'system', kind: 'event' });
      const [a, b] = await Promise.all([
        storage.updateConversation(conversation.id, conversation.version, { state: 'assigned' }, event('a')),
        storage.updateConversation(conversation.id, conversation.version, { state: 'assigned' }, event('b')),
      ]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      const messages = await storage.listMessages(conversation.id, 0, 10);
      expect(messages).toHaveLength(1);
      expect(messages[0]?.seq).toBe(1);
      await storage.close();
    });

    it('A1 finds visitors only by token within their site', async () => {
      const { storage, site, visitor, newSite } = await seed();
      const other = await newSite('Other');
      const hash = `h2-${Math.random()}`;
      const v2 = await storage.createVisitor({ siteId: site.id, tokenHash: hash });
      expect((await storage.getVisitorByToken(site.id, hash))?.id).toBe(v2.id);
      expect(await storage.getVisitorByToken(other.id, hash)).toBeNull();
      expect(visitor.siteId).toBe(site.id);
      await storage.close();
    });

    it('lists queued conversations oldest first and counts the queue', async () => {
      const { storage, site, visitor, conversation } = await seed();
      const second = await storage.createConversation({
        siteId: site.id,
        visitorId: visitor.id,
        locale: 'pl',
      });
      await storage.updateConversation(
        second.id,
        0,
        { state: 'queued', queuedAt: '2026-01-01T00:00:00.000Z' },
        null,
      );
      await storage.updateConversation(
        conversation.id,
        0,
        { state: 'queued', queuedAt: '2026-01-01T00:05:00.000Z' },
        null,
      );
      const queued = await storage.listConversations({ siteIds: [site.id], state: 'queued', limit: 10 });
      expect(queued.map((c) => c.id)).toEqual([second.id, conversation.id]);
      expect(await storage.countQueuedBefore(site.id, '2026-01-01T00:05:00.000Z')).toBe(1);
      expect(await storage.listConversations({ siteIds: [], limit: 10 })).toEqual([]);
      await storage.close();
    });

    // Issue 10: offline messages.
    it('an offline mark and the visitor contact round-trip; a live chat has none; settings keep the offline form', async () => {
      const { storage, site, visitor, conversation } = await seed();
      expect(conversation.offline).toBeNull();
      const mark = {
        at: '2026-01-01T00:00:00.000Z',
        reason: 'nobody_online' as const,
        answers: [{ fieldId: 'order', label: 'Order <b>number</b>', value: 'A-17 "quoted" \u017c' }],
      };
      const updated = await storage.updateConversation(
        conversation.id,
        0,
        { state: 'queued', queuedAt: mark.at, offline: mark },
        null,
      );
      expect(updated?.conversation.offline).toEqual(mark);
      await storage.updateVisitorContact(visitor.id, { name: 'Ada', email: 'ada@example.com' });
      const read = await storage.getConversation(conversation.id);
      expect(read?.offline).toEqual(mark);
      expect(read?.visitor).toMatchObject({ name: 'Ada', email: 'ada@example.com', verified: false });
      const [listed] = await storage.listConversations({ siteIds: [site.id], state: 'queued', limit: 10 });
      expect(listed?.offline).toEqual(mark);
      const cleared = await storage.updateConversation(conversation.id, 1, { offline: null }, null);
      expect(cleared?.conversation.offline).toBeNull();

      const offline = {
        longWaitMinutes: 15,
        fields: [{ id: 'order', type: 'text' as const, label: { en: 'Order' }, required: true }],
      };
      await storage.updateSite(site.id, { settings: { ...site.settings, offline } });
      expect((await storage.getSite(site.id))?.settings.offline).toEqual(offline);
      await storage.close();
    });

    it('upserts FAQ entries per site', async () => {
      const { storage, site } = await seed();
      const faq = {
        id: 'returns_en',
        lang: 'en' as const,
        question: 'Returns?',
        examples: ['a'],
        answer: 'x',
        tags: [],
      };
      await storage.upsertFaq(site.id, faq);
      await storage.upsertFaq(site.id, { ...faq, answer: 'y' });
      const faqs = await storage.listFaqs(site.id);
      expect(faqs).toHaveLength(1);
      expect(faqs[0]).toMatchObject({ id: 'returns_en', answer: 'y', examples: ['a'] });
      await storage.close();
    });

    it('returns the stored FAQ entry and deletes entries of its own site only', async () => {
      const { storage, site, newSite } = await seed();
      const other = await newSite('Other');
      const faq = {
        id: 'hours',
        lang: 'pl' as const,
        question: 'Godziny?',
        examples: [],
        answer: 'x',
        tags: ['t'],
      };
      const stored = await storage.upsertFaq(site.id, faq);
      expect(stored).toMatchObject(faq);
      expect(stored.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
      await storage.upsertFaq(other.id, faq);
      expect(await storage.deleteFaq(site.id, 'hours')).toBe(true);
      expect(await storage.deleteFaq(site.id, 'hours')).toBe(false);
      expect(await storage.listFaqs(site.id)).toEqual([]);
      expect((await storage.listFaqs(other.id)).map((f) => f.id)).toEqual(['hours']);
      await storage.close();
    });

    it('updates site settings and keeps the rest', async () => {
      const { storage, site } = await seed();
      const settings = { ...site.settings, botMissesBeforeHandoff: 4, answerThreshold: 0.7 };
      const updated = await storage.updateSite(site.id, { settings });
      expect(updated?.settings).toEqual(settings);
      expect(updated).toMatchObject({
        key: site.key,
        name: 'Shop',
        allowedOrigins: ['https://shop.example'],
      });
      expect(await storage.getSite(site.id)).toEqual(updated);
      expect(await storage.updateSite('no-such-site', { name: 'x' })).toBeNull();
      await storage.close();
    });

    it('records bot misses once, lists the open ones newest first, dismisses per site', async () => {
      const { storage, site, conversation, msg, newSite } = await seed();
      const ids: string[] = [];
      for (const body of ['first miss', 'second miss', 'third miss']) {
        const r = await storage.appendMessage(msg(body));
        if (r.status !== 'stored') throw new Error('not stored');
        ids.push(r.message.id);
        const miss = {
          siteId: site.id,
          messageId: r.message.id,
          conversationId: conversation.id,
          lang: 'en' as const,
          text: body,
        };
        await storage.recordBotMiss(miss);
        await storage.recordBotMiss(miss);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      const open = await storage.listOpenBotMisses(site.id, 10);
      expect(open.map((m) => m.text)).toEqual(['third miss', 'second miss', 'first miss']);
      expect(open[0]).toMatchObject({
        conversationId: conversation.id,
        lang: 'en',
        dismissedAt: null,
        faqId: null,
      });
      expect(await storage.listOpenBotMisses(site.id, 2)).toHaveLength(2);

      const other = await newSite('Other');
      expect(await storage.dismissBotMisses(other.id, ids, null)).toBe(0);
      expect(await storage.dismissBotMisses(site.id, [ids[0] ?? '', ids[1] ?? ''], 'returns_en')).toBe(2);
      expect(await storage.dismissBotMisses(site.id, [ids[0] ?? ''], null)).toBe(0);
      expect(await storage.dismissBotMisses(site.id, [], null)).toBe(0);
      expect((await storage.listOpenBotMisses(site.id, 10)).map((m) => m.text)).toEqual(['third miss']);
      await storage.close();
    });

    it('agent answers: one per conversation, open ones newest first, dismissed per site', async () => {
      const { storage, site, conversation, newSite } = await seed();
      const second = await storage.createConversation({
        siteId: site.id,
        visitorId: conversation.visitorId,
        locale: 'pl',
      });
      const answer = (conversationId: string, question: string) => ({
        siteId: site.id,
        conversationId,
        lang: 'en' as const,
        question,
        answer: 'We ship to Norway in 5 days.',
        guessFaqId: 'shipping_en',
      });
      expect(await storage.hasAgentAnswer(site.id, conversation.id)).toBe(false);
      expect(await storage.recordAgentAnswer(answer(conversation.id, 'do you ship to norway'))).toBe(true);
      expect(await storage.recordAgentAnswer(answer(conversation.id, 'a later reply'))).toBe(false);
      expect(await storage.hasAgentAnswer(site.id, conversation.id)).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 2));
      expect(
        await storage.recordAgentAnswer({
          ...answer(second.id, 'czy macie bony'),
          lang: 'pl',
          guessFaqId: null,
        }),
      ).toBe(true);
      const open = await storage.listOpenAgentAnswers(site.id, 10);
      expect(open.map((a) => a.question)).toEqual(['czy macie bony', 'do you ship to norway']);
      expect(open[0]).toMatchObject({ lang: 'pl', guessFaqId: null, dismissedAt: null });
      expect(open[1]).toMatchObject({ answer: 'We ship to Norway in 5 days.', guessFaqId: 'shipping_en' });
      expect(await storage.listOpenAgentAnswers(site.id, 1)).toHaveLength(1);

      const other = await newSite('Other');
      expect(await storage.dismissAgentAnswer(other.id, conversation.id)).toBe(false);
      expect(await storage.dismissAgentAnswer(site.id, conversation.id)).toBe(true);
      expect(await storage.dismissAgentAnswer(site.id, conversation.id)).toBe(false);
      expect((await storage.listOpenAgentAnswers(site.id, 10)).map((a) => a.question)).toEqual([
        'czy macie bony',
      ]);
      // a dismissed answer still blocks a second one for the same conversation
      expect(await storage.recordAgentAnswer(answer(conversation.id, 'again'))).toBe(false);
      await storage.close();
    });

    it('sites: archived flag, listing, settings with the appearance round-trip', async () => {
      const { storage, site } = await seed();
      expect(site.archived).toBe(false);
      const appearance = { ...DEFAULT_SITE_SETTINGS.appearance, color: '#1f5fbf', position: 'left' as const };
      const updated = await storage.updateSite(site.id, {
        archived: true,
        settings: { ...site.settings, appearance },
      });
      expect(updated).toMatchObject({ archived: true, name: 'Shop', settings: { appearance } });
      expect((await storage.getSiteByKey(site.key))?.archived).toBe(true);
      expect((await storage.listSites()).map((s) => s.id)).toContain(site.id);
      expect((await storage.updateSite(site.id, { archived: false }))?.archived).toBe(false);
      await storage.close();
    });

    it('agents: avatar, must-change-password, listing, site membership and active admins', async () => {
      const { storage, site } = await seed();
      const before = await storage.countActiveAdmins();
      const agent = await storage.createAgent({
        email: `acc-${Math.random()}@example.com`,
        name: 'Acc',
        role: 'admin',
        passwordHash: 'x',
        siteIds: [],
        mustChangePassword: true,
      });
      expect(agent).toMatchObject({ avatarColor: null, avatarImageId: null, mustChangePassword: true });
      expect(await storage.countActiveAdmins()).toBe(before + 1);
      expect(
        await storage.updateAgent(agent.id, {
          avatarColor: '#aa3355',
          avatarImageId: 'img',
          mustChangePassword: false,
        }),
      ).toMatchObject({ avatarColor: '#aa3355', avatarImageId: 'img', mustChangePassword: false });
      await storage.setAgentSites(agent.id, [site.id]);
      expect(await storage.listAgentSiteIds(agent.id)).toEqual([site.id]);
      await storage.setAgentSites(agent.id, []);
      expect(await storage.listAgentSiteIds(agent.id)).toEqual([]);
      expect((await storage.listAgents()).map((a) => a.id)).toContain(agent.id);
      await storage.updateAgent(agent.id, { disabled: true });
      expect(await storage.countActiveAdmins()).toBe(before);
      await storage.close();
    });

    it('images: stored bytes come back unchanged; deleted images are gone', async () => {
      const { storage } = await seed();
      const data = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
      const image = await storage.putImage({ contentType: 'image/png', data, width: 2, height: 1 });
      const read = await storage.getImage(image.id);
      expect(read).toMatchObject({ id: image.id, contentType: 'image/png', width: 2, height: 1 });
      expect([...(read?.data ?? [])]).toEqual([...data]);
      await storage.deleteImage(image.id);
      expect(await storage.getImage(image.id)).toBeNull();
      expect(await storage.getImage('missing')).toBeNull();
      await storage.close();
    });

    // E-mail as a channel (issue 10, mail):
    it('mail outbox: due mail by time, one claim per attempt, unsent replies coalesce, retry and release', async () => {
      const { storage, conversation, visitor } = await seed();
      const at = (minutes: number) => new Date(Date.UTC(2026, 11, 2, 12, minutes)).toISOString();
      const base = {
        conversationId: conversation.id,
        recipient: 'v@example.com',
        recipientName: 'V',
        fromName: 'Shop',
        subject: 's',
        text: 't',
        html: '<p>t</p>',
        replyTo: null,
        createdAt: at(0),
      };
      const reply = await storage.insertMail({
        ...base,
        kind: 'reply',
        status: 'pending',
        nextAttemptAt: at(2),
      });
      const kept = await storage.insertMail({
        ...base,
        kind: 'transcript',
        status: 'unconfigured',
        nextAttemptAt: at(0),
      });

      expect(await storage.listDueMail(at(1), 10)).toEqual([]);
      expect((await storage.findUnsentReply(conversation.id, 'v@example.com'))?.id).toBe(reply.id);
      expect(await storage.updateUnsentMail(reply.id, { subject: 's2', text: 't2', html: 'h2' })).toBe(true);
      const [due] = await storage.listDueMail(at(2), 10);
      expect(due).toMatchObject({ id: reply.id, subject: 's2', text: 't2', attempts: 0, status: 'pending' });

      expect(await storage.claimMail(reply.id, 0, at(7))).toBe(true);
      expect(await storage.claimMail(reply.id, 0, at(7))).toBe(false); // another sender took it
      expect(await storage.updateUnsentMail(reply.id, { subject: 'x', text: 'x', html: 'x' })).toBe(false);
      expect(await storage.findUnsentReply(conversation.id, 'v@example.com')).toBeNull();
      await storage.markMailUnsent(reply.id, '451 busy', at(3));
      expect(await storage.getMail(reply.id)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: '451 busy',
      });
      await storage.markMailUnsent(reply.id, '550 no', null);
      expect(await storage.getMail(reply.id)).toMatchObject({ status: 'failed', nextAttemptAt: null });
      expect(await storage.retryMail(reply.id, at(4))).toMatchObject({
        status: 'pending',
        attempts: 0,
        lastError: null,
      });
      expect(await storage.claimMail(reply.id, 0, at(9))).toBe(true);
      await storage.markMailSent(reply.id, at(5));
      expect(await storage.getMail(reply.id)).toMatchObject({ status: 'sent', sentAt: at(5) });
      expect(await storage.retryMail(reply.id, at(5))).toBeNull(); // sent mail is not sent twice

      expect(await storage.releaseUnconfigured(at(6))).toBe(1);
      expect(await storage.getMail(kept.id)).toMatchObject({ status: 'pending', nextAttemptAt: at(6) });
      expect((await storage.listMail(10)).map((m) => m.id).sort()).toEqual([reply.id, kept.id].sort());

      await storage.updateVisitor(visitor.id, { name: 'Vera', email: 'vera@example.com' });
      await storage.replaceVisitorToken(visitor.id, 'new-hash');
      expect(await storage.getVisitorByToken(visitor.siteId, 'new-hash')).toMatchObject({
        id: visitor.id,
        name: 'Vera',
        email: 'vera@example.com',
      });
      await storage.close();
    });

    // Issue 15 (the mail outbox and webhook deliveries: one durable-queue helper). Last: its rows
    // stay in a shared database, and the mail case above counts every mail there.
    queuesContract(open);
  });
}

/** FAQ authoring API against a real server: entries, try, unanswered questions, settings, access rules. */
import {
  type AgentAnswer,
  type AgentConversation,
  API,
  type BotSettings,
  EVENTS,
  type FaqEntry,
  type FaqOverlap,
  type Message,
  type OpenResult,
  type SendResult,
  type SessionInitResult,
  type TryResult,
  type UnansweredGroup,
} from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, clientId, connected, type Harness, startHarness, waitFor } from '../testing/harness.ts';

let h: Harness;
let admin: string;
let agent: string;
let otherSiteId: string;
const password = 'a long test password';

async function login(email: string): Promise<string> {
  const res = await fetch(h.url + API.login, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: h.origin },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

beforeAll(async () => {
  h = await startHarness();
  const email = `faq-admin-${Date.now()}@example.com`;
  await h.agents.create({ email, name: 'Admin', password, role: 'admin' }, [h.site.id]);
  admin = await login(email);
  agent = await login((await h.createAgent('Agent')).email);
  const other = await h.storage.createSite({
    key: `other-${Date.now()}`,
    name: 'Other',
    allowedOrigins: [],
    settings: h.site.settings,
  });
  otherSiteId = other.id;
});
afterAll(async () => {
  await h.close();
});

function request(method: string, path: string, cookie: string, body?: unknown, headers = {}) {
  return fetch(h.url + path, {
    method,
    headers: {
      origin: h.origin,
      cookie,
      ...(body !== undefined && { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

async function json<T>(res: Response, status = 200): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

/** A new visitor asks one question; resolves with its message id and the bot's first reply. */
async function ask(text: string) {
  const { socket } = await h.newVisitor();
  await connected(socket);
  await call<SessionInitResult>(socket, EVENTS.sessionInit, { locale: 'en' });
  const { conversation } = await call<OpenResult>(socket, EVENTS.conversationOpen, { locale: 'en' });
  const reply = waitFor<Message>(socket, EVENTS.messageNew, (m) => m.author === 'bot');
  const sent = await call<SendResult>(socket, EVENTS.messageSend, {
    conversationId: conversation.id,
    clientId: clientId(),
    body: text,
  });
  return { socket, conversationId: conversation.id, messageId: sent.message.id, reply: await reply };
}

const GIFT_WRAP = {
  lang: 'en',
  question: 'Do you offer gift wrapping?',
  examples: ['Can you gift wrap my present?', 'Do you wrap presents?'],
  answer: 'Yes, **gift wrapping** costs 9 zł.',
  tags: [],
};

describe('FAQ entries', () => {
  it('lists the site FAQ with overlap warnings for any agent of the site', async () => {
    const { faqs, overlaps } = await json<{ faqs: FaqEntry[]; overlaps: FaqOverlap[] }>(
      await request('GET', API.faqs(h.site.id), agent),
    );
    expect(faqs).toHaveLength(60);
    expect(faqs.find((f) => f.id === 'delivery_cost_en')).toMatchObject({
      lang: 'en',
      question: 'How much does shipping cost?',
      tags: [],
    });
    expect(faqs.find((f) => f.id === 'complaint_pl')?.tags).toEqual(['complaint']);
    expect(Array.isArray(overlaps)).toBe(true);
    for (const o of overlaps) expect(o.matchedScore).toBeGreaterThanOrEqual(o.ownScore);
  });

  it('creates an entry that the running bot answers at once, then replaces and deletes it', async () => {
    const before = await ask('Do you gift wrap presents?');
    expect(before.reply.meta?.faqId).toBeUndefined();

    const created = await json<{ faq: FaqEntry }>(
      await request('PUT', API.faq(h.site.id, 'gift_wrap_en'), admin, GIFT_WRAP),
    );
    expect(created.faq).toMatchObject({ id: 'gift_wrap_en', ...GIFT_WRAP });
    expect(created.faq.updatedAt).toMatch(/^\d{4}-/);
    const after = await ask('Do you gift wrap presents?');
    expect(after.reply.meta?.faqId).toBe('gift_wrap_en');
    expect(after.reply.body).toBe(GIFT_WRAP.answer);

    const replaced = await json<{ faq: FaqEntry }>(
      await request('PUT', API.faq(h.site.id, 'gift_wrap_en'), admin, {
        ...GIFT_WRAP,
        answer: 'Yes, for free.',
        tags: ['gifts'],
      }),
    );
    expect(replaced.faq).toMatchObject({ answer: 'Yes, for free.', tags: ['gifts'] });
    const list = await json<{ faqs: FaqEntry[] }>(await request('GET', API.faqs(h.site.id), admin));
    expect(list.faqs.filter((f) => f.id === 'gift_wrap_en')).toHaveLength(1);

    expect(await json(await request('DELETE', API.faq(h.site.id, 'gift_wrap_en'), admin))).toEqual({
      ok: true,
    });
    expect((await request('DELETE', API.faq(h.site.id, 'gift_wrap_en'), admin)).status).toBe(404);
    const tried = await json<TryResult>(
      await request('POST', API.faqTry(h.site.id), admin, { text: 'Do you gift wrap presents?' }),
    );
    expect(tried.matches.map((m) => m.faqId)).not.toContain('gift_wrap_en');
  });

  it.each([
    ['missing answer', { ...GIFT_WRAP, answer: undefined }],
    ['empty question', { ...GIFT_WRAP, question: '   ' }],
    ['unknown language', { ...GIFT_WRAP, lang: 'de' }],
    ['extra key', { ...GIFT_WRAP, id: 'x' }],
    ['examples not a list', { ...GIFT_WRAP, examples: 'one' }],
    ['not JSON', '{'],
  ])('answers a PUT with %s with 400', async (_name, body) => {
    const res = await request('PUT', API.faq(h.site.id, 'gift_wrap_en'), admin, body);
    expect(await json(res, 400)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it.each([
    ['5 000 nested ">"', '>'.repeat(5000), /^answer: nested too deeply/],
    ['1 240 "[a]("', '[a]('.repeat(1240), /^answer: too many links/],
    ['a long run of "*"', `a${'*'.repeat(4000)}b`, /^answer: too many formatting marks/],
  ])('R5 refuses an answer of %s with a bad_request that names the limit', async (_name, answer, message) => {
    const res = await request('PUT', API.faq(h.site.id, 'gift_wrap_en'), admin, { ...GIFT_WRAP, answer });
    const body = await json<{ error: { code: string; message: string } }>(res, 400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toMatch(message);
    expect((await h.storage.listFaqs(h.site.id)).some((f) => f.answer === answer)).toBe(false);
  });

  it('refuses an entry id outside [a-z0-9_-] with 400', async () => {
    expect((await request('PUT', API.faq(h.site.id, 'Gift Wrap'), admin, GIFT_WRAP)).status).toBe(400);
    expect((await request('PUT', API.faq(h.site.id, 'x'.repeat(65)), admin, GIFT_WRAP)).status).toBe(400);
  });
});

describe('try a question', () => {
  it('shows the decision and the top five matches with their questions and scores', async () => {
    const answer = await json<TryResult>(
      await request('POST', API.faqTry(h.site.id), agent, { text: 'How much does delivery cost?' }),
    );
    expect(answer).toMatchObject({ outcome: 'answer', intent: null, lang: 'en' });
    expect(answer.matches).toHaveLength(5);
    expect(answer.matches[0]).toMatchObject({
      faqId: 'delivery_cost_en',
      question: 'How much does shipping cost?',
    });
    expect(answer.matches[0]?.score).toBeGreaterThan(answer.matches[1]?.score ?? 1);

    const polish = await json<TryResult>(
      await request('POST', API.faqTry(h.site.id), agent, { text: 'ile kosztuje wysylka', lang: 'pl' }),
    );
    expect(polish.lang).toBe('pl');
    expect(polish.matches[0]?.faqId).toBe('delivery_cost_pl');

    const greeting = await json<TryResult>(
      await request('POST', API.faqTry(h.site.id), agent, { text: 'hello!' }),
    );
    expect(greeting).toMatchObject({ outcome: 'intent', intent: 'greeting' });
  });

  it.each([
    ['empty text', { text: '  ' }],
    ['bad language', { text: 'hi', lang: 'xx' }],
    ['no text', {}],
  ])('answers %s with 400', async (_name, body) => {
    expect((await request('POST', API.faqTry(h.site.id), agent, body)).status).toBe(400);
  });
});

describe('unanswered questions', () => {
  it('records misses and "not helpful", groups them by similarity, and dismisses a group', async () => {
    const cup1 = await ask('Who won the football world cup?');
    const physics1 = await ask('can you explain quantum physics');
    const cup2 = await ask('who won the world cup in football');
    const physics2 = await ask('explain quantum physics to me');
    for (const miss of [cup1, cup2, physics1, physics2]) expect(miss.reply.meta?.faqId).toBeUndefined();

    const answered = await ask('How much does delivery cost?');
    expect(answered.reply.meta?.faqId).toBe('delivery_cost_en');
    await call(answered.socket, EVENTS.botNotHelpful, { conversationId: answered.conversationId });

    const { groups } = await json<{ groups: UnansweredGroup[] }>(
      await request('GET', API.unanswered(h.site.id), agent),
    );
    const ids = (g: UnansweredGroup) => g.items.map((i) => i.messageId).sort();
    const byMessage = (id: string) => groups.find((g) => g.items.some((i) => i.messageId === id));
    const cups = byMessage(cup1.messageId);
    const physics = byMessage(physics1.messageId);
    expect(cups && ids(cups)).toEqual([cup1.messageId, cup2.messageId].sort());
    expect(physics && ids(physics)).toEqual([physics1.messageId, physics2.messageId].sort());
    expect(cups).toMatchObject({ lang: 'en', count: 2 });
    expect(cups?.items[0]).toMatchObject({
      conversationId: cup2.conversationId,
      text: 'who won the world cup in football',
    });
    const delivery = byMessage(answered.messageId);
    expect(delivery).toMatchObject({ count: 1, sample: 'How much does delivery cost?' });
    expect(delivery?.suggestions[0]).toMatchObject({ faqId: 'delivery_cost_en' });
    expect(delivery?.suggestions.length).toBeLessThanOrEqual(3);
    expect(groups[0]?.count).toBeGreaterThanOrEqual(groups.at(-1)?.count ?? 0);

    // Agents read; only an admin dismisses.
    const dismiss = { messageIds: delivery?.items.map((i) => i.messageId), faqId: 'delivery_cost_en' };
    expect((await request('POST', API.unansweredDismiss(h.site.id), agent, dismiss)).status).toBe(403);
    const unknownEntry = { ...dismiss, faqId: 'no_such_entry' };
    expect((await request('POST', API.unansweredDismiss(h.site.id), admin, unknownEntry)).status).toBe(404);
    expect(await json(await request('POST', API.unansweredDismiss(h.site.id), admin, dismiss))).toEqual({
      ok: true,
    });
    const cupsOnly = { messageIds: cups?.items.map((i) => i.messageId) };
    expect((await request('POST', API.unansweredDismiss(h.site.id), admin, cupsOnly)).status).toBe(200);

    const left = await json<{ groups: UnansweredGroup[] }>(
      await request('GET', API.unanswered(h.site.id), admin),
    );
    const leftIds = left.groups.flatMap((g) => g.items.map((i) => i.messageId));
    expect(leftIds).toContain(physics1.messageId);
    expect(leftIds).not.toContain(answered.messageId);
    expect(leftIds).not.toContain(cup1.messageId);
  });

  it.each([
    ['no ids', { messageIds: [] }],
    ['bad id', { messageIds: ['not an id!'] }],
    ['bad entry id', { messageIds: ['abc'], faqId: 'Bad Id' }],
  ])('answers a dismiss with %s with 400', async (_name, body) => {
    expect((await request('POST', API.unansweredDismiss(h.site.id), admin, body)).status).toBe(400);
  });
});

describe('bot settings', () => {
  it('reads the defaults, saves new ones, and the bot follows them at once', async () => {
    const path = API.botSettings(h.site.id);
    expect(await json<BotSettings>(await request('GET', path, agent))).toEqual({
      botMissesBeforeHandoff: 2,
      escalationPhrases: [],
      answerThreshold: null,
    });
    const tryIt = async () =>
      (
        await json<TryResult>(
          await request('POST', API.faqTry(h.site.id), admin, { text: 'what about returns' }),
        )
      ).outcome;
    expect(await tryIt()).toBe('answer');

    const saved = await json<BotSettings>(
      await request('PUT', path, admin, {
        botMissesBeforeHandoff: 3,
        escalationPhrases: ['prawnik', 'lawyer', 'lawyer'],
        answerThreshold: 0.95,
      }),
    );
    expect(saved).toEqual({
      botMissesBeforeHandoff: 3,
      escalationPhrases: ['prawnik', 'lawyer'],
      answerThreshold: 0.95,
    });
    expect(await json<BotSettings>(await request('GET', path, agent))).toEqual(saved);
    // Under the site's stricter threshold the same question is no longer answered, only offered ("did you mean").
    expect(await tryIt()).toBe('clarify');
    expect((await h.storage.getSite(h.site.id))?.settings).toMatchObject({
      ...saved,
      appearance: h.site.settings.appearance,
    });

    const reset = { botMissesBeforeHandoff: 2, escalationPhrases: [], answerThreshold: null };
    expect(await json<BotSettings>(await request('PUT', path, admin, reset))).toEqual(reset);
    expect(await tryIt()).toBe('answer');
  });

  it.each([
    ['zero misses', { botMissesBeforeHandoff: 0, escalationPhrases: [], answerThreshold: null }],
    ['fractional misses', { botMissesBeforeHandoff: 1.5, escalationPhrases: [], answerThreshold: null }],
    ['threshold above 1', { botMissesBeforeHandoff: 2, escalationPhrases: [], answerThreshold: 2 }],
    ['empty phrase', { botMissesBeforeHandoff: 2, escalationPhrases: [' '], answerThreshold: null }],
    ['missing field', { botMissesBeforeHandoff: 2, escalationPhrases: [] }],
  ])('answers settings with %s with 400', async (_name, body) => {
    expect((await request('PUT', API.botSettings(h.site.id), admin, body)).status).toBe(400);
  });
});

describe('learn from agents', () => {
  /** Polls the agent answers until `ready` (they are recorded after the agent's reply is acked). */
  async function answersUntil(ready: (answers: AgentAnswer[]) => boolean): Promise<AgentAnswer[]> {
    for (let i = 0; i < 200; i++) {
      const { answers } = await json<{ answers: AgentAnswer[] }>(
        await request('GET', API.agentAnswers(h.site.id), agent),
      );
      if (ready(answers)) return answers;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('agent answers never got ready');
  }

  it('offers the missed question and the first substantive agent reply after a handoff, with the best guess', async () => {
    const missed = await ask('do you ship parcels to Norway?');
    const handoff = waitFor<Message>(missed.socket, EVENTS.messageNew, (m) => m.author === 'bot');
    await call<SendResult>(missed.socket, EVENTS.messageSend, {
      conversationId: missed.conversationId,
      clientId: clientId(),
      body: 'I want to talk to a person',
    });
    await handoff;
    const staff = await h.newAgent('Learner');
    await connected(staff.socket);
    await call<AgentConversation>(staff.socket, EVENTS.conversationTake, {
      conversationId: missed.conversationId,
    });
    const say = (body: string) =>
      call<SendResult>(staff.socket, EVENTS.messageSend, {
        conversationId: missed.conversationId,
        clientId: clientId(),
        body,
      });
    await say('Hello!'); // small talk: not an answer
    await say('Yes, we ship to Norway in 5 to 7 working days.');
    await say('Anything else I can help with today?'); // not the first substantive reply
    const answers = await answersUntil((list) =>
      list.some((a) => a.conversationId === missed.conversationId),
    );
    const learned = answers.find((a) => a.conversationId === missed.conversationId);
    expect(learned).toMatchObject({
      lang: 'en',
      question: 'do you ship parcels to Norway?',
      answer: 'Yes, we ship to Norway in 5 to 7 working days.',
    });
    expect(learned?.guess?.faqId).toMatch(/_en$/);
    expect(learned?.guess?.question).toBeTruthy();

    // agents read; only an admin dismisses; an unknown one is 404, a second dismiss too
    const body = { conversationId: missed.conversationId };
    expect((await request('POST', API.agentAnswersDismiss(h.site.id), agent, body)).status).toBe(403);
    expect(await json(await request('POST', API.agentAnswersDismiss(h.site.id), admin, body))).toEqual({
      ok: true,
    });
    expect((await request('POST', API.agentAnswersDismiss(h.site.id), admin, body)).status).toBe(404);
    const left = await json<{ answers: AgentAnswer[] }>(
      await request('GET', API.agentAnswers(h.site.id), admin),
    );
    expect(left.answers.map((a) => a.conversationId)).not.toContain(missed.conversationId);
    staff.socket.disconnect();
  });

  it.each([
    ['no conversation id', {}],
    ['a bad id', { conversationId: '' }],
    ['extra fields', { conversationId: 'abc', faqId: 'x' }],
  ])('answers a dismiss with %s with 400', async (_name, body) => {
    expect((await request('POST', API.agentAnswersDismiss(h.site.id), admin, body)).status).toBe(400);
  });
});

describe('access', () => {
  const reads = (siteId: string) =>
    [
      ['GET', API.faqs(siteId), undefined],
      ['GET', API.unanswered(siteId), undefined],
      ['GET', API.agentAnswers(siteId), undefined],
      ['GET', API.botSettings(siteId), undefined],
      ['POST', API.faqTry(siteId), { text: 'hello' }],
    ] as const;
  const writes = (siteId: string) =>
    [
      ['PUT', API.faq(siteId, 'gift_wrap_en'), GIFT_WRAP],
      ['DELETE', API.faq(siteId, 'delivery_cost_en'), undefined],
      ['POST', API.unansweredDismiss(siteId), { messageIds: ['abc'] }],
      ['POST', API.agentAnswersDismiss(siteId), { conversationId: 'abc' }],
      [
        'PUT',
        API.botSettings(siteId),
        { botMissesBeforeHandoff: 2, escalationPhrases: [], answerThreshold: null },
      ],
    ] as const;

  it('refuses every change by an agent who is not an admin with 403, and changes nothing', async () => {
    for (const [method, path, body] of writes(h.site.id)) {
      const res = await request(method, path, agent, body);
      expect(await json(res, 403)).toMatchObject({ error: { code: 'forbidden' } });
    }
    const { faqs } = await json<{ faqs: FaqEntry[] }>(await request('GET', API.faqs(h.site.id), agent));
    expect(faqs.map((f) => f.id)).toContain('delivery_cost_en');
  });

  it('answers 404 for a site the agent does not belong to, or no site at all', async () => {
    for (const siteId of [otherSiteId, 'no-such-site']) {
      for (const [method, path, body] of [...reads(siteId), ...writes(siteId)]) {
        const res = await request(method, path, admin, body);
        expect(await json(res, 404)).toMatchObject({ error: { code: 'not_found' } });
      }
    }
  });

  it('A7 needs a session, and refuses a change from a foreign origin', async () => {
    for (const [method, path, body] of [...reads(h.site.id), ...writes(h.site.id)]) {
      expect((await request(method, path, '', body)).status).toBe(401);
    }
    const res = await request('PUT', API.faq(h.site.id, 'gift_wrap_en'), admin, GIFT_WRAP, {
      origin: 'https://evil.example',
    });
    expect(await json(res, 403)).toMatchObject({ error: { code: 'origin_not_allowed' } });
  });
});

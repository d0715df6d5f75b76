/**
 * The console's HTTP side in server tests: sign an agent in, call a route with its cookie from the
 * server's own origin, make another site with an agent of its own (TESTPLAN A2), and leave a
 * visitor's conversation behind. One helper for the route tests of search and contacts.
 */
import { API, EVENTS, type SendResult } from '@frontdesk/shared';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { call, clientId, type Harness, openConversation } from './harness.ts';

/** The password of the agents these helpers create. */
export const TEST_PASSWORD = 'a long test password';

export type ConsoleHttp = {
  /** Signs in and returns the session cookie (`name=value`); a refused login throws. */
  login(email: string, password?: string): Promise<string>;
  /** A same-origin request with the agent's cookie; `body` is sent as JSON. */
  api(cookie: string, method: string, path: string, body?: unknown): Promise<Response>;
};

export function consoleHttp(h: Pick<Harness, 'url' | 'origin'>): ConsoleHttp {
  return {
    async login(email, password = TEST_PASSWORD) {
      const res = await fetch(h.url + API.login, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: h.origin },
        body: JSON.stringify({ email, password }),
      });
      if (res.status !== 200) throw new Error(`login of ${email} answered ${res.status}`);
      return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    },
    api: (cookie, method, path, body) =>
      fetch(h.url + path, {
        method,
        headers: { cookie, origin: h.origin, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      }),
  };
}

/** Another site and a signed-in agent of that site only (an outsider to `h.site`, A2). */
export async function otherSiteAgent(
  h: Pick<Harness, 'url' | 'origin' | 'storage' | 'agents'>,
  prefix: string,
): Promise<{ siteId: string; cookie: string }> {
  const stamp = `${Date.now()}-${clientId()}`;
  const other = await h.storage.createSite({
    key: `other-${stamp}`,
    name: 'Other shop',
    allowedOrigins: [],
    settings: DEFAULT_SITE_SETTINGS,
  });
  const email = `${prefix}-stranger-${stamp}@example.com`;
  await h.agents.create({ email, name: 'Stranger', password: TEST_PASSWORD, role: 'agent' }, [other.id]);
  return { siteId: other.id, cookie: await consoleHttp(h).login(email) };
}

/**
 * A new visitor opens a conversation, sends these messages and leaves; returns the conversation and
 * its contact (the id agents see as `conversation.visitor.id`).
 */
export async function visitorChat(
  h: Harness,
  ...bodies: string[]
): Promise<{ conversationId: string; contactId: string }> {
  const v = await h.newVisitor();
  const opened = await openConversation(h, v.socket);
  for (const body of bodies)
    await call<SendResult>(v.socket, EVENTS.messageSend, {
      conversationId: opened.conversation.id,
      clientId: clientId(),
      body,
    });
  v.socket.disconnect();
  const conversation = await h.storage.getConversation(opened.conversation.id);
  return { conversationId: opened.conversation.id, contactId: conversation?.visitorId ?? '' };
}

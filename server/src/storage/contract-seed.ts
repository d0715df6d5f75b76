/**
 * What every storage contract file opens with, written once: a migrated storage with a site "Shop",
 * and makers for more sites, agents, visitors, conversations and visitor messages on it.
 */
import type { Locale } from '@frontdesk/shared';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import type { NewMessage, Storage } from './types.ts';

/** A fresh storage (`open`), migrated, with one site; `allowedOrigins` are that site's. */
export async function openWithSite(open: () => Promise<Storage>, allowedOrigins: string[] = []) {
  const storage = await open();
  await storage.migrate();
  /** Another site (a random key, so cases never clash on one database). */
  const newSite = (name = 'Shop', origins: string[] = []) =>
    storage.createSite({
      key: `site-${Math.random().toString(36).slice(2)}`,
      name,
      allowedOrigins: origins,
      settings: DEFAULT_SITE_SETTINGS,
    });
  const site = await newSite('Shop', allowedOrigins);
  /** An agent of the site (a random e-mail, so one name may be made twice). */
  const agent = (name: string) =>
    storage.createAgent({
      email: `${name}-${Math.random()}@example.com`,
      name,
      role: 'agent',
      passwordHash: 'x',
      siteIds: [site.id],
    });
  const visitor = (tokenHash = `h-${Math.random()}`, siteId = site.id) =>
    storage.createVisitor({ siteId, tokenHash });
  /** A new visitor's conversation. */
  const conversation = async (siteId = site.id, locale: Locale = 'en') => {
    const { id } = await visitor(undefined, siteId);
    return storage.createConversation({ siteId, visitorId: id, locale });
  };
  return { storage, site, newSite, agent, visitor, conversation };
}

/** The visitor's text messages in one conversation, as `appendMessage` takes them. */
export const visitorText =
  (conversationId: string) =>
  (body: string, clientId: string | null = null): NewMessage => ({
    conversationId,
    clientId,
    author: 'visitor',
    authorName: null,
    agentId: null,
    kind: 'text',
    body,
    meta: null,
  });

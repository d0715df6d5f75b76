/**
 * The public API's use cases (issue 15) for one caller — an API token of one site. Each one checks
 * the token's site and hands over to the services the console uses (conversations, contacts, FAQ,
 * canned responses, reports), so the API adds no second copy of their rules.
 */
import { API_LIMITS, type FaqEntry } from '@frontdesk/shared';
import type {
  ApiCannedInput,
  ApiConversationListQuery,
  ApiMessageInput,
  ApiMessageListQuery,
} from '@frontdesk/shared/api-schemas';
import type {
  ContactCreateInput,
  ContactListQuery,
  ContactPatchInput,
} from '@frontdesk/shared/contacts-schemas';
import type { ReportQuery } from '@frontdesk/shared/reports';
import type { FaqInputParsed } from '@frontdesk/shared/schemas';
import { API_TOKEN_CANNED_ACTOR, type CannedResponses } from '../canned/index.ts';
import type { AgentContacts } from '../contacts/agent-contacts.ts';
import { conversationNotFound } from '../conversations/access.ts';
import type { Broadcaster } from '../conversations/ports.ts';
import type { ConversationRecord, ConversationsStore, MessagesStore } from '../conversations/store.ts';
import type { Transitions } from '../conversations/transitions.ts';
import { toAgentConversation } from '../conversations/views.ts';
import type { FaqEntries } from '../faq/entries.ts';
import { AppError } from '../kernel/errors.ts';
import { type Reports, siteTimeZone } from '../reports/index.ts';
import type { Site, SitesStore } from '../sites/store.ts';
import { decodeCursor, isConversationPosition, isMessagePosition, pageOf } from './cursor.ts';
import type { ApiStore } from './store.ts';
import type { ApiCaller } from './tokens.ts';

export type PublicApiDeps = {
  store: Pick<ApiStore, 'listConversationPage'> &
    Pick<ConversationsStore, 'getConversation'> &
    Pick<MessagesStore, 'appendMessage' | 'listMessages'> &
    Pick<SitesStore, 'getSite'>;
  transitions: Pick<Transitions, 'apply'>;
  broadcaster: Pick<Broadcaster, 'messageStored' | 'previewChanged'>;
  contacts: Pick<AgentContacts, 'list' | 'get' | 'patchBy' | 'upsertBy'>;
  faqs: Pick<FaqEntries, 'list' | 'put' | 'remove'>;
  canned: Pick<CannedResponses, 'list' | 'get' | 'create' | 'update' | 'remove'>;
  reports: Reports;
};

/** Who a change through the API is by, on a contact's timeline ("by API token <name>"). */
const contactActor = (caller: ApiCaller) =>
  ({ type: 'api_token', id: caller.tokenId, name: caller.name }) as const;

export class PublicApi {
  constructor(private readonly deps: PublicApiDeps) {}

  async site(caller: ApiCaller): Promise<Site> {
    const site = await this.deps.store.getSite(caller.siteId);
    if (!site) throw new AppError('unauthorized', 'the site of this API token is gone');
    return site;
  }

  private async conversation(caller: ApiCaller, id: string): Promise<ConversationRecord> {
    const conversation = await this.deps.store.getConversation(id);
    if (!conversation || conversation.siteId !== caller.siteId) throw conversationNotFound();
    return conversation;
  }

  async listConversations(caller: ApiCaller, query: ApiConversationListQuery) {
    const limit = query.limit ?? API_LIMITS.pageSizeDefault;
    const after = decodeCursor(query.cursor, isConversationPosition);
    const rows = await this.deps.store.listConversationPage({
      siteId: caller.siteId,
      ...(query.state && { state: query.state }),
      after: after && { updatedAt: after.u, id: after.i },
      limit: limit + 1,
    });
    return pageOf(rows, limit, toAgentConversation, (c) => ({ u: c.updatedAt, i: c.id }));
  }

  async getConversation(caller: ApiCaller, id: string) {
    return toAgentConversation(await this.conversation(caller, id));
  }

  async listMessages(caller: ApiCaller, id: string, query: ApiMessageListQuery) {
    const conversation = await this.conversation(caller, id);
    const limit = query.limit ?? API_LIMITS.pageSizeDefault;
    const after = decodeCursor(query.cursor, isMessagePosition);
    const rows = await this.deps.store.listMessages(conversation.id, after?.s ?? 0, limit + 1);
    return pageOf(
      rows,
      limit,
      (m) => m,
      (m) => ({ s: m.seq }),
    );
  }

  /** A note is always allowed; a reply only while a person is expected (queued or assigned). */
  async postMessage(caller: ApiCaller, id: string, input: ApiMessageInput) {
    const conversation = await this.conversation(caller, id);
    const kind = input.kind ?? 'text';
    const result = await this.deps.store.appendMessage(
      {
        conversationId: conversation.id,
        clientId: input.clientId ?? null,
        author: 'agent',
        authorName: input.authorName ?? caller.name,
        agentId: null,
        kind,
        body: input.body,
        meta: null,
      },
      kind === 'note'
        ? { requireSiteIds: [caller.siteId] }
        : { requireSiteIds: [caller.siteId], requireStates: ['queued', 'assigned'] },
    );
    if (result.status === 'skipped')
      throw new AppError(
        'invalid_state',
        `no replies while the conversation is ${result.conversation.state}`,
      );
    if (result.status === 'stored') {
      this.deps.broadcaster.messageStored(result.conversation, result.message);
      this.deps.broadcaster.previewChanged(result.conversation);
    }
    return { message: result.message, duplicate: result.status === 'duplicate' };
  }

  async resolve(caller: ApiCaller, id: string) {
    const conversation = await this.conversation(caller, id);
    return toAgentConversation(await this.deps.transitions.apply(conversation.id, { type: 'resolve' }));
  }

  async listContacts(caller: ApiCaller, query: ContactListQuery) {
    return this.deps.contacts.list(await this.site(caller), query);
  }

  async getContact(caller: ApiCaller, id: string) {
    return this.deps.contacts.get(await this.site(caller), id);
  }

  async updateContact(caller: ApiCaller, id: string, patch: ContactPatchInput) {
    return this.deps.contacts.patchBy(await this.site(caller), contactActor(caller), id, patch);
  }

  async createContact(caller: ApiCaller, input: ContactCreateInput) {
    return this.deps.contacts.upsertBy(await this.site(caller), contactActor(caller), input);
  }

  async listFaqs(caller: ApiCaller): Promise<FaqEntry[]> {
    return (await this.deps.faqs.list(caller.siteId)).faqs;
  }

  async createFaq(caller: ApiCaller, input: FaqInputParsed & { id: string }): Promise<FaqEntry> {
    const { id, ...entry } = input;
    if ((await this.listFaqs(caller)).some((f) => f.id === id))
      throw new AppError('conflict', 'an FAQ entry with this id exists; PUT it to replace it');
    return this.deps.faqs.put(caller.siteId, id, entry);
  }

  async updateFaq(caller: ApiCaller, id: string, input: FaqInputParsed): Promise<FaqEntry> {
    if (!(await this.listFaqs(caller)).some((f) => f.id === id))
      throw new AppError('not_found', 'no such FAQ entry');
    return this.deps.faqs.put(caller.siteId, id, input);
  }

  removeFaq(caller: ApiCaller, id: string): Promise<void> {
    return this.deps.faqs.remove(caller.siteId, id);
  }

  // Canned responses: the site's shared ones (a token acts as an admin of those and owns no personal ones).

  async listCanned(caller: ApiCaller) {
    return (await this.deps.canned.list(caller.siteId, API_TOKEN_CANNED_ACTOR)).filter(
      (r) => r.scope === 'site',
    );
  }

  getCanned(caller: ApiCaller, id: string) {
    return this.deps.canned.get(caller.siteId, API_TOKEN_CANNED_ACTOR, id);
  }

  createCanned(caller: ApiCaller, input: ApiCannedInput) {
    return this.deps.canned.create(caller.siteId, API_TOKEN_CANNED_ACTOR, { ...input, scope: 'site' });
  }

  updateCanned(caller: ApiCaller, id: string, input: ApiCannedInput) {
    return this.deps.canned.update(caller.siteId, API_TOKEN_CANNED_ACTOR, id, { ...input, scope: 'site' });
  }

  removeCanned(caller: ApiCaller, id: string) {
    return this.deps.canned.remove(caller.siteId, API_TOKEN_CANNED_ACTOR, id);
  }

  /** The console's report of the site (the reports service, in the site's time zone). */
  async report(caller: ApiCaller, query: ReportQuery) {
    const site = await this.site(caller);
    return this.deps.reports.report({ id: site.id, timeZone: siteTimeZone(site.settings) }, query);
  }
}

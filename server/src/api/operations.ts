/**
 * Every operation of the public API, written once: the routes are registered from this table
 * (`routes.ts`) and the OpenAPI document is generated from it (`openapi.ts`), so they cannot differ.
 */
import { API_V1_ROUTES as R } from '@frontdesk/shared';
import { ApiSiteSchema, apiPage } from '@frontdesk/shared/api-responses';
import {
  ApiConversationListQuerySchema,
  ApiFaqCreateSchema,
  ApiMessageInputSchema,
  ApiMessageListQuerySchema,
} from '@frontdesk/shared/api-schemas';
import { ContactSchema, ContactSummarySchema } from '@frontdesk/shared/contacts-responses';
import { ContactListQuerySchema, ContactPatchSchema } from '@frontdesk/shared/contacts-schemas';
import { AgentConversationSchema, FaqEntrySchema, MessageSchema } from '@frontdesk/shared/responses';
import { FaqIdSchema, FaqInputSchema, IdSchema } from '@frontdesk/shared/schemas';
import * as v from 'valibot';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type Operation = {
  id: string;
  method: Method;
  path: string;
  summary: string;
  tag: 'Conversations' | 'Contacts' | 'Site' | 'FAQ';
  /** `write` operations need a read-write token. */
  scope: 'read' | 'write';
  params?: v.ObjectEntries;
  query?: v.GenericSchema;
  body?: v.GenericSchema;
  /** The success body; null for 204. */
  response: v.GenericSchema | null;
  status: 200 | 201 | 204;
};

const conversationId = { conversationId: IdSchema };
const contactId = { contactId: IdSchema };
const faqId = { faqId: FaqIdSchema };

export const OPERATIONS = [
  {
    id: 'getSite',
    method: 'get',
    path: R.site,
    summary: "The token's site",
    tag: 'Site',
    scope: 'read',
    response: v.object({ site: ApiSiteSchema }),
    status: 200,
  },
  {
    id: 'listConversations',
    method: 'get',
    path: R.conversations,
    summary: 'Conversations, most recently updated first',
    tag: 'Conversations',
    scope: 'read',
    query: ApiConversationListQuerySchema,
    response: apiPage(AgentConversationSchema),
    status: 200,
  },
  {
    id: 'getConversation',
    method: 'get',
    path: R.conversation,
    summary: 'One conversation',
    tag: 'Conversations',
    scope: 'read',
    params: conversationId,
    response: v.object({ conversation: AgentConversationSchema }),
    status: 200,
  },
  {
    id: 'listMessages',
    method: 'get',
    path: R.conversationMessages,
    summary: "A conversation's messages in order (notes included)",
    tag: 'Conversations',
    scope: 'read',
    params: conversationId,
    query: ApiMessageListQuerySchema,
    response: apiPage(MessageSchema),
    status: 200,
  },
  {
    id: 'postMessage',
    method: 'post',
    path: R.conversationMessages,
    summary: 'A reply the visitor sees (queued or assigned conversations) or a private note',
    tag: 'Conversations',
    scope: 'write',
    params: conversationId,
    body: ApiMessageInputSchema,
    response: v.object({ message: MessageSchema, duplicate: v.boolean() }),
    status: 201,
  },
  {
    id: 'resolveConversation',
    method: 'post',
    path: R.conversationResolve,
    summary: 'Resolve a conversation',
    tag: 'Conversations',
    scope: 'write',
    params: conversationId,
    response: v.object({ conversation: AgentConversationSchema }),
    status: 200,
  },
  {
    id: 'listContacts',
    method: 'get',
    path: R.contacts,
    summary: 'Contacts, most recently seen first; `q` searches name, e-mail and attributes',
    tag: 'Contacts',
    scope: 'read',
    query: ContactListQuerySchema,
    response: apiPage(ContactSummarySchema),
    status: 200,
  },
  {
    id: 'getContact',
    method: 'get',
    path: R.contact,
    summary: 'One contact',
    tag: 'Contacts',
    scope: 'read',
    params: contactId,
    response: v.object({ contact: ContactSchema }),
    status: 200,
  },
  {
    id: 'updateContact',
    method: 'patch',
    path: R.contact,
    summary: "Change a contact's fields, attributes and tags (null clears a field)",
    tag: 'Contacts',
    scope: 'write',
    params: contactId,
    body: ContactPatchSchema,
    response: v.object({ contact: ContactSchema }),
    status: 200,
  },
  {
    id: 'listFaqs',
    method: 'get',
    path: R.faqs,
    summary: "The site's FAQ entries",
    tag: 'FAQ',
    scope: 'read',
    response: v.object({ faqs: v.array(FaqEntrySchema) }),
    status: 200,
  },
  {
    id: 'createFaq',
    method: 'post',
    path: R.faqs,
    summary: 'A new FAQ entry (the bot answers with it at once)',
    tag: 'FAQ',
    scope: 'write',
    body: ApiFaqCreateSchema,
    response: v.object({ faq: FaqEntrySchema }),
    status: 201,
  },
  {
    id: 'updateFaq',
    method: 'put',
    path: R.faq,
    summary: 'Replace an FAQ entry',
    tag: 'FAQ',
    scope: 'write',
    params: faqId,
    body: FaqInputSchema,
    response: v.object({ faq: FaqEntrySchema }),
    status: 200,
  },
  {
    id: 'deleteFaq',
    method: 'delete',
    path: R.faq,
    summary: 'Delete an FAQ entry',
    tag: 'FAQ',
    scope: 'write',
    params: faqId,
    response: null,
    status: 204,
  },
] as const satisfies readonly Operation[];

export type OperationId = (typeof OPERATIONS)[number]['id'];

/**
 * Every operation of the public API, written once: the routes are registered from this table
 * (`routes.ts`) and the OpenAPI document is generated from it (`openapi.ts`), so they cannot differ.
 */
import { API_V1_ROUTES as R } from '@frontdesk/shared';
import { ApiSiteSchema, apiPage } from '@frontdesk/shared/api-responses';
import {
  ApiCannedInputSchema,
  ApiConversationListQuerySchema,
  ApiFaqCreateSchema,
  ApiMessageInputSchema,
  ApiMessageListQuerySchema,
} from '@frontdesk/shared/api-schemas';
import { CannedResponseSchema } from '@frontdesk/shared/canned-replies';
import { CannedIdSchema } from '@frontdesk/shared/canned-schemas';
import { ContactSchema, ContactSummarySchema } from '@frontdesk/shared/contacts-responses';
import {
  ContactCreateSchema,
  ContactListQuerySchema,
  ContactPatchSchema,
} from '@frontdesk/shared/contacts-schemas';
import { ReportQuerySchema, ReportSchema } from '@frontdesk/shared/reports';
import { AgentConversationSchema, FaqEntrySchema, MessageSchema } from '@frontdesk/shared/responses';
import { FaqIdSchema, FaqInputSchema, IdSchema } from '@frontdesk/shared/schemas';
import * as v from 'valibot';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type Operation = {
  id: string;
  method: Method;
  path: string;
  summary: string;
  tag: 'Conversations' | 'Contacts' | 'Site' | 'FAQ' | 'Canned responses' | 'Reports';
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
const cannedId = { cannedId: CannedIdSchema };

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
    id: 'createContact',
    method: 'post',
    path: R.contacts,
    summary:
      'Create a contact, or update the one with this `userId` (else this e-mail, on a verified contact): `created` tells which',
    tag: 'Contacts',
    scope: 'write',
    body: ContactCreateSchema,
    response: v.object({ contact: ContactSchema, created: v.boolean() }),
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
  {
    id: 'listCannedResponses',
    method: 'get',
    path: R.cannedResponses,
    summary: "The site's shared canned responses (agents' personal ones are never shown)",
    tag: 'Canned responses',
    scope: 'read',
    response: v.object({ responses: v.array(CannedResponseSchema) }),
    status: 200,
  },
  {
    id: 'createCannedResponse',
    method: 'post',
    path: R.cannedResponses,
    summary: 'A new shared canned response',
    tag: 'Canned responses',
    scope: 'write',
    body: ApiCannedInputSchema,
    response: v.object({ response: CannedResponseSchema }),
    status: 201,
  },
  {
    id: 'getCannedResponse',
    method: 'get',
    path: R.cannedResponse,
    summary: 'One shared canned response',
    tag: 'Canned responses',
    scope: 'read',
    params: cannedId,
    response: v.object({ response: CannedResponseSchema }),
    status: 200,
  },
  {
    id: 'updateCannedResponse',
    method: 'put',
    path: R.cannedResponse,
    summary: 'Replace a shared canned response',
    tag: 'Canned responses',
    scope: 'write',
    params: cannedId,
    body: ApiCannedInputSchema,
    response: v.object({ response: CannedResponseSchema }),
    status: 200,
  },
  {
    id: 'deleteCannedResponse',
    method: 'delete',
    path: R.cannedResponse,
    summary: 'Delete a shared canned response',
    tag: 'Canned responses',
    scope: 'write',
    params: cannedId,
    response: null,
    status: 204,
  },
  {
    id: 'getReport',
    method: 'get',
    path: R.reports,
    summary:
      "The site's report for `from`–`to` (its calendar days, both included) with the previous period: the console's figures",
    tag: 'Reports',
    scope: 'read',
    query: ReportQuerySchema,
    response: ReportSchema,
    status: 200,
  },
] as const satisfies readonly Operation[];

export type OperationId = (typeof OPERATIONS)[number]['id'];

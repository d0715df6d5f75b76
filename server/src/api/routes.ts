/**
 * The public API over HTTP (issue 15). A request whose `Authorization` carries an API token
 * (`Bearer fdk_…`) is answered by these routes alone — never by the console's cookie routes, and
 * these never read a cookie. Each route: token → per-token budget → scope → validate → `PublicApi`.
 */
import { API_V1_ROUTES } from '@frontdesk/shared';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import { parse } from '../kernel/validate.ts';
import { type Budgets, rateLimited } from '../limits/index.ts';
import { errorHandler, noSuchEndpoint } from '../transport/http/errors.ts';
import { readJsonBody } from '../transport/http/json-body.ts';
import { OPERATIONS, type Operation, type OperationId } from './operations.ts';
import type { PublicApi } from './public-api.ts';
import { parseToken } from './token-format.ts';
import type { ApiCaller, ApiTokens } from './tokens.ts';
import { siteView } from './views.ts';

type OpOf<K extends OperationId> = Extract<(typeof OPERATIONS)[number], { id: K }>;
type Typed<K extends OperationId> = {
  params: OpOf<K> extends { params: infer P } ? { [N in keyof P]: string } : Record<string, never>;
  query: OpOf<K> extends { query: infer Q extends v.GenericSchema } ? v.InferOutput<Q> : undefined;
  body: OpOf<K> extends { body: infer B extends v.GenericSchema } ? v.InferOutput<B> : undefined;
};
type Input = { params: Record<string, string>; query: unknown; body: unknown };
type Handler = (api: PublicApi, caller: ApiCaller, input: Input) => Promise<unknown>;

/** One handler per operation, typed by the operation's own schemas. */
const HANDLERS: {
  [K in OperationId]: (api: PublicApi, caller: ApiCaller, input: Typed<K>) => Promise<unknown>;
} = {
  getSite: async (api, caller) => ({ site: siteView(await api.site(caller)) }),
  listConversations: (api, caller, { query }) => api.listConversations(caller, query),
  getConversation: async (api, caller, { params }) => ({
    conversation: await api.getConversation(caller, params.conversationId),
  }),
  listMessages: (api, caller, { params, query }) => api.listMessages(caller, params.conversationId, query),
  postMessage: (api, caller, { params, body }) => api.postMessage(caller, params.conversationId, body),
  resolveConversation: async (api, caller, { params }) => ({
    conversation: await api.resolve(caller, params.conversationId),
  }),
  listContacts: (api, caller, { query }) => api.listContacts(caller, query),
  getContact: async (api, caller, { params }) => ({
    contact: await api.getContact(caller, params.contactId),
  }),
  createContact: (api, caller, { body }) => api.createContact(caller, body),
  updateContact: async (api, caller, { params, body }) => ({
    contact: await api.updateContact(caller, params.contactId, body),
  }),
  listFaqs: async (api, caller) => ({ faqs: await api.listFaqs(caller) }),
  createFaq: async (api, caller, { body }) => ({ faq: await api.createFaq(caller, body) }),
  updateFaq: async (api, caller, { params, body }) => ({
    faq: await api.updateFaq(caller, params.faqId, body),
  }),
  deleteFaq: async (api, caller, { params }) => {
    await api.removeFaq(caller, params.faqId);
    return null;
  },
  listCannedResponses: async (api, caller) => ({ responses: await api.listCanned(caller) }),
  createCannedResponse: async (api, caller, { body }) => ({ response: await api.createCanned(caller, body) }),
  getCannedResponse: async (api, caller, { params }) => ({
    response: await api.getCanned(caller, params.cannedId),
  }),
  updateCannedResponse: async (api, caller, { params, body }) => ({
    response: await api.updateCanned(caller, params.cannedId, body),
  }),
  deleteCannedResponse: async (api, caller, { params }) => {
    await api.removeCanned(caller, params.cannedId);
    return null;
  },
  getReport: (api, caller, { query }) => api.report(caller, query),
};

export type PublicApiRoutesDeps = { api: PublicApi; tokens: ApiTokens; budgets: Budgets; logger: Logger };

type CallerEnv = { Variables: { caller: ApiCaller } };

/**
 * Whether a request is meant for the public API: it carries something shaped like an API token
 * (the whole shape, so a visitor token — 43 characters — can never be taken for one).
 */
export const carriesApiToken = (authorization: string | undefined): boolean => {
  const match = /^Bearer (\S+)$/.exec(authorization ?? '');
  return match?.[1] !== undefined && parseToken(match[1]) !== null;
};

async function inputOf(c: Context, op: Operation): Promise<Input> {
  const params = op.params ? parse(v.object(op.params), c.req.param()) : {};
  const query = op.query ? parse(op.query, c.req.query()) : undefined;
  const body = op.body ? parse(op.body, await readJsonBody(c)) : undefined;
  return { params: params as Record<string, string>, query, body };
}

/** The sub-app with every operation of `OPERATIONS` (its `routes` are what the OpenAPI test compares). */
export function publicApiApp(deps: PublicApiRoutesDeps) {
  const app = new Hono<CallerEnv>();
  app.onError(errorHandler(deps.logger));
  const authenticate: MiddlewareHandler<CallerEnv> = async (c, next) => {
    const caller = await deps.tokens.authenticate(c.req.header('authorization'));
    const verdict = deps.budgets.apiToken(caller.tokenId);
    if (!verdict.ok) throw rateLimited(verdict, 'requests with this API token');
    c.set('caller', caller);
    await next();
  };
  for (const op of OPERATIONS as readonly Operation[]) {
    // Each operation's input was parsed with its own schemas just above: the handler's types hold.
    const handler = HANDLERS[op.id as OperationId] as Handler;
    app.on(op.method.toUpperCase(), op.path, authenticate, async (c) => {
      const caller = c.get('caller');
      if (op.scope === 'write' && caller.scope !== 'write')
        throw new AppError('forbidden', 'this API token may only read');
      const result = await handler(deps.api, caller, await inputOf(c, op));
      if (op.status === 204) return c.body(null, 204);
      return c.json(result as object, op.status);
    });
  }
  app.all('*', authenticate, noSuchEndpoint);
  return app;
}

/** Middleware under `/api/v1/*`: token requests go to the public API and stop there. */
export function publicApiDispatch(app: ReturnType<typeof publicApiApp>): MiddlewareHandler {
  return async (c, next) => {
    if (!carriesApiToken(c.req.header('authorization'))) return next();
    if (c.req.path === API_V1_ROUTES.openapi || c.req.path === API_V1_ROUTES.reference) return next();
    return app.fetch(c.req.raw);
  };
}

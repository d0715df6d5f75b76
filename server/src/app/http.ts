/**
 * The Hono app: REST API under /api/v1, health, and the built clients (widget, console, demo).
 * Order matters: CORS for visitor sessions, the API budget and the body limit run before any route.
 */
import { API_V1_ROUTES, PATHS, ROUTES } from '@frontdesk/shared';
import { Hono } from 'hono';
import { adminRoutes, imageRoutes } from '../admin/routes.ts';
import { apiTokenRoutes } from '../api/admin-routes.ts';
import { API_BASE, buildOpenApi } from '../api/openapi.ts';
import { referencePage } from '../api/reference-page.ts';
import { publicApiApp, publicApiDispatch } from '../api/routes.ts';
import { attachmentRoutes, visitorAttachmentsCors } from '../attachments/routes.ts';
import { attachmentSettingsRoutes } from '../attachments/settings-routes.ts';
import { cannedRoutes } from '../canned/index.ts';
import { contactRoutes } from '../contacts/index.ts';
import { conversationRoutes } from '../conversations/routes.ts';
import { faqRoutes } from '../faq/routes.ts';
import { authRoutes } from '../identity/auth-routes.ts';
import { visitorSessionRoutes, visitorSessionsCors } from '../identity/visitor-session-routes.ts';
import type { Logger } from '../kernel/logger.ts';
import type { Budgets, TrustProxy } from '../limits/index.ts';
import { mailLinkRoutes, mailRoutes } from '../mail/index.ts';
import { type Metrics, metricsHandler, requestTiming } from '../metrics/index.ts';
import { reportRoutes } from '../reports/index.ts';
import { routingRoutes } from '../routing/index.ts';
import { searchRoutes } from '../search/routes.ts';
import { siteLoaderRoutes, widgetPreviewRoutes } from '../sites/loader-routes.ts';
import { offlineSettingsRoutes } from '../sites/offline-settings.ts';
import type { Storage } from '../storage/index.ts';
import { apiBudget } from '../transport/http/api-budget.ts';
import { apiBodyLimit } from '../transport/http/body-limit.ts';
import { errorHandler, noSuchEndpoint } from '../transport/http/errors.ts';
import { type Assets, staticRoutes } from '../transport/http/static-routes.ts';
import { webhookRoutes } from '../webhooks/index.ts';
import type { Readiness } from './readiness.ts';
import type { Services } from './services.ts';

export type HttpDeps = {
  services: Services;
  storage: Pick<Storage, 'getSite' | 'getSiteByKey' | 'listSitesOfAgent'>;
  /** Issue 11: the dependencies `/readyz` asks. */
  readiness: Pick<Readiness, 'probe'>;
  logger: Logger;
  selfOrigins: readonly string[];
  secureCookies: boolean;
  assets: Assets;
  budgets: Budgets;
  trustProxy: TrustProxy;
  /** Issue 15: latencies and request logs; `/metrics` here when a token is set and no bind address. */
  metrics: Metrics;
  metricsOnMainPort: { token: string } | null;
};

export function createHttpApp(deps: HttpDeps) {
  const { services, selfOrigins } = deps;
  const app = new Hono();
  app.onError(errorHandler(deps.logger));
  app.use(requestTiming(deps.metrics, deps.logger));
  if (deps.metricsOnMainPort)
    app.get(ROUTES.metrics, metricsHandler(deps.metrics, deps.metricsOnMainPort.token));

  app.use(ROUTES.visitorSessions, visitorSessionsCors);
  // Issue 13: widgets upload and download files across origins (token, no cookies).
  app.use(ROUTES.visitorAttachments, visitorAttachmentsCors);
  app.use(ROUTES.visitorAttachment, visitorAttachmentsCors);
  app.use(ROUTES.api, apiBudget(deps));
  app.use(ROUTES.api, apiBodyLimit());
  // Issue 15: a request with an API token is the public API's alone (never a cookie route).
  const publicApi = publicApiApp({
    api: services.publicApi,
    tokens: services.apiTokens,
    budgets: deps.budgets,
    logger: deps.logger,
  });
  app.use('/api/v1/*', publicApiDispatch(publicApi));
  const openApi = buildOpenApi();
  const reference = referencePage(openApi, API_BASE);
  app.get(API_V1_ROUTES.openapi, (c) => c.json(openApi));
  app.get(API_V1_ROUTES.reference, (c) => c.html(reference));
  // The public lookups outside /api (a site's loader, an uploaded image) read the database too.
  app.use(ROUTES.siteLoader, apiBudget(deps));
  app.use(ROUTES.image, apiBudget(deps));

  // Process alive: answers while the database is down (a restart would not help then).
  app.get(ROUTES.health, (c) => c.json({ ok: true, status: 'ok' }));
  app.get(ROUTES.ready, async (c) => {
    const report = await deps.readiness.probe();
    return report.ready
      ? c.json({ status: 'ready' })
      : c.json({ status: 'degraded', reasons: report.reasons }, 503);
  });

  app.route('/', visitorSessionRoutes({ visitors: services.visitors, trustProxy: deps.trustProxy }));
  app.route(
    '/',
    authRoutes({
      accounts: services.accounts,
      sessions: services.sessions,
      selfOrigins,
      trustProxy: deps.trustProxy,
      secureCookies: deps.secureCookies,
    }),
  );
  app.route(
    '/',
    conversationRoutes({
      conversations: services.agentConversations,
      sessions: services.sessions,
      selfOrigins,
      reads: services.reads,
    }),
  );
  app.route(
    '/',
    faqRoutes({
      entries: services.faqEntries,
      unanswered: services.unanswered,
      agentAnswers: services.agentAnswers,
      settings: services.botSettings,
      sites: deps.storage,
      sessions: services.sessions,
      selfOrigins,
    }),
  );
  app.route(
    '/',
    adminRoutes({
      sites: services.siteAdmin,
      agents: services.agentAdmin,
      accounts: services.accounts,
      sessions: services.sessions,
      selfOrigins,
      trustProxy: deps.trustProxy,
    }),
  );
  // Issue 10.
  app.route(
    '/',
    offlineSettingsRoutes({
      sites: deps.storage,
      editor: services.offlineSettings,
      sessions: services.sessions,
      selfOrigins,
    }),
  );
  // Issue 14 (routing).
  app.route(
    '/',
    routingRoutes({
      sites: deps.storage,
      admin: services.routingAdmin,
      sessions: services.sessions,
      selfOrigins,
    }),
  );
  // Issue 12 (contacts).
  app.route(
    '/',
    contactRoutes({
      sites: deps.storage,
      contacts: services.contacts.agent,
      exports: services.contacts.exports,
      privacy: services.contacts.privacy,
      sessions: services.sessions,
      selfOrigins,
    }),
  );
  // Issue 14 (find things): search, saved views, conversation tags.
  app.route(
    '/',
    searchRoutes({
      search: services.search,
      sites: deps.storage,
      sessions: services.sessions,
      selfOrigins,
    }),
  );
  // E-mail as a channel (issue 10, mail):
  app.route('/', mailLinkRoutes({ links: services.mail.linkAccess }));
  app.route(
    '/',
    mailRoutes({
      outbox: services.mail.outbox,
      sessions: services.sessions,
      selfOrigins,
    }),
  );
  // Issue 13: attachments both ways.
  app.route(
    '/',
    attachmentRoutes({
      attachments: services.attachments,
      budgets: deps.budgets,
      trustProxy: deps.trustProxy,
      visitors: services.visitors,
      sessions: services.sessions,
      selfOrigins,
    }),
  );
  app.route(
    '/',
    attachmentSettingsRoutes({
      sites: deps.storage,
      editor: services.attachmentSettings,
      sessions: services.sessions,
      selfOrigins,
    }),
  );
  // Issue 14: canned responses, attention preferences.
  app.route(
    '/',
    cannedRoutes({
      canned: services.canned,
      attention: services.attention,
      sites: deps.storage,
      sessions: services.sessions,
      selfOrigins,
    }),
  );
  // Issue 15: reports.
  app.route(
    '/',
    reportRoutes({
      reports: services.reports,
      sites: deps.storage,
      sessions: services.sessions,
      selfOrigins,
    }),
  );
  // Issue 15: the console's API-token page.
  app.route('/', apiTokenRoutes({ tokens: services.apiTokens, sessions: services.sessions, selfOrigins }));
  app.route('/', webhookRoutes({ webhooks: services.webhooks, sessions: services.sessions, selfOrigins }));
  app.all(ROUTES.api, noSuchEndpoint);

  app.route('/', imageRoutes(services.images));
  app.route('/', siteLoaderRoutes({ sites: deps.storage, widgetDir: deps.assets.widget }));
  app.route('/', widgetPreviewRoutes({ widgetDir: deps.assets.widget }));

  app.route('/', staticRoutes(deps.assets));
  app.get('/', (c) => c.redirect(`${PATHS.demo}/`));
  // Issue 15: the public API's registered routes (the OpenAPI test compares them with the document).
  const publicApiRoutes = publicApi.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method.toLowerCase(), path: r.path }))
    .filter((r, i, all) => all.findIndex((o) => o.method === r.method && o.path === r.path) === i);
  return Object.assign(app, { publicApiRoutes });
}

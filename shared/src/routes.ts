/**
 * Every REST path as a route pattern, written once: the server registers these patterns and the
 * clients' URL builders (`API` in `events.ts`) fill them in, so both ends come from one definition.
 */
export const ROUTES = {
  /** Every API path (budgets, body limits and the JSON 404 apply under it). */
  api: '/api/*',
  visitorSessions: '/api/v1/visitor/sessions',
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  me: '/api/v1/auth/me',
  conversations: '/api/v1/conversations',
  conversation: '/api/v1/conversations/:id',
  faqs: '/api/v1/sites/:siteId/faqs',
  faq: '/api/v1/sites/:siteId/faqs/:faqId',
  faqTry: '/api/v1/sites/:siteId/faqs/try',
  unanswered: '/api/v1/sites/:siteId/unanswered',
  unansweredDismiss: '/api/v1/sites/:siteId/unanswered/dismiss',
  agentAnswers: '/api/v1/sites/:siteId/unanswered/agent-answers',
  agentAnswersDismiss: '/api/v1/sites/:siteId/unanswered/agent-answers/dismiss',
  botSettings: '/api/v1/sites/:siteId/settings/bot',
  /** GET: the caller's sites (admins: all, archived included); POST (admin): a new site. */
  sites: '/api/v1/sites',
  /** GET: one site as admins edit it; PATCH (admin): name, origins, language, appearance, archived. */
  site: '/api/v1/sites/:siteId',
  /** PUT (admin): the site's logo, an image as the raw body; DELETE: no logo. */
  siteLogo: '/api/v1/sites/:siteId/logo',
  /** GET (admin): every agent; POST (admin): a new agent (the generated password comes back once). */
  agents: '/api/v1/agents',
  /** PATCH (admin): name, role, sites, disabled. */
  agent: '/api/v1/agents/:agentId',
  /** POST (admin): a new password for an agent (generated unless given; ends their sessions). */
  agentPassword: '/api/v1/agents/:agentId/password',
  /** POST: the signed-in agent changes their own password (the current one required). */
  mePassword: '/api/v1/auth/me/password',
  /** PUT: the signed-in agent's avatar image as the raw body; DELETE: none. */
  meAvatar: '/api/v1/auth/me/avatar',
  /** An uploaded image (logo, avatar), re-encoded by the server; immutable. */
  image: '/images/:imageId',
  /** The loader for one site with its launcher settings inlined (no flash of the default look). */
  siteLoader: '/w/:siteKey.js',
  /** The widget app in preview mode, for the console's appearance page (no connection). */
  widgetPreview: '/widget-preview',
  health: '/healthz',
  /** Issue 10 — GET: a site's offline settings (long-wait threshold, extra questions); PUT (admin). */
  offlineSettings: '/api/v1/sites/:siteId/settings/offline',
  // E-mail as a channel (issue 10, mail):
  /** GET (admin): the mail outbox, newest first. */
  mailOutbox: '/api/v1/mail/outbox',
  /** POST (admin): send one outbox mail again (unconfigured or failed) once SMTP is configured. */
  mailResend: '/api/v1/mail/outbox/:mailId/resend',
  /** POST: a signed conversation link exchanged for a visitor session (the link page calls it). */
  mailLinkExchange: '/api/v1/mail/link',
  /** The page a reply e-mail links to: the site's widget, opened on that conversation. */
  mailLink: '/c/:token',
  /** The link page's script (no inline script: the page's CSP forbids it). */
  mailLinkScript: '/mail-link.js',
  // Issue 11 (ops): `health` above is "process alive" (no database call); this one asks the database
  // (and Redis): 200 `{ status: 'ready' }` or 503 `{ status: 'degraded', reasons }` for load balancers.
  ready: '/readyz',
  /** Issue 15: Prometheus metrics (`METRICS_TOKEN` bearer on this port, or alone on `METRICS_BIND`). */
  metrics: '/metrics',
  // Attachments (issue 13). Uploads are the raw file as the body; the reply is the stored message.
  /** POST (visitor, `Authorization: Bearer <token>`, `?site=KEY&clientId=…&name=…`): a file. */
  visitorAttachments: '/api/v1/visitor/conversations/:conversationId/attachments',
  /** GET (visitor, same auth): one file of their conversations; `?variant=thumb` for an image's thumbnail. */
  visitorAttachment: '/api/v1/visitor/attachments/:attachmentId',
  /** POST (agent, cookie): a file into a conversation they have taken. */
  agentAttachments: '/api/v1/conversations/:id/attachments',
  /** GET (agent, cookie): one file of their sites' conversations. */
  agentAttachment: '/api/v1/attachments/:attachmentId',
  /** GET (agents of the site) / PUT (admin): the site's attachment limits. */
  attachmentSettings: '/api/v1/sites/:siteId/settings/attachments',
  // Issue 14 (routing):
  /** GET (agents of the site): routing settings and each agent's capacity and load; PUT (admin): settings. */
  routing: '/api/v1/sites/:siteId/settings/routing',
  /** PUT (admin): one agent's own capacity (`null`: the site's default). */
  agentCapacity: '/api/v1/sites/:siteId/settings/routing/agents/:agentId',
  /** GET (agents of the site): the site's teams; POST (admin): a new team. */
  teams: '/api/v1/sites/:siteId/teams',
  /** PUT (admin): rename, members; DELETE (admin). */
  team: '/api/v1/sites/:siteId/teams/:teamId',
  // Issue 14 (agent tools):
  /** GET: the site's shared canned responses and the caller's personal ones; POST: a new one. */
  cannedResponses: '/api/v1/sites/:siteId/canned',
  /** PUT / DELETE: one canned response (shared: admins; personal: its owner). */
  cannedResponse: '/api/v1/sites/:siteId/canned/:cannedId',
  /** GET / PUT: the signed-in agent's attention signals (sound, desktop, title count). */
  meAttention: '/api/v1/auth/me/attention',
} as const;

/** The `:name` placeholders of a route pattern. */
export type RouteParamName<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? ParamToken<Name> | RouteParamName<Rest>
  : P extends `${string}:${infer Name}`
    ? ParamToken<Name>
    : never;

/** A parameter name ends at a `.` as well (`/w/:siteKey.js`), as `fillRoute`'s `\w+` does. */
type ParamToken<S extends string> = S extends `${infer Name}.${string}` ? Name : S;

export type RouteParams<P extends string> = { readonly [K in RouteParamName<P>]: string };

/** A path from a pattern: every `:name` replaced by its value, URI-encoded. */
export function fillRoute<P extends string>(pattern: P, params: RouteParams<P>): string {
  const values: Readonly<Record<string, string>> = params;
  return pattern.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(values[name] ?? ''));
}

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
  botSettings: '/api/v1/sites/:siteId/settings/bot',
  health: '/healthz',
} as const;

/** The `:name` placeholders of a route pattern. */
export type RouteParamName<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | RouteParamName<Rest>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

export type RouteParams<P extends string> = { readonly [K in RouteParamName<P>]: string };

/** A path from a pattern: every `:name` replaced by its value, URI-encoded. */
export function fillRoute<P extends string>(pattern: P, params: RouteParams<P>): string {
  const values: Readonly<Record<string, string>> = params;
  return pattern.replace(/:(\w+)/g, (_match, name: string) => encodeURIComponent(values[name] ?? ''));
}

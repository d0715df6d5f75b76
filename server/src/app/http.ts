/**
 * The Hono app: REST API under /api/v1, health, and the built clients (widget, console, demo).
 * One error handler maps AppError to the shared error shape; unknown errors are logged, never leaked.
 */
import { API, LIMITS, PATHS } from '@frontdesk/shared';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError, toErrorBody } from '../errors.ts';
import type { FaqService } from '../faq/index.ts';
import type { Budgets, TrustProxy } from '../limits/index.ts';
import type { Logger } from '../logger.ts';
import type { AgentService } from '../services/agents.ts';
import type { ConversationService } from '../services/conversations.ts';
import type { VisitorService } from '../services/visitors.ts';
import type { Storage } from '../storage/index.ts';
import { agentRoutes } from './agent-routes.ts';
import { faqRoutes } from './faq-routes.ts';
import { apiBudget } from './rate-limit.ts';
import { staticRoutes } from './static-routes.ts';
import { visitorRoutes, visitorSessionsCors } from './visitor-routes.ts';

export type AppDeps = {
  storage: Storage;
  agents: AgentService;
  visitors: VisitorService;
  conversations: ConversationService;
  faq: FaqService;
  logger: Logger;
  selfOrigins: readonly string[];
  secureCookies: boolean;
  assets: { widget: string; console: string; demo: string };
  budgets: Budgets;
  trustProxy: TrustProxy;
};

export function createApp(deps: AppDeps) {
  const app = new Hono();

  app.onError((error, c) => {
    if (!(error instanceof AppError)) deps.logger.error({ err: error, path: c.req.path }, 'request failed');
    const body = toErrorBody(error);
    const status = error instanceof AppError ? error.status : 500;
    if (body.retryAfter !== undefined) c.header('Retry-After', String(body.retryAfter));
    return c.json({ ok: false, error: body }, status as 400);
  });

  app.use(API.visitorSessions, visitorSessionsCors);
  app.use('/api/*', apiBudget(deps));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: LIMITS.httpMaxBodyBytes,
      onError: () => {
        throw new AppError('too_large', `request body over ${LIMITS.httpMaxBodyBytes} bytes`);
      },
    }),
  );

  app.get(API.health, async (c) => {
    await deps.storage.ping();
    return c.json({ ok: true, status: 'ok' });
  });

  app.route('/', visitorRoutes(deps));
  app.route('/', agentRoutes(deps));
  app.route('/', faqRoutes(deps));
  app.all('/api/*', () => {
    throw new AppError('not_found', 'no such endpoint');
  });
  app.route('/', staticRoutes(deps));
  app.get('/', (c) => c.redirect(`${PATHS.demo}/`));
  return app;
}

/**
 * Attachments over HTTP (issue 13): uploads take the file as the raw body (`application/octet-stream`,
 * which no cross-site form can send); downloads are served so that nothing in them can run on our
 * origin: `nosniff`, a sandbox CSP, and `Content-Disposition: attachment` for everything that is not
 * a re-encoded image. Visitors authenticate with `Authorization: Bearer <token>` and `?site=KEY`
 * (cross-origin, never with cookies); agents with their session cookie, same-origin only.
 */
import { ATTACHMENT_HTTP, ROUTES } from '@frontdesk/shared';
import {
  AttachmentIdSchema,
  AttachmentReadQuerySchema,
  AttachmentUploadQuerySchema,
  IdSchema,
  VisitorTokenSchema,
} from '@frontdesk/shared/schemas';
import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import * as v from 'valibot';
import type { AgentSessions } from '../identity/agent-sessions.ts';
import type { VisitorContext } from '../identity/context.ts';
import { type AgentEnv, requireAgent } from '../identity/require-agent.ts';
import type { VisitorSessions } from '../identity/visitor-sessions.ts';
import { AppError } from '../kernel/errors.ts';
import { type Budgets, rateLimited, type TrustProxy } from '../limits/index.ts';
import { requestAddress } from '../transport/http/request-address.ts';
import { sameOriginGuard } from '../transport/http/same-origin.ts';
import { params, query } from '../transport/http/validation.ts';
import type { AttachmentFile, Attachments } from './attachments.ts';
import { maxBytesOf } from './decide.ts';

type Deps = {
  attachments: Attachments;
  /** Uploads spend their own budget (per uploader and per address) before the body is read. */
  budgets: Pick<Budgets, 'upload'>;
  trustProxy: TrustProxy;
  visitors: Pick<VisitorSessions, 'authenticate'>;
  sessions: AgentSessions;
  selfOrigins: readonly string[];
};

/**
 * Widgets call from any page (their site's origins are checked with the token); no cookies. Mounted
 * ahead of the API budget and body limit (`http.ts`), so a widget can read a 429 or 413 across origins.
 */
export const visitorAttachmentsCors = cors({
  origin: '*',
  allowMethods: ['GET', 'POST'],
  allowHeaders: ['Authorization', 'Content-Type'],
  exposeHeaders: ['Content-Disposition', 'Retry-After'],
  maxAge: 600,
});

/** RFC 6266 / 5987: an ASCII fallback and the exact UTF-8 name. */
export function contentDisposition(type: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The response headers of a download (tested in `routes.test.ts`). */
export function downloadHeaders(file: AttachmentFile): Record<string, string> {
  // Only images the server re-encoded itself (and their thumbnails) may show inline.
  const inline = file.kind === 'image';
  return {
    'Content-Type': file.mime,
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "sandbox; default-src 'none'",
    'Cache-Control': 'private, max-age=3600',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    'Referrer-Policy': 'no-referrer',
  };
}

const send = (c: Context, file: AttachmentFile) =>
  c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, downloadHeaders(file));

/** The raw upload; refused by Content-Length before reading when it is over the site's limit. */
async function uploadBody(c: Context, maxBytes: number): Promise<Uint8Array> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/octet-stream')
    throw new AppError('bad_request', 'send the file as the body with Content-Type application/octet-stream');
  const declared = Number(c.req.header('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes)
    throw new AppError('too_large', `a file may be at most ${maxBytes} bytes`);
  return new Uint8Array(await c.req.arrayBuffer());
}

const bearer = (c: Context): string => {
  const match = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '');
  if (!match || !v.is(VisitorTokenSchema, match[1]))
    throw new AppError('unauthorized', 'a visitor token is required');
  return match[1];
};

export function attachmentRoutes(deps: Deps) {
  const app = new Hono<AgentEnv>();
  const spend = (c: Context, identity: string) => {
    const verdict = deps.budgets.upload(identity, requestAddress(c, deps.trustProxy));
    if (!verdict.ok) throw rateLimited(verdict, 'uploads');
  };
  const visitor = async (c: Context, site: string | undefined): Promise<VisitorContext> => {
    if (!site)
      throw new AppError('bad_request', `the ${ATTACHMENT_HTTP.siteQuery} query parameter is required`);
    return deps.visitors.authenticate(site, bearer(c), c.req.header('origin'));
  };

  app.post(
    ROUTES.visitorAttachments,
    params({ conversationId: IdSchema }),
    query(AttachmentUploadQuerySchema),
    async (c) => {
      const q = c.req.valid('query');
      const ctx = await visitor(c, q.site);
      spend(c, `v:${ctx.visitor.id}`);
      const bytes = await uploadBody(c, maxBytesOf(ctx.site.settings.attachments));
      const sent = await deps.attachments.uploadAsVisitor(
        ctx,
        { conversationId: c.req.valid('param').conversationId, clientId: q.clientId, name: q.name },
        bytes,
      );
      return c.json(sent, sent.duplicate ? 200 : 201);
    },
  );

  app.get(
    ROUTES.visitorAttachment,
    params({ attachmentId: AttachmentIdSchema }),
    query(AttachmentReadQuerySchema),
    async (c) => {
      const q = c.req.valid('query');
      const ctx = await visitor(c, q.site);
      return send(
        c,
        await deps.attachments.readForVisitor(ctx, c.req.valid('param').attachmentId, q.variant ?? 'file'),
      );
    },
  );

  const agent = [sameOriginGuard(deps.selfOrigins), requireAgent(deps.sessions)] as const;
  app.post(
    ROUTES.agentAttachments,
    ...agent,
    params({ id: IdSchema }),
    query(AttachmentUploadQuerySchema),
    async (c) => {
      const q = c.req.valid('query');
      spend(c, `a:${c.get('agent').agent.id}`);
      const bytes = await uploadBody(c, Number.MAX_SAFE_INTEGER);
      const sent = await deps.attachments.uploadAsAgent(
        c.get('agent'),
        { conversationId: c.req.valid('param').id, clientId: q.clientId, name: q.name },
        bytes,
      );
      return c.json(sent, sent.duplicate ? 200 : 201);
    },
  );

  app.get(
    ROUTES.agentAttachment,
    ...agent,
    params({ attachmentId: AttachmentIdSchema }),
    query(AttachmentReadQuerySchema),
    async (c) => {
      const q = c.req.valid('query');
      return send(
        c,
        await deps.attachments.readForAgent(
          c.get('agent'),
          c.req.valid('param').attachmentId,
          q.variant ?? 'file',
        ),
      );
    },
  );
  return app;
}

/**
 * The page a reply e-mail links to (`/c/:token`) and its exchange endpoint. The page is served on
 * the server's own origin (which every site's widget accepts); its script trades the link for a
 * visitor session, stores it where the widget looks for it, marks the panel open and loads the
 * site's widget. The exchange is a POST, so mail scanners that fetch links change nothing.
 */
import { createHash } from 'node:crypto';
import { API, type Locale, pickLocale, ROUTES, WIDGET_STORAGE_PREFIX } from '@frontdesk/shared';
import { SERVER_CATALOGS } from '@frontdesk/shared/i18n';
import { MailLinkExchangeSchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { jsonBody } from '../transport/http/validation.ts';
import { escapeHtml } from './compose.ts';
import type { LinkAccess } from './link-access.ts';

const PAGE_STYLE = 'body{font:16px/1.5 system-ui,sans-serif;margin:2rem;color:#222}';
/** Our own scripts only; the page's one style block by its hash (no 'unsafe-inline'). */
const PAGE_CSP =
  `default-src 'self'; script-src 'self'; style-src 'self' 'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'; ` +
  "img-src 'self' data:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** The language of the reader's browser (`Accept-Language`), else English. */
const readerLocale = (header: string | undefined): Locale =>
  pickLocale((header ?? '').split(',').map((part) => part.split(';')[0]?.trim()));

function page(locale: Locale, body: string, script: boolean): string {
  const t = SERVER_CATALOGS[locale];
  return (
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="referrer" content="no-referrer">` +
    `<title>${escapeHtml(t.mailLinkTitle)}</title>` +
    (script ? `<script type="module" src="${ROUTES.mailLinkScript}"></script>` : '') +
    `<style>${PAGE_STYLE}</style>` +
    `</head><body><main><h1>${escapeHtml(t.mailLinkTitle)}</h1>${body}</main></body></html>`
  );
}

/** The page's script: exchange, store the session the widget reads, open the panel, load the widget. */
const SCRIPT = `
const token = location.pathname.split('/').pop();
const status = document.getElementById('status');
const failed = () => { status.textContent = status.dataset.failed; status.setAttribute('role', 'alert'); };
try {
  const res = await fetch(${JSON.stringify(API.mailLinkExchange)}, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
    credentials: 'omit',
  });
  const session = await res.json();
  if (!res.ok) failed();
  else {
    const key = (name) => ${JSON.stringify(WIDGET_STORAGE_PREFIX)} + session.siteKey + ':' + name;
    try {
      localStorage.setItem(key('token'), session.token);
      localStorage.setItem(key('open'), '1');
      localStorage.setItem(key('active'), '1');
    } catch (error) {
      console.warn('[frontdesk] storage is blocked: the widget starts without this conversation', error);
    }
    const loader = document.createElement('script');
    loader.src = ${JSON.stringify(API.siteLoader('SITE_KEY'))}.replace('SITE_KEY', encodeURIComponent(session.siteKey));
    loader.async = true;
    loader.onload = () => { status.hidden = true; };
    document.head.append(loader);
  }
} catch (error) {
  console.error('[frontdesk] could not open the conversation', error);
  failed();
}
`;

export function mailLinkRoutes(deps: { links: LinkAccess }) {
  const app = new Hono();

  app.post(ROUTES.mailLinkExchange, jsonBody(MailLinkExchangeSchema), async (c) => {
    return c.json(await deps.links.exchange(c.req.valid('json').token));
  });

  app.get(ROUTES.mailLinkScript, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-cache');
    return c.body(SCRIPT);
  });

  app.get(ROUTES.mailLink, (c) => {
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const locale = readerLocale(c.req.header('accept-language'));
    const t = SERVER_CATALOGS[locale];
    const checked = deps.links.check(c.req.param('token'));
    if (!checked.ok) {
      const text = checked.reason === 'expired' ? t.mailLinkExpired : t.mailLinkInvalid;
      return c.html(
        page(locale, `<p role="alert">${escapeHtml(text)}</p>`, false),
        checked.reason === 'expired' ? 410 : 404,
      );
    }
    return c.html(
      page(
        locale,
        `<p id="status" aria-live="polite" data-failed="${escapeHtml(t.mailLinkInvalid)}">${escapeHtml(t.mailLinkOpening)}</p>`,
        true,
      ),
    );
  });
  return app;
}

/** The built clients: the widget loader and chunks, the agent console (SPA) and the demo shop. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterLoadEmbedScript, PATHS } from '@frontdesk/shared';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import { DEMO_SITE_KEY } from '../../sites/embedding.ts';

/** A strict CSP for our own pages: no inline script or style anywhere. */
const pageHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    connectSrc: ["'self'", 'ws:', 'wss:'],
    frameAncestors: ["'none'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
  },
  crossOriginResourcePolicy: false,
});

/** Where the built widget, console and demo are (see `Config.assets`). */
export type Assets = { widget: string; console: string; demo: string };

export function staticRoutes(assets: Assets) {
  const app = new Hono();
  const { widget, console: consoleDir, demo } = assets;
  // The widget's bytes on the wire are what a host page pays: compress everything served here.
  app.use(compress());

  app.get(PATHS.loader, async (c, next) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('X-Content-Type-Options', 'nosniff');
    return serveStatic({ path: join(widget, 'widget.js') })(c, next);
  });

  app.use(`${PATHS.widgetAssets}*`, async (c, next) => {
    await next();
    if (c.res.status === 200) {
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      c.header('Access-Control-Allow-Origin', '*');
      c.header('X-Content-Type-Options', 'nosniff');
    }
  });
  app.get(`${PATHS.widgetAssets}*`, serveStatic({ root: widget }));

  app.use(`${PATHS.console}/*`, pageHeaders);
  app.use(PATHS.console, pageHeaders);
  app.get(PATHS.console, (c) => c.redirect(`${PATHS.console}/`));
  app.get(
    `${PATHS.console}/*`,
    serveStatic({ root: consoleDir, rewriteRequestPath: (p) => p.slice(PATHS.console.length) }),
  );
  // Single-page app: unknown console paths get the app shell.
  const shell = join(consoleDir, 'index.html');
  app.get(`${PATHS.console}/*`, (c) =>
    existsSync(shell)
      ? c.html(readFileSync(shell, 'utf8'))
      : c.text('The console is not built: run pnpm build', 503),
  );

  app.use(`${PATHS.demo}/*`, pageHeaders);
  app.get(PATHS.demo, (c) => c.redirect(`${PATHS.demo}/`));
  // The demo embeds the chat as site owners are told to (issue 17): the after-load embed, from the
  // one function that writes it, as a file (the demo's CSP allows no inline script). Its language is
  // the page's, which `lang.js` sets from `?lang=` before `load`.
  const demoEmbed = afterLoadEmbedScript({ src: PATHS.loader, site: DEMO_SITE_KEY, locale: 'page' });
  app.get(PATHS.demoEmbed, (c) => {
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', 'no-cache');
    return c.body(`// The after-load embed (see the README), served by Frontdesk.\n${demoEmbed}\n`);
  });
  app.get(
    `${PATHS.demo}/*`,
    serveStatic({ root: demo, rewriteRequestPath: (p) => p.slice(PATHS.demo.length) }),
  );
  return app;
}

/**
 * The per-site loader, `/w/SITE_KEY.js` (issue 9): the built `widget.js` behind one assignment,
 * `window.__frontdesk_site = {…}`, carrying the site's key, default language, launcher label per
 * language and launcher CSS (colour, side, label), so the launcher is drawn in the site's look from
 * the first paint with one request. Cached briefly (appearance changes show within five minutes),
 * with an ETag for cheap revalidation. An unknown or archived key gets a script that logs why.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type LoaderPreset, ROUTES, textColorOn } from '@frontdesk/shared';
import { SiteKeySchema } from '@frontdesk/shared/schemas';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import * as v from 'valibot';
import type { Site, SitesStore } from './store.ts';

/** Launcher CSS for a site: its colour (with readable text), its side, and the label's pill shape. */
export function launcherCss(site: Site): string {
  const look = site.settings.appearance;
  let css = `:host{--fd-accent:${look.color};--fd-on-accent:${textColorOn(look.color).color}}`;
  if (look.position === 'left') css += ':host{right:auto!important;left:20px!important}';
  if (Object.keys(look.launcherLabel).length > 0) {
    css +=
      ':host>button{width:auto;min-width:56px;padding:0 20px 0 16px;box-sizing:border-box;border-radius:28px;grid-auto-flow:column;gap:8px;font:600 15px/1.2 system-ui,sans-serif}';
  }
  return css;
}

export function loaderPreset(site: Site): LoaderPreset {
  const look = site.settings.appearance;
  return { k: site.key, l: site.settings.defaultLocale, t: look.launcherLabel, s: launcherCss(site) };
}

/** The preset as a line of JavaScript (JSON with `<` escaped, so no `</script>` can appear). */
export const presetScript = (preset: LoaderPreset) =>
  `window.__frontdesk_site=${JSON.stringify(preset).replace(/</g, '\\u003c')};\n`;

const JS = 'text/javascript; charset=utf-8';

export function siteLoaderRoutes(deps: { sites: Pick<SitesStore, 'getSiteByKey'>; widgetDir: string }) {
  const app = new Hono();
  // `ROUTES.siteLoader` is `/w/:siteKey.js`; Hono reads `:siteKey.js` as one name, so match the file.
  const path = ROUTES.siteLoader.replace(':siteKey.js', ':file{[^/]+\\.js}');
  app.use(path, compress());
  app.get(path, async (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Type', JS);
    const key = (c.req.param('file') ?? '').slice(0, -3);
    const site = v.is(SiteKeySchema, key) ? await deps.sites.getSiteByKey(key) : null;
    if (!site || site.archived) {
      c.header('Cache-Control', 'no-store');
      const what = site
        ? `the site ${key} is archived`
        : `no site has the key ${v.is(SiteKeySchema, key) ? key : '(invalid)'}`;
      return c.body(
        `console.error(${JSON.stringify(`[frontdesk] ${what}: check the embed code in the console → Sites`)});\n`,
        404,
      );
    }
    let loader: string;
    try {
      loader = await readFile(join(deps.widgetDir, 'widget.js'), 'utf8');
    } catch {
      c.header('Cache-Control', 'no-store');
      return c.body('console.error("[frontdesk] the widget is not built: run pnpm build");\n', 503);
    }
    const body = presetScript(loaderPreset(site)) + loader;
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    c.header('Cache-Control', 'public, max-age=300');
    c.header('ETag', etag);
    const match = c.req.header('if-none-match');
    if (match?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      return c.body(null, 304);
    }
    return c.body(body, 200);
  });
  return app;
}

/** The preview page's CSP: our own scripts and images only; framed by the console's origin only. */
const PREVIEW_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'none'; " +
  "object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/**
 * The widget preview (`ROUTES.widgetPreview`) for the console's appearance page: a same-origin
 * page without inline script whose module (`…/widget-preview.js`) imports the built app and starts
 * it in preview mode (see `widget/src/app/preview.ts`).
 */
export function widgetPreviewRoutes(deps: { widgetDir: string }) {
  const app = new Hono();
  const script = `${ROUTES.widgetPreview}.js`;
  app.get(ROUTES.widgetPreview, (c) => {
    c.header('Content-Security-Policy', PREVIEW_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-cache');
    return c.html(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Widget preview</title>` +
        `<meta name="viewport" content="width=device-width,initial-scale=1">` +
        `<script type="module" src="${script}"></script></head><body></body></html>`,
    );
  });
  app.get(script, async (c) => {
    c.header('Content-Type', JS);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Cache-Control', 'no-cache');
    try {
      const manifest = JSON.parse(await readFile(join(deps.widgetDir, 'manifest.json'), 'utf8')) as {
        app: string;
      };
      return c.body(`import { startPreview } from ${JSON.stringify(`/${manifest.app}`)};\nstartPreview();\n`);
    } catch {
      return c.body('console.error("[frontdesk] the widget is not built: run pnpm build");\n', 503);
    }
  });
  return app;
}

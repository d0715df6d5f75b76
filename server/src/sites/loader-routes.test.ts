/** The per-site loader `/w/SITE_KEY.js`: the site's look inlined, cached with an ETag, clear errors. */
import { gzipSync } from 'node:zlib';
import { API } from '@frontdesk/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.ts';
import { DEFAULT_SITE_SETTINGS, withAppearance } from './settings.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('per-site loader', () => {
  it('inlines the site preset before the built loader, with a short cache, an ETag and 304 on a match', async () => {
    const site = await h.storage.createSite({
      key: `shop-${Date.now()}`,
      name: 'Shop',
      allowedOrigins: ['https://shop.example'],
      settings: withAppearance(
        { ...DEFAULT_SITE_SETTINGS, defaultLocale: 'pl' },
        { color: '#1f5fbf', position: 'left', launcherLabel: { pl: 'Napisz </script>' } },
      ),
    });
    const res = await fetch(h.url + API.siteLoader(site.key));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('javascript');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.text();
    const [first, ...rest] = body.split('\n');
    expect(first).toMatch(/^window\.__frontdesk_site=\{.*\};$/);
    expect(first).not.toContain('</script>');
    const preset = JSON.parse(first?.slice('window.__frontdesk_site='.length, -1) ?? '{}');
    expect(preset).toMatchObject({ k: site.key, l: 'pl', t: { pl: 'Napisz </script>' } });
    expect(preset.s).toContain('--fd-accent:#1f5fbf');
    expect(preset.s).toContain('left:20px');
    const generic = await (await fetch(`${h.url}/widget.js`)).text();
    expect(rest.join('\n')).toBe(generic);
    console.info(
      `per-site loader: ${gzipSync(body).byteLength} B gzipped (generic ${gzipSync(generic).byteLength} B)`,
    );

    const etag = res.headers.get('etag') ?? '';
    expect(etag).toMatch(/^(W\/)?".+"$/);
    const again = await fetch(h.url + API.siteLoader(site.key), { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);

    await h.storage.updateSite(site.id, { settings: withAppearance(site.settings, { position: 'right' }) });
    const changed = await fetch(h.url + API.siteLoader(site.key), { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('answers an unknown or archived key with 404 and a script that logs why', async () => {
    const unknown = await fetch(h.url + API.siteLoader('nope-nope'));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toMatch(/^console\.error\(".*no site has the key nope-nope/);
    const site = await h.storage.createSite({
      key: `gone-${Date.now()}`,
      name: 'Gone',
      allowedOrigins: [],
      settings: DEFAULT_SITE_SETTINGS,
      archived: true,
    });
    const archived = await fetch(h.url + API.siteLoader(site.key));
    expect(archived.status).toBe(404);
    expect(await archived.text()).toContain('archived');
    const bad = await fetch(`${h.url}/w/${encodeURIComponent('"<x>')}.js`);
    expect(await bad.text()).not.toContain('<x>');
  });
});

describe('widget preview page', () => {
  it('is same-origin HTML without inline script, framed only by our own origin, loading the built app', async () => {
    const res = await fetch(h.url + API.widgetPreview);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html).toMatch(/<script type="module" src="\/widget-preview\.js"><\/script>/);
    expect(html).not.toMatch(/<script>/);
    const script = await (await fetch(`${h.url}/widget-preview.js`)).text();
    expect(script).toMatch(/^import \{ startPreview \} from "\/widget\/app-[\w-]+\.js";\nstartPreview\(\);/);
  });
});

import { DEFAULT_APPEARANCE } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_SETTINGS, readSiteSettings } from './settings.ts';
import { widgetSite } from './widget-site.ts';

describe('site settings', () => {
  it('reads settings stored before issue 9 (top-level colour, greeting, quick replies) into the appearance', () => {
    const settings = readSiteSettings({
      color: '#2d5f55',
      defaultLocale: 'pl',
      greeting: { en: 'Hello' },
      quickReplies: { en: [{ type: 'handoff', label: 'Person' }] },
      botMissesBeforeHandoff: 3,
    });
    expect(settings).toEqual({
      ...DEFAULT_SITE_SETTINGS,
      defaultLocale: 'pl',
      botMissesBeforeHandoff: 3,
      appearance: {
        ...DEFAULT_APPEARANCE,
        color: '#2d5f55',
        greeting: { en: 'Hello' },
        quickReplies: { en: [{ type: 'handoff', label: 'Person' }] },
      },
    });
    expect(settings).not.toHaveProperty('color');
  });

  it('reads stored appearance over the defaults (new fields get default values)', () => {
    expect(readSiteSettings({ appearance: { position: 'left' } }).appearance).toEqual({
      ...DEFAULT_APPEARANCE,
      position: 'left',
    });
    expect(readSiteSettings(null)).toEqual(DEFAULT_SITE_SETTINGS);
  });

  it('resolves the widget view to the visitor language', () => {
    const site = {
      id: 's',
      key: 'shop',
      name: 'Shop',
      allowedOrigins: [],
      archived: false,
      createdAt: '',
      settings: readSiteSettings({
        appearance: {
          position: 'left',
          launcherLabel: { pl: 'Napisz' },
          title: { en: 'Acme', pl: 'Akme' },
          logoUrl: '/images/x',
        },
      }),
    };
    expect(widgetSite(site, 'pl', 1, new Date())).toMatchObject({
      position: 'left',
      launcherLabel: 'Napisz',
      title: 'Akme',
      subtitle: null,
      logoUrl: '/images/x',
    });
    expect(widgetSite(site, 'en', 1, new Date()).launcherLabel).toBeNull();
    expect(widgetSite(site, 'en', 1, new Date()).titleFlash).toBe(false);
    site.settings = readSiteSettings({ appearance: { titleFlash: true } });
    expect(widgetSite(site, 'en', 1, new Date()).titleFlash).toBe(true);
  });
});

/** Which origins may embed a site's widget (TESTPLAN A6), against real storage. */
import { RATE_LIMITS } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { AppError } from '../kernel/errors.ts';
import { Budgets } from '../limits/index.ts';
import { DEMO_SITE_KEY } from '../sites/embedding.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import { openStorage } from '../storage/index.ts';
import { VisitorSessions } from './visitor-sessions.ts';

const SELF = 'http://localhost:3000';

async function setup() {
  const storage = openStorage({ engine: 'sqlite', file: ':memory:' });
  await storage.migrate();
  const visitors = new VisitorSessions(storage, [SELF], new Budgets(RATE_LIMITS));
  const site = (key: string, allowedOrigins: string[]) =>
    storage.createSite({ key, name: key, allowedOrigins, settings: DEFAULT_SITE_SETTINGS });
  const code = async (siteKey: string, origin: string | undefined) => {
    try {
      await visitors.createSession(siteKey, origin, '203.0.113.7');
      return 'ok';
    } catch (error) {
      if (error instanceof AppError) return error.code;
      throw error;
    }
  };
  return { visitors, site, code };
}

describe('allowed origins (A6)', () => {
  it('A6 an empty list allows nothing, not even the server itself', async () => {
    const { site, code } = await setup();
    await site('shop', []);
    expect(await code('shop', 'https://shop.example')).toBe('origin_not_allowed');
    expect(await code('shop', SELF)).toBe('origin_not_allowed');
    expect(await code('shop', undefined)).toBe('origin_not_allowed');
  });

  it('A6 only the listed origins, compared exactly (scheme, host and port)', async () => {
    const { site, code } = await setup();
    await site('shop', ['https://shop.example']);
    expect(await code('shop', 'https://shop.example')).toBe('ok');
    for (const foreign of [
      'http://shop.example',
      'https://shop.example:8443',
      'https://evil.shop.example',
      'https://shop.example.evil.test',
      'null',
    ]) {
      expect(await code('shop', foreign), foreign).toBe('origin_not_allowed');
    }
  });

  it('A6 the built-in demo site also accepts the server’s own origins, and nothing else', async () => {
    const { site, code } = await setup();
    await site(DEMO_SITE_KEY, []);
    expect(await code(DEMO_SITE_KEY, SELF)).toBe('ok');
    expect(await code(DEMO_SITE_KEY, 'https://evil.test')).toBe('origin_not_allowed');
  });

  it('an unknown site is not found, whatever the origin', async () => {
    const { code } = await setup();
    expect(await code('nope', SELF)).toBe('not_found');
  });
});

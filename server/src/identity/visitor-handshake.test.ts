/** The `/visitor` handshake's refusals, in the order they are checked (site key, site and origin, token). */
import { NAMESPACES } from '@frontdesk/shared';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connected, type Harness, startHarness } from '../testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

/** The error code a handshake with this `auth` gets, or 'connected'. */
async function outcome(auth: object, origin = h.origin): Promise<string> {
  const socket = io(h.url + NAMESPACES.visitor, {
    auth,
    extraHeaders: { origin },
    transports: ['websocket'],
    forceNew: true,
  });
  try {
    await connected(socket);
    return 'connected';
  } catch (error) {
    return (error as Error).message;
  } finally {
    socket.disconnect();
  }
}

describe('visitor handshake', () => {
  it('A4 A6 refuses a missing site key, an unknown or malformed one, a foreign page, a missing or malformed token', async () => {
    const { token } = await h.newVisitor();
    const key = h.site.key;
    expect(await outcome({ siteKey: key, token })).toBe('connected');
    expect(await outcome({})).toBe('unauthorized');
    expect(await outcome({ siteKey: 42, token })).toBe('unauthorized');
    expect(await outcome({ siteKey: 'no-such-site', token })).toBe('not_found');
    expect(await outcome({ siteKey: 'x', token })).toBe('not_found');
    expect(await outcome({ siteKey: key, token }, 'https://evil.example')).toBe('origin_not_allowed');
    expect(await outcome({ siteKey: key, token: 'short' }, 'https://evil.example')).toBe(
      'origin_not_allowed',
    );
    expect(await outcome({ siteKey: key })).toBe('unauthorized');
    expect(await outcome({ siteKey: key, token: 'short' })).toBe('unauthorized');
    expect(await outcome({ siteKey: key, token: 'A'.repeat(43) })).toBe('unauthorized');
  });
});

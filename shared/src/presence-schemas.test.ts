/** Issue 10 (presence): the inputs of presence and abandonment, validated at the boundary. */
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { LIMITS } from './limits.ts';
import { PresenceSetSchema, SitePatchSchema } from './schemas.ts';

describe('presence schemas', () => {
  it('an agent sets online or away, optionally automatic; offline is never chosen', () => {
    expect(v.parse(PresenceSetSchema, { status: 'away', auto: true })).toEqual({
      status: 'away',
      auto: true,
    });
    expect(v.parse(PresenceSetSchema, { status: 'online' })).toEqual({ status: 'online' });
    for (const bad of [{ status: 'offline' }, { status: 'busy' }, {}, { status: 'away', x: 1 }, []])
      expect(v.safeParse(PresenceSetSchema, bad).success).toBe(false);
  });

  it('abandonAfterMinutes is a whole number of minutes within the bounds', () => {
    expect(v.parse(SitePatchSchema, { abandonAfterMinutes: 15 })).toEqual({ abandonAfterMinutes: 15 });
    for (const bad of [0, LIMITS.abandonAfterMinutesMax + 1, 2.5, '10', -1])
      expect(v.safeParse(SitePatchSchema, { abandonAfterMinutes: bad }).success).toBe(false);
  });
});

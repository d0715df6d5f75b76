import { describe, expect, it } from 'vitest';
import { type AvailabilityInput, offlineReason } from './availability.ts';

const open: AvailabilityInput = {
  agentsOnline: 2,
  openNow: null,
  estimateMaxMinutes: null,
  longWaitMinutes: null,
};

describe('offlineReason', () => {
  it('is null while someone is online, there is no schedule and no estimate', () => {
    expect(offlineReason(open)).toBeNull();
  });

  it('nobody online → nobody_online', () => {
    expect(offlineReason({ ...open, agentsOnline: 0 })).toBe('nobody_online');
  });

  it('closed wins over nobody online, and applies even with agents online', () => {
    expect(offlineReason({ ...open, agentsOnline: 0, openNow: false })).toBe('closed');
    expect(offlineReason({ ...open, openNow: false })).toBe('closed');
    expect(offlineReason({ ...open, openNow: true })).toBeNull();
  });

  it('long_wait only with both a measured estimate and a threshold, from the threshold on', () => {
    expect(offlineReason({ ...open, estimateMaxMinutes: 30 })).toBeNull();
    expect(offlineReason({ ...open, longWaitMinutes: 10 })).toBeNull();
    expect(offlineReason({ ...open, estimateMaxMinutes: 9, longWaitMinutes: 10 })).toBeNull();
    expect(offlineReason({ ...open, estimateMaxMinutes: 10, longWaitMinutes: 10 })).toBe('long_wait');
  });

  it('nobody online wins over a long wait', () => {
    expect(offlineReason({ ...open, agentsOnline: 0, estimateMaxMinutes: 60, longWaitMinutes: 5 })).toBe(
      'nobody_online',
    );
  });
});

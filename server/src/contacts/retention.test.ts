import { describe, expect, it } from 'vitest';
import { isExpired, retentionCutoff, retentionPlan } from './retention.ts';

describe('retention selection', () => {
  it('counts calendar months back, clamping to the shorter month', () => {
    expect(retentionCutoff(new Date('2026-05-15T10:00:00.000Z'), 1)).toBe('2026-04-15T10:00:00.000Z');
    expect(retentionCutoff(new Date('2026-03-31T00:00:00.000Z'), 1)).toBe('2026-02-28T00:00:00.000Z');
    expect(retentionCutoff(new Date('2026-01-10T00:00:00.000Z'), 13)).toBe('2024-12-10T00:00:00.000Z');
    expect(retentionCutoff(new Date('2024-03-31T00:00:00.000Z'), 1)).toBe('2024-02-29T00:00:00.000Z');
  });

  it('plans only sites with a period; a conversation expires by its last activity', () => {
    const now = new Date('2026-06-01T00:00:00.000Z');
    expect(
      retentionPlan(
        [
          { id: 'a', retentionMonths: 6, archived: false },
          { id: 'b', retentionMonths: null, archived: false },
          { id: 'c', retentionMonths: 24, archived: true },
        ],
        now,
      ),
    ).toEqual([
      { siteId: 'a', before: '2025-12-01T00:00:00.000Z' },
      { siteId: 'c', before: '2024-06-01T00:00:00.000Z' },
    ]);
    expect(isExpired({ updatedAt: '2025-11-30T23:59:59.999Z' }, '2025-12-01T00:00:00.000Z')).toBe(true);
    expect(isExpired({ updatedAt: '2025-12-01T00:00:00.000Z' }, '2025-12-01T00:00:00.000Z')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { at, conversation, T0 } from '../testing/fixtures.ts';
import { formatClock, minutesSince, previewText, safeHttpUrl, shortId, visitorLabel } from './format.ts';

describe('format', () => {
  it('counts whole minutes waited', () => {
    expect(minutesSince(at(0), T0 + 59_000)).toBe(0);
    expect(minutesSince(at(0), T0 + 3 * 60_000 + 5_000)).toBe(3);
    expect(minutesSince(null, T0)).toBe(0);
    expect(minutesSince(at(5), T0)).toBe(0);
  });

  it('previews Markdown as one plain line, truncated', () => {
    expect(previewText('**Hi**, see [the page](https://x.y)\n\n- item')).toBe('Hi, see the page item');
    expect(previewText('a'.repeat(100), 10)).toBe(`${'a'.repeat(9)}…`);
    expect(previewText('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
  });

  it('formats today as a clock time and other days with a date', () => {
    expect(formatClock(at(5), 'en', T0 + 60_000)).toMatch(/\d{2}:\d{2}/);
    expect(formatClock(at(0), 'en', T0 + 3 * 86_400_000)).toMatch(/Mar/);
    expect(formatClock('nope', 'en', T0)).toBe('');
  });

  it('labels visitors by name or short id', () => {
    expect(shortId('v-c1-abcdef')).toBe('vc1abc');
    expect(visitorLabel(conversation('c1'), (id) => `Visitor ${id}`)).toBe('Visitor vc1abc');
    const named = conversation('c1', { visitor: { id: 'v1', name: ' Ann ', email: null, verified: true } });
    expect(visitorLabel(named, () => 'x')).toBe('Ann');
  });

  it('accepts only http(s) addresses for links', () => {
    expect(safeHttpUrl('https://shop.example/a?b=1')).toBe('https://shop.example/a?b=1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { replicateEntries } from './latency.ts';

const raw = [
  { id: 'a', examples_20: ['one a', 'two a', 'three a', 'four a', 'five a', 'six a', 'seven a'] },
  { id: 'b', examples_20: ['one b', 'two b', 'three b', 'four b', 'five b', 'six b', 'seven b'] },
];

describe('replicateEntries (the 1,000-entry set the bench times)', () => {
  it('makes exactly the asked number of entries, each id once', () => {
    const entries = replicateEntries(raw, 5);
    expect(entries.map((e) => e.id)).toEqual(['a#0', 'b#0', 'a#1', 'b#1', 'a#2']);
  });

  it('gives copies other phrasings and a marker word, so they are not exact duplicates', () => {
    const [first, , copy] = replicateEntries(raw, 3);
    expect(first?.question).toBe('one a');
    expect(copy?.question).toBe('four a variant1');
    expect(copy?.examples).not.toEqual(first?.examples);
    expect(copy?.examples).toHaveLength(5);
  });

  it('refuses an empty source instead of looping forever', () => {
    expect(() => replicateEntries([], 10)).toThrow('no entries');
  });
});

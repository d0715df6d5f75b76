import { describe, expect, it } from 'vitest';
import { toStoreQuery } from './query.ts';

describe('search request → store query', () => {
  it('A2 the site filter narrows the agent’s sites; a site not theirs leaves none', () => {
    expect(toStoreQuery(['a', 'b'], {}, { cursor: null }).siteIds).toEqual(['a', 'b']);
    expect(toStoreQuery(['a', 'b'], { site: 'b' }, { cursor: null }).siteIds).toEqual(['b']);
    expect(toStoreQuery(['a', 'b'], { site: 'x' }, { cursor: null }).siteIds).toEqual([]);
  });

  it('folds the text into terms and turns days into an inclusive UTC range', () => {
    const q = toStoreQuery(
      ['a'],
      { q: 'Żółty ZWROT', from: '2026-02-28', to: '2026-02-28', agent: 'none', rating: 4, state: 'resolved' },
      { cursor: null, limit: 10 },
    );
    expect(q.terms).toEqual(['zolty', 'zwrot']);
    expect(q.filters).toEqual({
      state: 'resolved',
      agentId: 'none',
      rating: 4,
      createdFrom: '2026-02-28T00:00:00.000Z',
      createdBefore: '2026-03-01T00:00:00.000Z',
    });
    expect(q.limit).toBe(10);
  });
});

import { describe, expect, it } from 'vitest';
import { englishLexicon } from './lexicon-en.ts';
import { wordGraph } from './relatedness.ts';
import { warmEnglishKnowledge } from './warm.ts';

describe('warmEnglishKnowledge', () => {
  it('leaves the word list and the graph loaded: later calls return the same objects', () => {
    warmEnglishKnowledge();
    const graph = wordGraph();
    expect(wordGraph()).toBe(graph);
    expect(englishLexicon()('sweater')).toBe(true);
    expect(graph.synsetsOf('sweater', 1).length).toBeGreaterThan(0);
  });
});

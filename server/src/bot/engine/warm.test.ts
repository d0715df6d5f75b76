import { describe, expect, it } from 'vitest';
import { englishLexicon } from './lexicon-en.ts';
import { polishLexicon } from './lexicon-pl.ts';
import { wordGraph } from './relatedness.ts';
import { warmBotKnowledge } from './warm.ts';

describe('warmBotKnowledge', () => {
  it('leaves the English word list, the graph and the Polish dictionary loaded', () => {
    warmBotKnowledge();
    const graph = wordGraph();
    expect(wordGraph()).toBe(graph);
    expect(graph.synsetsOf('sweater', 1).length).toBeGreaterThan(0);
    expect(englishLexicon()('sweater')).toBe(true);
    expect(polishLexicon()('paczka')).toBe(true);
  });
});

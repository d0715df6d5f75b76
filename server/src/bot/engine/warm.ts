/**
 * The English word knowledge (WordNet's word list and its noun/verb graph) is read once per process,
 * synchronously, when the first English index is built. A server loads it before it takes traffic so
 * that moment is not an event-loop stall in front of a visitor.
 */
import { englishLexicon } from './lexicon-en.ts';
import { wordGraph } from './relatedness.ts';

/** Loads what the first English question would otherwise load; idempotent and cheap once done. */
export function warmEnglishKnowledge(): void {
  englishLexicon();
  wordGraph();
}

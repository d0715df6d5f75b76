/**
 * The bot's word knowledge (WordNet's English word list and noun/verb graph, the Polish Hunspell
 * dictionary) is read once per process, synchronously, on first use: the first English index, the first
 * Polish word (every message's person check reads Polish). A server loads it before it takes traffic so
 * that moment is not an event-loop stall of seconds in front of a visitor.
 */
import { englishLexicon } from './lexicon-en.ts';
import { polishLexicon } from './lexicon-pl.ts';
import { wordGraph } from './relatedness.ts';

/** Loads what the first question would otherwise load; idempotent and cheap once done. */
export function warmBotKnowledge(): void {
  englishLexicon();
  wordGraph();
  polishLexicon();
}

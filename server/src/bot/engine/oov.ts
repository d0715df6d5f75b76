// The out-of-vocabulary check's word view: which content words of a question are foreign to the FAQ, i.e.
// neither in its text (after typo correction, stemming and synonyms) nor, in English, related by WordNet
// to a word of its text. Only words that name things count against a question ("tractor", "bitcoin"): an
// unknown verb, adjective or polite word ("kindly", "urgent") says little about the topic.
import { createRelatedness, type WordGraph } from './relatedness.ts';

export type ForeignCheck = {
  /** A content word of the FAQ's text (question, examples, answer) was added or removed. */
  add(word: string): void;
  remove(word: string): void;
  /**
   * Share of `words` (a question's content words) that are foreign; `known(word)` tells whether the FAQ's
   * text has the word's term. 0 when there are no content words.
   */
  foreignShare(words: readonly string[], known: (word: string) => boolean): number;
};

/**
 * English (`graph` given): an unknown word is foreign when WordNet does not know it at all (a name, a brand,
 * an uncorrected typo) or knows it as a noun unrelated to the FAQ's words; other unknown words are neutral.
 * Polish (no thesaurus; `isWord` is the Hunspell dictionary), only when `isNoun` is given: an unknown word is
 * foreign when the dictionary does not know it or `isNoun` says it names a thing (`() => false` for the
 * first rule alone). Both settings cost in-scope accuracy on the dev set without an OOS gain (README), so
 * the engine passes no `isNoun` by default and nothing is foreign in Polish.
 */
export function createForeignCheck(
  graph?: WordGraph,
  isWord?: (word: string) => boolean,
  isNoun?: (word: string) => boolean,
): ForeignCheck {
  const related = graph ? createRelatedness(graph) : null;
  function foreign(word: string): boolean {
    if (!related || !graph) {
      if (!isWord || !isNoun) return false;
      return !isWord(word) || isNoun(word);
    }
    if (isWord && !isWord(word)) return true;
    return graph.isNoun(word) && !related.related(word);
  }
  return {
    add: (word) => related?.add(word),
    remove: (word) => related?.remove(word),
    foreignShare(words, known) {
      if ((!graph && !(isWord && isNoun)) || words.length === 0) return 0;
      let n = 0;
      for (const w of words) if (!known(w) && foreign(w)) n++;
      return n / words.length;
    },
  };
}

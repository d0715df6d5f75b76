/**
 * Overlap warnings, pure: an example of one entry that the ranking gives to another entry. Each example
 * is ranked over all entries of its language (its own entry included, so an exact copy of the example
 * helps its own entry: a flagged example is one that loses even so).
 */
import type { FaqOverlap } from '@frontdesk/shared';
import type { Candidate, Lang } from '../bot/engine/index.ts';

type Entry = { id: string; lang: Lang; examples: readonly string[] };
export type Rank = (text: string, lang: Lang) => Candidate[];

export function findOverlaps(entries: Iterable<Entry>, rank: Rank): FaqOverlap[] {
  const overlaps: FaqOverlap[] = [];
  for (const entry of entries) {
    for (const example of entry.examples) {
      const candidates = rank(example, entry.lang);
      const top = candidates[0];
      if (!top || top.faqId === entry.id) continue;
      overlaps.push({
        faqId: entry.id,
        example,
        matchedFaqId: top.faqId,
        matchedScore: top.score,
        ownScore: candidates.find((c) => c.faqId === entry.id)?.score ?? 0,
      });
    }
  }
  return overlaps;
}

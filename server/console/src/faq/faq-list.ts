/** The FAQ page's list: search and language filter, grouping by language, overlap warnings per entry. */

import type { FaqEntry, FaqOverlap } from '@frontdesk/shared';
import { LOCALES, type Locale } from '@frontdesk/shared';
import { foldText } from '../shared/fold.ts';

export type LangFilter = Locale | 'all';
export type LangGroup = { lang: Locale; entries: FaqEntry[] };

/** Every word of the query must occur in the entry's id, question, examples, tags or answer. */
export function matchesQuery(entry: FaqEntry, query: string): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText(
    [entry.id, entry.question, ...entry.examples, ...entry.tags, entry.answer].join('\n'),
  );
  return words.every((word) => haystack.includes(word));
}

export function filterEntries(entries: readonly FaqEntry[], query: string, lang: LangFilter): FaqEntry[] {
  return entries.filter((e) => (lang === 'all' || e.lang === lang) && matchesQuery(e, query));
}

/** Non-empty groups in the order of `LOCALES`, entries by question within each. */
export function groupByLanguage(entries: readonly FaqEntry[]): LangGroup[] {
  return LOCALES.map((lang) => ({
    lang,
    entries: entries
      .filter((e) => e.lang === lang)
      .sort((a, b) => a.question.localeCompare(b.question, lang) || a.id.localeCompare(b.id)),
  })).filter((group) => group.entries.length > 0);
}

/** Overlaps keyed by the entry whose example matches another entry better, worst (largest gap) first. */
export function overlapsByEntry(overlaps: readonly FaqOverlap[]): Map<string, FaqOverlap[]> {
  const byEntry = new Map<string, FaqOverlap[]>();
  for (const overlap of overlaps)
    byEntry.set(overlap.faqId, [...(byEntry.get(overlap.faqId) ?? []), overlap]);
  const gap = (o: FaqOverlap) => o.matchedScore - o.ownScore;
  for (const list of byEntry.values()) list.sort((a, b) => gap(b) - gap(a));
  return byEntry;
}

/** An entry's question by id, for links and labels; the id itself when the entry is unknown. */
export const questionOf = (entries: readonly FaqEntry[], id: string): string =>
  entries.find((e) => e.id === id)?.question ?? id;

/** Scores as the console shows them everywhere: two decimals. */
export const formatScore = (score: number): string => score.toFixed(2);

/**
 * Groups the bot's missed visitor questions by similarity, pure: one group per question that others
 * resemble ("where is my parcel" / "wheres my package"), so an admin turns a whole group into an FAQ
 * example at once. Similarity = cosine over content terms (stems, synonym concepts) plus character
 * trigrams of the content words (inflection, typos); leaders are picked densest first.
 */
import type { Locale } from '@frontdesk/shared';

export type MissItem = {
  messageId: string;
  conversationId: string;
  lang: Locale;
  text: string;
  createdAt: string;
};

export type MissGroup = { key: string; lang: Locale; sample: string; items: MissItem[] };

/** Content terms and folded content words of a text in a language (the engine's analyzer). */
export type Analyze = (text: string, lang: Locale) => { terms: string[]; words: string[] };

/** Two questions belong together from this cosine on. Chosen on the examples in grouping.test.ts. */
export const GROUP_SIMILARITY = 0.45;
/** Weight of one character trigram relative to one term. */
const GRAM_WEIGHT = 0.3;

type Vector = Map<string, number>;

function vectorOf(text: string, lang: Locale, analyze: Analyze): Vector {
  const { terms, words } = analyze(text, lang);
  const vector: Vector = new Map();
  const add = (key: string, weight: number) => vector.set(key, (vector.get(key) ?? 0) + weight);
  for (const term of terms) add(`t:${term}`, 1);
  for (const word of words) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) add(`c:${padded.slice(i, i + 3)}`, GRAM_WEIGHT);
  }
  return vector;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [key, x] of a) {
    na += x * x;
    const y = b.get(key);
    if (y !== undefined) dot += x * y;
  }
  for (const y of b.values()) nb += y * y;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

const newestFirst = (a: MissItem, b: MissItem) =>
  b.createdAt.localeCompare(a.createdAt) || b.messageId.localeCompare(a.messageId);

/** Groups, biggest first (then the one with the newest question); items newest first; key = leader's messageId. */
export function groupMisses(
  items: readonly MissItem[],
  analyze: Analyze,
  threshold = GROUP_SIMILARITY,
): MissGroup[] {
  const vectors = items.map((item) => vectorOf(item.text, item.lang, analyze));
  const neighbours: number[][] = items.map(() => []);
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (items[i]?.lang !== items[j]?.lang) continue;
      const a = vectors[i];
      const b = vectors[j];
      if (a && b && cosine(a, b) >= threshold) {
        neighbours[i]?.push(j);
        neighbours[j]?.push(i);
      }
    }
  }
  const order = items
    .map((_, i) => i)
    .sort((i, j) => {
      const byDensity = (neighbours[j]?.length ?? 0) - (neighbours[i]?.length ?? 0);
      const a = items[i];
      const b = items[j];
      return byDensity || (a && b ? newestFirst(a, b) : 0);
    });
  const taken = new Set<number>();
  const groups: MissGroup[] = [];
  for (const leader of order) {
    const head = items[leader];
    if (!head || taken.has(leader)) continue;
    taken.add(leader);
    const members = [head];
    for (const n of neighbours[leader] ?? []) {
      const item = items[n];
      if (item && !taken.has(n)) {
        taken.add(n);
        members.push(item);
      }
    }
    groups.push({
      key: head.messageId,
      lang: head.lang,
      sample: head.text,
      items: members.sort(newestFirst),
    });
  }
  return groups.sort(
    (a, b) =>
      b.items.length - a.items.length || (a.items[0] && b.items[0] ? newestFirst(a.items[0], b.items[0]) : 0),
  );
}

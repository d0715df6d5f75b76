// Typo tolerance: corrects an unknown word to the closest known one (edit distance ≤ 1, or ≤ 2 for long words).
// Lookup uses a delete-neighbourhood index (SymSpell), so it costs a few map reads, not a vocabulary scan.

const MIN_LEN = 5;
const LONG_LEN = 8;

function maxDistance(length: number): number {
  return length >= LONG_LEN ? 2 : 1;
}

function deletes(word: string, depth: number, out: Set<string>): void {
  if (depth === 0 || word.length <= 2) return;
  for (let i = 0; i < word.length; i++) {
    const d = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(d)) {
      out.add(d);
      deletes(d, depth - 1, out);
    }
  }
}

/** Optimal string alignment distance (Levenshtein plus adjacent transposition), stopping above max. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      }
      d[i * cols + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1]!;
}

export type Vocabulary = {
  add(word: string): void;
  remove(word: string): void;
  has(word: string): boolean;
  /** The known word closest to `word` (ties: the most frequent), or `word` when it is known or nothing is close. */
  correct(word: string): string;
  size(): number;
};

export function createVocabulary(): Vocabulary {
  const counts = new Map<string, number>();
  const byDelete = new Map<string, Set<string>>();

  function keysOf(word: string): Set<string> {
    const keys = new Set<string>([word]);
    deletes(word, maxDistance(word.length), keys);
    return keys;
  }

  function add(word: string): void {
    const n = counts.get(word) ?? 0;
    counts.set(word, n + 1);
    if (n > 0 || word.length < MIN_LEN - 1) return;
    for (const key of keysOf(word)) {
      let set = byDelete.get(key);
      if (!set) {
        set = new Set();
        byDelete.set(key, set);
      }
      set.add(word);
    }
  }

  function remove(word: string): void {
    const n = counts.get(word) ?? 0;
    if (n > 1) {
      counts.set(word, n - 1);
      return;
    }
    if (n === 0) return;
    counts.delete(word);
    for (const key of keysOf(word)) {
      const set = byDelete.get(key);
      set?.delete(word);
      if (set && set.size === 0) byDelete.delete(key);
    }
  }

  function correct(word: string): string {
    if (word.length < MIN_LEN || counts.has(word) || !/^\p{L}+$/u.test(word)) return word;
    const max = maxDistance(word.length);
    let best = word;
    let bestDistance = max + 1;
    let bestCount = 0;
    for (const key of keysOf(word)) {
      const found = byDelete.get(key);
      if (!found) continue;
      for (const candidate of found) {
        const dist = editDistance(word, candidate, max);
        if (dist > max) continue;
        const count = counts.get(candidate) ?? 0;
        if (dist < bestDistance || (dist === bestDistance && count > bestCount)) {
          best = candidate;
          bestDistance = dist;
          bestCount = count;
        }
      }
    }
    return best;
  }

  return { add, remove, has: (w) => counts.has(w), correct, size: () => counts.size };
}

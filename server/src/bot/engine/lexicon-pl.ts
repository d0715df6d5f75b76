// Polish word list and lemmas from the Hunspell dictionary of the `dictionary-pl` package (SJP.PL data,
// used under MPL-2.0, one of its three offered licences). The .dic file lists each lemma once with affix
// flags ("paczka/mMN"); the .aff file's suffix rules ("SFX M a ę a") generate the inflected forms. Instead of
// expanding every form (millions), a word is analysed backwards as Hunspell does: each rule whose added
// ending the word has is undone and the result looked up among the lemmas. Everything is folded first
// (ą→a, ł→l …) because visitors often type without diacritics; the rule's condition is still tested on the
// lemma's real spelling. Files (≈ 5 MB) are read once per process, on the first Polish lookup.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { foldText } from './normalize.ts';

type Rule = {
  flag: string;
  /** Letters the rule removes from the lemma (real spelling) and their folded form. */
  strip: string;
  foldedStrip: string;
  /** Folded letters the rule adds. */
  add: string;
  /** Condition on the end of the lemma (real spelling), or null for ".". */
  condition: RegExp | null;
};

/** Folded added ending → folded stripped letters → the suffix rules with both (one lemma lookup per group). */
type Suffixes = Map<string, Map<string, Rule[]>>;

type Dictionary = {
  /** Folded word → its dictionary lines as written ("żółty/XxYby", "Łódź/M"), several joined by "\n" when folding merges them. */
  words: Map<string, string>;
  /** Folded added ending → suffix rules adding it. */
  suffixes: Suffixes;
  prefixes: Rule[];
};

let dictionary: Dictionary | null = null;

function dictionaryDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('dictionary-pl'));
}

/** Parses the PFX/SFX rules of a Hunspell .aff text (single-letter flags, no continuation classes). */
export function parseAffixes(aff: string): { suffixes: Suffixes; prefixes: Rule[] } {
  const suffixes: Suffixes = new Map();
  const prefixes: Rule[] = [];
  for (const line of aff.split('\n')) {
    const parts = line.trim().split(/\s+/);
    const [kind, flag, strip, add, condition] = parts;
    if ((kind !== 'SFX' && kind !== 'PFX') || flag === undefined || condition === undefined) continue;
    if (strip === undefined || add === undefined) continue;
    const realStrip = strip === '0' ? '' : strip;
    const rule: Rule = {
      flag,
      strip: realStrip,
      foldedStrip: foldText(realStrip),
      add: add === '0' ? '' : foldText(add.split('/')[0] ?? ''),
      condition:
        condition === '.'
          ? null
          : new RegExp(kind === 'SFX' ? `(?:${condition})$` : `^(?:${condition})`, 'u'),
    };
    if (kind === 'PFX') {
      prefixes.push(rule);
      continue;
    }
    let byStrip = suffixes.get(rule.add);
    if (!byStrip) {
      byStrip = new Map();
      suffixes.set(rule.add, byStrip);
    }
    const list = byStrip.get(rule.foldedStrip);
    if (list) list.push(rule);
    else byStrip.set(rule.foldedStrip, [rule]);
  }
  return { suffixes, prefixes };
}

/** foldText over a large text: lower-case, then each non-ASCII letter folded once and remembered. */
function foldFast(text: string): string {
  const seen = new Map<string, string>();
  return text.toLowerCase().replace(/[^\s!-~]/g, (ch) => {
    let f = seen.get(ch);
    if (f === undefined) {
      f = foldText(ch);
      seen.set(ch, f);
    }
    return f;
  });
}

/** Folded word → dictionary lines of a .dic text (first line is the count). Folds the text in one pass. */
export function parseWords(dic: string): Map<string, string> {
  const original = dic.split('\n');
  const folded = foldFast(dic).split('\n');
  const words = new Map<string, string>();
  const sameShape = original.length === folded.length;
  for (let i = 1; i < original.length; i++) {
    const raw = original[i]?.trim();
    if (!raw) continue;
    const f = sameShape ? (folded[i] ?? '').trim() : foldText(raw);
    const fs = f.indexOf('/');
    const key = fs < 0 ? f : f.slice(0, fs);
    const prev = words.get(key);
    words.set(key, prev === undefined ? raw : `${prev}\n${raw}`);
  }
  return words;
}

function load(): Dictionary {
  if (dictionary) return dictionary;
  const dir = dictionaryDir();
  const { suffixes, prefixes } = parseAffixes(readFileSync(join(dir, 'index.aff'), 'utf8'));
  dictionary = { words: parseWords(readFileSync(join(dir, 'index.dic'), 'utf8')), suffixes, prefixes };
  return dictionary;
}

/** A dictionary reading: lemma (lower case), its affix flags, and whether it is a name (written capitalised). */
type Lemma = { lemma: string; flags: string; name: boolean };

function entriesOf(d: Dictionary, folded: string): Lemma[] {
  const lines = d.words.get(folded);
  if (lines === undefined) return [];
  return lines.split('\n').map((line) => {
    const slash = line.indexOf('/');
    const word = slash < 0 ? line : line.slice(0, slash);
    const lemma = word.toLowerCase();
    return { lemma, flags: slash < 0 ? '' : line.slice(slash + 1), name: lemma !== word };
  });
}

/** Lemmas (real spelling, lower case) a folded word is a form of, suffix rules only; `needFlag`: a prefix's flag. */
function suffixLemmas(d: Dictionary, word: string, needFlag: string | null, out: Lemma[]): void {
  for (const e of entriesOf(d, word)) if (needFlag === null || e.flags.includes(needFlag)) out.push(e);
  for (let k = 1; k <= word.length; k++) {
    const byStrip = d.suffixes.get(word.slice(k));
    if (!byStrip) continue;
    const head = word.slice(0, k);
    for (const [strip, rules] of byStrip) {
      const entries = entriesOf(d, head + strip);
      for (const e of entries) {
        if (needFlag !== null && !e.flags.includes(needFlag)) continue;
        const rule = rules.find(
          (r) =>
            e.flags.includes(r.flag) &&
            e.lemma.endsWith(r.strip) &&
            (r.condition === null || r.condition.test(e.lemma)),
        );
        if (rule) out.push(e);
      }
    }
  }
}

/** Every dictionary lemma of a folded, lower-case word, with its flags ("nie" + lemma for negated forms). */
export function polishLemmas(word: string): readonly Lemma[] {
  const cached = analysed.get(word);
  if (cached) return cached;
  const out = analyse(word);
  if (analysed.size >= CACHE_LIMIT) analysed.clear();
  analysed.set(word, out);
  return out;
}

/** Analyses of recent words: the typo guard, the stemmer and the person check ask about the same words. */
const CACHE_LIMIT = 50_000;
const analysed = new Map<string, Lemma[]>();

function analyse(word: string): Lemma[] {
  const d = load();
  const out: Lemma[] = [];
  suffixLemmas(d, word, null, out);
  for (const p of d.prefixes) {
    if (p.strip !== '' || !word.startsWith(p.add) || word.length <= p.add.length + 2) continue;
    const inner: Lemma[] = [];
    suffixLemmas(d, word.slice(p.add.length), p.flag, inner);
    for (const e of inner) out.push({ lemma: p.add + e.lemma, flags: e.flags, name: e.name });
  }
  return out;
}

/** Length of the common start of two strings. */
function commonStart(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Verb prefixes that form perfectives whose secondary imperfective is a separate lemma ("zwrócić" / "zwracać"). */
const PERFECTIVE_PREFIX = /^(?:prze|przy|roz|pod|nad|od|ob|do|na|po|wy|za|u|w|z|s|o)/;

/**
 * The secondary imperfective of a prefixed perfective verb when the dictionary has it, so both aspects meet:
 * -ić/-yć → -ać/-iać with the root's last o/ó → a ("zwrócić" → "zwracać", "zamówić" → "zamawiać",
 * "dostarczyć" → "dostarczać"), -ać → -ywać/-iwać ("wypisać" → "wypisywać"). Folded in, folded out.
 */
export function imperfectiveOf(verb: string): string | null {
  if (!PERFECTIVE_PREFIX.test(verb)) return null;
  const d = load();
  const candidates: string[] = [];
  if (/[iy]c$/.test(verb)) {
    const root = verb.slice(0, -2);
    const alternated = root.replace(/o([^aeiouy]+)$/, 'a$1');
    for (const r of new Set([root, alternated])) candidates.push(`${r}ac`, `${r}iac`);
  } else if (verb.endsWith('ac')) {
    const root = verb.slice(0, -2);
    candidates.push(`${root}ywac`, `${root}iwac`);
  }
  for (const c of candidates) {
    if (c !== verb && entriesOf(d, c).some((e) => e.flags !== '' && /[ćc]$/.test(e.lemma))) return c;
  }
  return null;
}

/** Verbal noun → its verb when the dictionary has it: "zamówienie" → "zamówić", "wysłanie" → "wysłać". Folded. */
export function verbOfNoun(noun: string): string | null {
  const d = load();
  const m = /^(.{3,}?)(?:(i?)enie|anie|owanie)$/.exec(noun);
  if (!m) return null;
  const root = m[1] ?? '';
  const candidates = noun.endsWith('owanie')
    ? [noun.replace(/owanie$/, 'owac')]
    : noun.endsWith('anie')
      ? [`${root}ac`]
      : [`${root}ic`, `${root}yc`, `${root}ec`, `${root}iec`];
  for (const c of candidates) {
    if (entriesOf(d, c).some((e) => e.flags !== '' && /[ćc]$/.test(e.lemma))) return c;
  }
  return null;
}

/**
 * The lemma (folded) a folded word is read as, or null when the dictionary does not know it. Of several
 * readings a common word beats a name, then the one sharing the longest start with the word wins ("paczki" → "paczka", not "pączek"), then
 * the shorter, then the first in the dictionary. A verbal noun is read as its verb, a prefixed perfective verb
 * as its imperfective, so "zamówienie", "zamówiłam" and "zamawiam" meet.
 */
export function polishLemma(word: string): string | null {
  const best = reading(word);
  if (best === null) return null;
  const verb = verbOfNoun(best.lemma) ?? best.lemma;
  return (/c$/.test(verb) && imperfectiveOf(verb)) || verb;
}

/** The chosen reading of a folded word (folded lemma and its flags), or null. */
function reading(word: string): Lemma | null {
  let best: Lemma | null = null;
  let bestShared = -1;
  for (const e of polishLemmas(word)) {
    const lemma = foldText(e.lemma);
    // a common word beats a name ("książek" is a form of "książka" before it is a surname)
    const shared = commonStart(lemma, word) + (e.name ? 0 : 100);
    if (shared > bestShared || (shared === bestShared && best !== null && lemma.length < best.lemma.length)) {
      best = { lemma, flags: e.flags, name: e.name };
      bestShared = shared;
    }
  }
  return best;
}

/** Adjective flags of the SJP affix file (declension, comparison, "nie-"); verbs are lemmas ending in -ć/-c. */
const ADJECTIVE_FLAGS = /[XxYy]/;

/**
 * True when the dictionary reads a folded word as a noun: an inflecting lemma (it has affix flags) that is not
 * a verb infinitive and takes no adjective flags. Unflagged words (adverbs, particles, irregular forms) are not.
 */
export function isPolishNoun(word: string): boolean {
  const r = reading(word);
  return r !== null && r.flags !== '' && !/c$/.test(r.lemma) && !ADJECTIVE_FLAGS.test(r.flags);
}

/** True when a folded, lower-case word is a Polish word the dictionary knows (any inflected form). */
export function isPolishWord(word: string): boolean {
  if (!/^[a-z]+$/.test(word)) return false;
  return polishLemmas(word).length > 0;
}

/** Loads the dictionary now (once per process) and returns the check: a Polish index calls this when built. */
export function polishLexicon(): (word: string) => boolean {
  load();
  return isPolishWord;
}

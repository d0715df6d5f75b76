// Loads a directory in the faq-eval format (faq.jsonl, queries.jsonl, optional val_queries.jsonl).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FaqEntry, Lang } from '../engine/index.ts';

export const HUMAN = '__human__';
export const SMALLTALK = '__smalltalk__';

export type Query = { text: string; expected: string | null; lang: Lang; oosType?: string };

export type Dataset = {
  name: string;
  dir: string;
  entries: FaqEntry[];
  /** The queries thresholds may be tuned on: val when present, else the test queries (shop-pl-en). */
  tuning: Query[];
  test: Query[];
  hasVal: boolean;
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readJsonl(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const v: unknown = JSON.parse(line);
      if (!isRecord(v)) throw new Error(`${path}:${i + 1}: not a JSON object`);
      return v;
    });
}

function asLang(v: unknown): Lang {
  return v === 'pl' ? 'pl' : 'en';
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/**
 * CLINC-style entries have no lang or question: lang is 'en' and the question is the first example.
 * Only `examples` (k = 5) is used, never `examples_20`; a placeholder answer is not indexed.
 */
function toEntry(raw: Record<string, unknown>, path: string): FaqEntry {
  const id = raw.id;
  if (typeof id !== 'string') throw new Error(`${path}: entry without an id`);
  const examples = asStrings(raw.examples);
  const hasQuestion = typeof raw.question === 'string';
  const question = hasQuestion ? String(raw.question) : (examples[0] ?? id);
  return {
    id,
    lang: asLang(raw.lang),
    question,
    examples: hasQuestion ? examples : examples.slice(1),
    answer: typeof raw.answer === 'string' ? raw.answer : '',
  };
}

function toQuery(raw: Record<string, unknown>, path: string): Query {
  if (typeof raw.text !== 'string') throw new Error(`${path}: query without text`);
  const expected = typeof raw.expected === 'string' ? raw.expected : null;
  const q: Query = { text: raw.text, expected, lang: asLang(raw.lang) };
  if (typeof raw.oos_type === 'string') q.oosType = raw.oos_type;
  return q;
}

export function isDatasetDir(dir: string): boolean {
  return existsSync(join(dir, 'faq.jsonl')) && existsSync(join(dir, 'queries.jsonl'));
}

export function loadDataset(dir: string): Dataset {
  const faqPath = join(dir, 'faq.jsonl');
  const queriesPath = join(dir, 'queries.jsonl');
  const valPath = join(dir, 'val_queries.jsonl');
  const entries = readJsonl(faqPath).map((r) => toEntry(r, faqPath));
  const test = readJsonl(queriesPath).map((r) => toQuery(r, queriesPath));
  const hasVal = existsSync(valPath);
  const tuning = hasVal ? readJsonl(valPath).map((r) => toQuery(r, valPath)) : test;
  return { name: basename(dir), dir, entries, tuning, test, hasVal };
}

/** A dataset directory itself, or every dataset directory directly inside a parent directory. */
export function findDatasets(dir: string): string[] {
  if (isDatasetDir(dir)) return [dir];
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .filter((p) => statSync(p).isDirectory() && isDatasetDir(p))
    .sort();
}

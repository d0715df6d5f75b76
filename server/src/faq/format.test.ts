import { readFileSync } from 'node:fs';
import { markdownProblem } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_FAQ_FILE, DEMO_FAQ_YAML, readFaqFile } from '../app/bootstrap.ts';
import { type FaqFileEntry, FaqFormatError, parseFaqYaml, serializeFaqYaml } from './format.ts';

const ENTRIES: FaqFileEntry[] = [
  {
    id: 'delivery_time_pl',
    lang: 'pl',
    question: 'Ile trwa dostawa zamówienia?',
    examples: ['Kiedy otrzymam zamówienie?', 'Jak długo czeka się na paczkę?', '14'],
    answer: 'Wysyłamy tego samego dnia.\n\n- Polska: **1–2 dni**\n- UE: 3–7 dni\n\n> „cytat”: tak',
    tags: ['complaint'],
  },
  {
    id: 'returns-en',
    lang: 'en',
    question: 'true',
    examples: [],
    answer: 'Yes: #1 — see [the form](https://shop.example/returns?a=1&b=2).',
    tags: [],
  },
  {
    id: 'x',
    lang: 'en',
    question: 'null',
    examples: ['- dash', "it's: 'quoted'"],
    answer: '~',
    tags: ['a b'],
  },
];

function errorOf(text: string): FaqFormatError {
  try {
    parseFaqYaml(text);
  } catch (error) {
    if (error instanceof FaqFormatError) return error;
    throw error;
  }
  throw new Error('expected a format error');
}

describe('FAQ YAML format', () => {
  it('round-trips entries in both languages, with Markdown and YAML-looking text', () => {
    const text = serializeFaqYaml(ENTRIES);
    expect(parseFaqYaml(text)).toEqual(ENTRIES);
    expect(text).toMatch(/^# Frontdesk FAQ/);
    expect(text).toContain('answer: |-\n      Wysyłamy tego samego dnia.');
    expect(serializeFaqYaml(parseFaqYaml(text))).toBe(text);
    expect(parseFaqYaml(serializeFaqYaml([]))).toEqual([]);
  });

  it('fills optional lists and trims text as the API does', () => {
    const text = 'faqs:\n  - id: hours\n    lang: en\n    question: "  Opening hours? "\n    answer: 9–17\n';
    expect(parseFaqYaml(text)).toEqual([
      { id: 'hours', lang: 'en', question: 'Opening hours?', examples: [], answer: '9–17', tags: [] },
    ]);
  });

  it.each([
    ['tab indentation', 'faqs:\n  - id: a\n\tlang: en\n', 3, /tabs/i],
    ['an unquoted colon', 'faqs:\n  - id: a\n    lang: en\n    question: q: r\n', 4, /nested mappings/i],
    ['no faqs list', 'entries: []\n', 1, /top-level "faqs:" list/],
    ['unknown top-level key', 'faqs: []\nsynonyms: []\n', 2, /unknown top-level key "synonyms"/],
    [
      'missing answer',
      'faqs:\n  - id: a\n    lang: en\n    question: q\n',
      2,
      /entry 1: "answer" is missing/,
    ],
    [
      'bad language',
      'faqs:\n  - id: a\n    lang: en\n    question: q\n    answer: x\n  - id: b\n    lang: de\n    question: q\n    answer: x\n',
      7,
      /entry 2: lang:/,
    ],
    [
      'bad id',
      'faqs:\n  - id: Big Id\n    lang: en\n    question: q\n    answer: x\n',
      2,
      /entry 1: id: must be/,
    ],
    [
      'unknown key',
      'faqs:\n  - id: a\n    lang: en\n    question: q\n    anwser: x\n    answer: x\n',
      5,
      /unknown key "anwser"/,
    ],
    [
      'empty question',
      'faqs:\n  - id: a\n    lang: pl\n    question: "  "\n    answer: x\n',
      4,
      /question is empty/,
    ],
    [
      'R5 an answer nested too deeply',
      `faqs:\n  - id: a\n    lang: en\n    question: q\n    answer: "${'>'.repeat(5000)}"\n`,
      5,
      /entry 1: answer: nested too deeply \(more than 16 levels of quotes or lists\)/,
    ],
    [
      'R5 an answer with 1 240 link openers',
      `faqs:\n  - id: a\n    lang: en\n    question: q\n    answer: "${'[a]('.repeat(1240)}"\n`,
      5,
      /entry 1: answer: too many links/,
    ],
    [
      'duplicate id',
      'faqs:\n  - id: a\n    lang: en\n    question: q\n    answer: x\n  - id: a\n    lang: pl\n    question: q\n    answer: x\n',
      6,
      /duplicate id "a" \(first at line 2\)/,
    ],
    ['duplicate key', 'faqs:\n  - id: a\n    id: b\n', 3, /unique/i],
  ])('rejects %s with its line number', (_name, text, line, message) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(new RegExp(`^line ${line}: `));
  });

  it('R5 every demo FAQ answer is within the Markdown limits, so it renders as Markdown', () => {
    const answers = [...readFaqFile(DEMO_FAQ_FILE), ...readFaqFile(DEMO_FAQ_YAML)].map((f) => f.answer);
    expect(answers.length).toBeGreaterThan(100);
    for (const answer of answers) expect(markdownProblem(answer), answer).toBeNull();
  });

  it('the shipped demo YAML holds the same entries as the seed the server loads', () => {
    const yaml = readFaqFile(DEMO_FAQ_YAML);
    const byId = (a: FaqFileEntry, b: FaqFileEntry) => a.id.localeCompare(b.id);
    expect([...yaml].sort(byId)).toEqual([...readFaqFile(DEMO_FAQ_FILE)].sort(byId));
    expect(new Set(yaml.map((f) => f.lang))).toEqual(new Set(['en', 'pl']));
    expect(serializeFaqYaml(yaml)).toBe(readFileSync(DEMO_FAQ_YAML, 'utf8'));
  });
});

/** Canned responses: variable filling (fallbacks, unknown names, escaping), picker search and the `/` query. */
import { describe, expect, it } from 'vitest';
import {
  type CannedResponse,
  escapeMarkdownText,
  fillCanned,
  foldForSearch,
  matchCanned,
  slashQuery,
} from './canned.ts';

describe('fillCanned', () => {
  it('fills known variables, with and without white space inside the braces', () => {
    const filled = fillCanned('Hi {{visitor.name}}, I am {{ agent.name }} from {{site.name}}.', {
      'visitor.name': 'Anna',
      'agent.name': 'Ben',
      'site.name': 'Shop',
    });
    expect(filled).toEqual({ text: 'Hi Anna, I am Ben from Shop.', unknown: [], empty: [] });
  });

  it('uses the fallback when the value is missing or blank, and flags a known variable left empty', () => {
    expect(fillCanned('Hi {{visitor.name|there}}!', { 'visitor.name': null }).text).toBe('Hi there!');
    expect(fillCanned('Hi {{visitor.name|there}}!', { 'visitor.name': '  ' }).text).toBe('Hi there!');
    expect(fillCanned('Hi {{visitor.name|there}}!', { 'visitor.name': 'Ola' }).text).toBe('Hi Ola!');
    expect(fillCanned('Mail: {{visitor.email}}.', {})).toEqual({
      text: 'Mail: .',
      unknown: [],
      empty: ['visitor.email'],
    });
  });

  it('leaves unknown variables visible and flags each once', () => {
    const filled = fillCanned('{{order.id}} and {{order.id|x}} and {{visitor.nick}}', {});
    expect(filled.text).toBe('{{order.id}} and {{order.id|x}} and {{visitor.nick}}');
    expect(filled.unknown).toEqual(['order.id', 'visitor.nick']);
  });

  it('a value with braces cannot inject a variable', () => {
    const filled = fillCanned('{{visitor.name}} / {{agent.name}}', {
      'visitor.name': '{{agent.name}}',
      'agent.name': 'Ben',
    });
    expect(filled.text).toBe('{{agent.name}} / Ben');
  });

  it('line breaks in a value become spaces', () => {
    expect(escapeMarkdownText('a\n\n# b')).toBe('a \\# b');
  });
});

const r = (id: string, shortcut: string, title: string, lang: 'en' | 'pl' = 'en'): CannedResponse => ({
  id,
  siteId: 's',
  scope: 'site',
  ownerId: null,
  lang,
  title,
  shortcut,
  body: 'b',
  updatedAt: '',
});

describe('matchCanned', () => {
  const all = [
    r('1', 'refund', 'How refunds work'),
    r('2', 'zwrot', 'Zwrot towaru', 'pl'),
    r('3', 'hello', 'Greeting'),
    r('4', 'kolor', 'Żółty kolor', 'pl'),
    r('5', 're', 'Returns policy'),
  ];
  const ids = (query: string, lang: 'en' | 'pl' | null = null) =>
    matchCanned(all, query, lang).map((x) => x.id);

  it('an exact shortcut first, then shortcut prefixes, then words in shortcut or title', () => {
    expect(ids('re')).toEqual(['5', '1', '3']);
    expect(ids('ref')).toEqual(['1']);
    expect(ids('policy')).toEqual(['5']);
    expect(ids('greet')).toEqual(['3']);
    expect(ids('nothing')).toEqual([]);
  });

  it('is diacritics- and case-insensitive, Polish included', () => {
    expect(ids('zolty')).toEqual(['4']);
    expect(ids('ŻÓŁTY')).toEqual(['4']);
    expect(ids('TOWARU')).toEqual(['2']);
    expect(foldForSearch('Łódź')).toBe('lodz');
  });

  it('an empty query lists everything, the conversation language first, capped', () => {
    expect(ids('', 'pl').slice(0, 2)).toEqual(['4', '2']);
    expect(matchCanned(all, '', null, 2)).toHaveLength(2);
  });
});

describe('slashQuery', () => {
  it('finds `/word` at the start or after a space, up to the caret', () => {
    expect(slashQuery('/ref', 4)).toEqual({ start: 0, query: 'ref' });
    expect(slashQuery('Hi /', 4)).toEqual({ start: 3, query: '' });
    expect(slashQuery('Hi /zw and', 6)).toEqual({ start: 3, query: 'zw' });
  });
  it('ignores slashes inside words and paths, and finished words', () => {
    expect(slashQuery('and/or', 6)).toBeNull();
    expect(slashQuery('/a/b', 4)).toBeNull();
    expect(slashQuery('/ref done', 9)).toBeNull();
  });
});

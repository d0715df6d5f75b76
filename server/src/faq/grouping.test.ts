import type { Locale } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { createTextAnalyzer } from '../bot/engine/index.ts';
import { type Analyze, groupMisses, type MissItem } from './grouping.ts';

const analyzers = { en: createTextAnalyzer('en'), pl: createTextAnalyzer('pl') };
const analyze: Analyze = (text, lang) => analyzers[lang](text);

let n = 0;
const item = (text: string, lang: Locale = 'en'): MissItem => {
  n += 1;
  return {
    messageId: `m${String(n).padStart(3, '0')}`,
    conversationId: `c${n}`,
    lang,
    text,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
  };
};

const texts = (groups: ReturnType<typeof groupMisses>) =>
  groups.map((g) => g.items.map((i) => i.text).sort());

describe('groupMisses', () => {
  it('puts rephrasings of one question together and keeps unrelated ones apart (English)', () => {
    const groups = groupMisses(
      [
        item('Do you sell gift vouchers?'),
        item('What is the weather tomorrow'),
        item('do you sell gift voucher'),
        item('Can I buy a gift voucher?'),
        item('Do you have a physical store in Gdansk?'),
      ],
      analyze,
    );
    expect(texts(groups)).toEqual([
      ['Can I buy a gift voucher?', 'Do you sell gift vouchers?', 'do you sell gift voucher'],
      ['Do you have a physical store in Gdansk?'],
      ['What is the weather tomorrow'],
    ]);
    expect(groups[0]?.items).toHaveLength(3);
    expect(groups[0]?.lang).toBe('en');
  });

  it('groups Polish inflections and missing diacritics, never across languages', () => {
    const groups = groupMisses(
      [
        item('Czy mogę zapłacić kartą podarunkową?', 'pl'),
        item('czy moge zaplacic karta podarunkowa', 'pl'),
        item('płatność kartą podarunkową', 'pl'),
        item('Gift card payment', 'en'),
        item('Gdzie jest wasz sklep stacjonarny?', 'pl'),
      ],
      analyze,
    );
    expect(groups[0]?.items.map((i) => i.text).sort()).toEqual([
      'Czy mogę zapłacić kartą podarunkową?',
      'czy moge zaplacic karta podarunkowa',
      'płatność kartą podarunkową',
    ]);
    expect(groups).toHaveLength(3);
    for (const g of groups) expect(new Set(g.items.map((i) => i.lang)).size).toBe(1);
  });

  it('orders groups biggest first, items newest first, and keys a group by its leader', () => {
    const a1 = item('opening hours of the shop');
    const b1 = item('do you ship to norway');
    const a2 = item('shop opening hours');
    const b2 = item('shipping to norway?');
    const a3 = item('what are the opening hours');
    const groups = groupMisses([a1, b1, a2, b2, a3], analyze);
    expect(groups.map((g) => g.items.length)).toEqual([3, 2]);
    expect(groups[0]?.items.map((i) => i.messageId)).toEqual([a3.messageId, a2.messageId, a1.messageId]);
    expect(groups[0]?.items.map((i) => i.messageId)).toContain(groups[0]?.key);
    expect(groups[0]?.sample).toBe(groups[0]?.items.find((i) => i.messageId === groups[0]?.key)?.text);
    expect(groupMisses([], analyze)).toEqual([]);
  });

  it('keeps a text with no content words alone instead of merging it', () => {
    const groups = groupMisses([item('???'), item('?!'), item('returns label')], analyze);
    expect(groups).toHaveLength(3);
  });
});

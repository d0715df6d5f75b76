import { describe, expect, it } from 'vitest';
import { foldText, tokenize, words } from './normalize.ts';

describe('normalize', () => {
  it('folds Polish diacritics including ł, which NFD cannot split', () => {
    expect(foldText('Zażółć gęślą jaźń ŁÓDŹ')).toBe('zazolc gesla jazn lodz');
  });

  it('applies NFKC: full-width letters and ligatures become plain', () => {
    expect(foldText('Ｒｅｆｕｎｄ ﬁle')).toBe('refund file');
  });

  it('tokenises on punctuation and hyphens, drops apostrophes inside words', () => {
    expect(tokenize(foldText("Don't ship e-mail, pls!!"))).toEqual(['dont', 'ship', 'e', 'mail', 'pls']);
    expect(words('Kiedy zwrócą mi pieniądze? (zam. 45821)')).toEqual([
      'kiedy',
      'zwroca',
      'mi',
      'pieniadze',
      'zam',
      '45821',
    ]);
  });
});

/** Issue 12: what an attribute search matches is folded and bounded (it is a key of the attribute index). */
import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_SEARCH_MAX, attributeSearchValue, foldForSearch } from './contact-search.ts';

describe('attributeSearchValue', () => {
  it('folds the stored JSON text like a search text', () => {
    expect(attributeSearchValue(JSON.stringify('Łódź'))).toBe('"lodz"');
    expect(attributeSearchValue(JSON.stringify(42))).toBe('42');
  });

  it('keeps at most ATTRIBUTE_SEARCH_MAX units, even when folding makes a value longer', () => {
    // U+FDFA folds (NFKD) into 18 characters: 500 of them would be 9,000.
    const expanding = attributeSearchValue(JSON.stringify('\uFDFA'.repeat(500)));
    expect(foldForSearch('\uFDFA')).toHaveLength(18);
    expect(expanding).toHaveLength(ATTRIBUTE_SEARCH_MAX);
    const plain = JSON.stringify('a'.repeat(500));
    expect(attributeSearchValue(plain)).toBe(plain);
  });

  it('never ends in half a surrogate pair', () => {
    const emoji = attributeSearchValue(JSON.stringify('😀'.repeat(400)));
    expect(emoji.length).toBeLessThanOrEqual(ATTRIBUTE_SEARCH_MAX);
    expect(emoji).toBe(`"${'😀'.repeat((ATTRIBUTE_SEARCH_MAX - 1) >> 1)}`);
    expect(/[\uD800-\uDBFF]$/.test(emoji)).toBe(false);
  });
});

// Text normalisation and tokenisation shared by every matching stage: Unicode, case, diacritics, word split.

const FOLD_EXTRA: Record<string, string> = { ł: 'l', ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd' };

/** NFKC (width, ligatures) → lower case → NFD and drop combining marks → fold letters NFD cannot split (ł). */
export function foldText(text: string): string {
  const lower = text.normalize('NFKC').toLowerCase();
  const stripped = lower.normalize('NFD').replace(/\p{M}+/gu, '');
  return stripped.replace(/[łßæøœđ]/g, (ch) => FOLD_EXTRA[ch] ?? ch);
}

/** Lower-cased NFKC text with diacritics kept: language detection looks at ą, ę, ł … */
export function lowerText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Splits folded text into word tokens. Apostrophes inside words are dropped ("don't" → "dont",
 * "zara's" → "zaras" → handled by stemming), hyphens split words, digits stay as tokens.
 */
export function tokenize(folded: string): string[] {
  const cleaned = folded.replace(/['’`´]/g, '');
  return cleaned.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Fold and tokenise in one call. */
export function words(text: string): string[] {
  return tokenize(foldText(text));
}

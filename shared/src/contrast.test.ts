import { describe, expect, it } from 'vitest';
import {
  contrastRatio,
  DARK_TEXT,
  hasTextContrast,
  LIGHT_TEXT,
  normalizeHexColor,
  textColorOn,
} from './contrast.ts';

describe('brand colour contrast', () => {
  it('normalizes #abc and #AABBCC, refuses anything else', () => {
    expect(normalizeHexColor('#ABC')).toBe('#aabbcc');
    expect(normalizeHexColor(' #2563EB ')).toBe('#2563eb');
    for (const bad of ['2563eb', '#12345', 'red', 'rgb(0,0,0)', '#ggg', '#2563eb;background:url(x)']) {
      expect(normalizeHexColor(bad), bad).toBeNull();
    }
  });

  it('computes the WCAG ratios of known pairs', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // WebAIM's reference values.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('picks white on dark colours and near-black on light ones', () => {
    expect(textColorOn('#2563eb').color).toBe(LIGHT_TEXT);
    expect(textColorOn('#ffcc00').color).toBe(DARK_TEXT);
  });

  it('refuses a colour on which neither text colour reaches 4.5:1', () => {
    expect(hasTextContrast('#2563eb')).toBe(true);
    expect(hasTextContrast('#ffcc00')).toBe(true);
    expect(hasTextContrast('#7a7a7a')).toBe(false);
    expect(hasTextContrast('#ff0000')).toBe(false);
  });
});

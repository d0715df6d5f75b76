import { describe, expect, it } from 'vitest';
import { applyAccent, isHexColor, readableOn } from './accent.ts';

describe('accent', () => {
  it('validates hex colours', () => {
    expect(isHexColor('#abc')).toBe(true);
    expect(isHexColor('#A1B2C3')).toBe(true);
    expect(isHexColor('red')).toBe(false);
    expect(isHexColor('#abcd;background:url(x)')).toBe(false);
  });

  it('picks the more readable text colour', () => {
    expect(readableOn('#1f5fbf')).toBe('#fff');
    expect(readableOn('#000')).toBe('#fff');
    expect(readableOn('#ffcc00')).toBe('#111');
    expect(readableOn('#ffffff')).toBe('#111');
  });

  it('sets custom properties through CSSOM, falling back to the default for bad input', () => {
    const el = document.createElement('div');
    applyAccent(el, 'expression(alert(1))');
    expect(el.style.getPropertyValue('--fd-accent')).toBe('#1f5fbf');
    applyAccent(el, '#ffcc00');
    expect(el.style.getPropertyValue('--fd-on-accent')).toBe('#111');
  });
});

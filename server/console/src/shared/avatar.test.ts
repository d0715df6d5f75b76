import { contrastRatio, MIN_TEXT_CONTRAST } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS, avatarSlot, initials, initialsColorOn } from './avatar.ts';

describe('initials', () => {
  it('takes the first letter of the first and the last word, upper-cased', () => {
    expect(initials('Ada Nowak')).toBe('AN');
    expect(initials('jan maria wiśniewski')).toBe('JW');
    expect(initials('Żaneta')).toBe('Ż');
    expect(initials('  ółówek  ')).toBe('Ó');
    expect(initials('Eve <img src=x>')).toBe('EX');
  });

  it('is null without a letter or digit (the avatar draws a person instead)', () => {
    for (const name of [null, undefined, '', '   ', '—', '<>']) expect(initials(name)).toBeNull();
  });
});

describe('avatarSlot', () => {
  it('gives the same name the same slot, whatever the case or spaces around it', () => {
    expect(avatarSlot('Ada Nowak')).toBe(avatarSlot('  ada nowak '));
  });

  it('stays inside the palette and spreads names over it', () => {
    const names = Array.from({ length: 400 }, (_, i) => `Visitor ${i}`);
    const slots = names.map(avatarSlot);
    expect(slots.every((s) => Number.isInteger(s) && s >= 0 && s < AVATAR_COLORS)).toBe(true);
    expect(new Set(slots).size).toBe(AVATAR_COLORS);
  });
});

describe('initialsColorOn', () => {
  it('picks the more readable of white and near-black on an agent’s own colour', () => {
    expect(initialsColorOn('#ffeb3b')).not.toBe('#ffffff');
    expect(initialsColorOn('#1e3a8a')).toBe('#ffffff');
    for (const bg of ['#ffeb3b', '#1e3a8a', '#16a34a', '#e11d48', '#000000', '#ffffff'])
      expect(contrastRatio(bg, initialsColorOn(bg))).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });
});

/**
 * Issue 14: the colour tokens in theme.css (light and dark) and the avatar palette in design.css reach
 * WCAG AA (4.5:1) for every text-on-background pair the console paints, and 3:1 for the focus ring.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contrastRatio, MIN_TEXT_CONTRAST } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { AVATAR_COLORS } from '../shared/avatar.ts';

type Scheme = 'light' | 'dark';
// (happy-dom's URL is not node's: a path, not a file URL.)
const css = (name: string) => readFileSync(join(import.meta.dirname, name), 'utf8');

/** `--name: light-dark(#l, #d);` and `--name: #c;` lines of a stylesheet, per scheme. */
function tokens(text: string): Record<Scheme, Map<string, string>> {
  const out = { light: new Map<string, string>(), dark: new Map<string, string>() };
  for (const m of text.matchAll(/^\s*--([\w-]+):\s*light-dark\((#[0-9a-f]{6}),\s*(#[0-9a-f]{6})\);/gim)) {
    out.light.set(m[1]!, m[2]!);
    out.dark.set(m[1]!, m[3]!);
  }
  for (const m of text.matchAll(/^\s*--([\w-]+):\s*(#[0-9a-f]{6});/gim)) {
    out.light.set(m[1]!, m[2]!);
    out.dark.set(m[1]!, m[2]!);
  }
  return out;
}

const THEME = tokens(css('theme.css'));
const DESIGN = tokens(css('design.css'));

/** Text token → the backgrounds it is painted on. */
const TEXT_PAIRS: Record<string, string[]> = {
  text: [
    'bg',
    'panel',
    'subtle',
    'hover',
    'accent-soft',
    'visitor',
    'bot',
    'agent',
    'note',
    'danger-soft',
    'warning-soft',
    'success-soft',
  ],
  muted: ['bg', 'panel', 'subtle', 'hover', 'accent-soft', 'visitor', 'bot', 'agent', 'note'],
  accent: ['bg', 'panel', 'subtle', 'hover', 'accent-soft', 'bot', 'visitor', 'agent', 'note'],
  'accent-text': ['accent-bg', 'accent-strong'],
  queued: ['bg', 'panel', 'warning-soft', 'hover'],
  'on-queued': ['queued'],
  danger: ['bg', 'panel', 'danger-soft'],
  success: ['bg', 'panel', 'success-soft', 'agent'],
  'warning-text': ['warning-soft', 'bg'],
};

describe('colour tokens', () => {
  for (const scheme of ['light', 'dark'] as const) {
    const value = (name: string) => {
      const hex = THEME[scheme].get(name);
      if (!hex) throw new Error(`--${name} is not a light-dark() colour token in theme.css`);
      return hex;
    };

    it(`every text token reaches AA on its backgrounds (${scheme})`, () => {
      const failures: string[] = [];
      for (const [fg, backgrounds] of Object.entries(TEXT_PAIRS)) {
        for (const bg of backgrounds) {
          const ratio = contrastRatio(value(fg), value(bg));
          if (ratio < MIN_TEXT_CONTRAST) failures.push(`--${fg} on --${bg}: ${ratio.toFixed(2)}`);
        }
      }
      expect(failures).toEqual([]);
    });

    it(`the focus ring stands out from the surfaces (3:1, ${scheme})`, () => {
      for (const bg of ['bg', 'panel'])
        expect(contrastRatio(value('focus'), value(bg))).toBeGreaterThanOrEqual(3);
    });

    it(`a form control's edge stands out from every surface it sits on (WCAG 1.4.11, 3:1, ${scheme})`, () => {
      for (const bg of ['bg', 'panel', 'subtle', 'hover'])
        expect(contrastRatio(value('control-line'), value(bg)), bg).toBeGreaterThanOrEqual(3);
    });
  }

  it('light and dark differ for every surface and text token', () => {
    for (const name of ['bg', 'panel', 'text', 'muted', 'accent', 'line'])
      expect(THEME.light.get(name), name).not.toBe(THEME.dark.get(name));
  });
});

describe('avatar palette', () => {
  it(`has ${AVATAR_COLORS} colours, each carrying white initials at AA`, () => {
    const palette = [...Array(AVATAR_COLORS).keys()].map((i) => DESIGN.light.get(`avatar-${i}`));
    expect(palette.every(Boolean)).toBe(true);
    for (const hex of palette)
      expect(contrastRatio(hex!, '#ffffff'), hex).toBeGreaterThanOrEqual(MIN_TEXT_CONTRAST);
  });
});

import { CONSOLE_CATALOGS, translator } from '@frontdesk/shared/i18n';
import { describe, expect, it } from 'vitest';
import { documentTitle } from './badge.ts';

describe('documentTitle', () => {
  const t = translator(CONSOLE_CATALOGS.en);
  it('shows the number waiting', () => {
    expect(documentTitle(3, t)).toBe('(3) Frontdesk');
    expect(documentTitle(0, t)).toBe('Frontdesk');
  });
});

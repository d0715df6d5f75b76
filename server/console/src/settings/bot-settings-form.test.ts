import { LIMITS } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { BOT_SETTINGS_RANGE, formFromSettings, settingsFromForm } from './bot-settings-form.ts';

describe('bot settings form', () => {
  it('round-trips settings through the form', () => {
    const settings = {
      botMissesBeforeHandoff: 3,
      escalationPhrases: ['reklamacja', 'complaint'],
      answerThreshold: 0.62,
    };
    const form = formFromSettings(settings);
    expect(form).toEqual({ misses: '3', phrases: 'reklamacja\ncomplaint', threshold: '0.62' });
    expect(settingsFromForm(form)).toEqual({ ok: true, settings });
    expect(formFromSettings({ ...settings, answerThreshold: null }).threshold).toBe('');
  });

  it('cleans phrases, accepts a decimal comma, empty threshold = default', () => {
    expect(
      settingsFromForm({ misses: ' 2 ', phrases: ' agent \n\nAgent\nczłowiek', threshold: '0,7' }),
    ).toEqual({
      ok: true,
      settings: { botMissesBeforeHandoff: 2, escalationPhrases: ['agent', 'człowiek'], answerThreshold: 0.7 },
    });
    expect(settingsFromForm({ misses: '1', phrases: '', threshold: ' ' })).toMatchObject({
      ok: true,
      settings: { answerThreshold: null, escalationPhrases: [] },
    });
  });

  it('checks the ranges the server enforces', () => {
    expect(BOT_SETTINGS_RANGE.missesMax).toBe(LIMITS.botMissesBeforeHandoffMax);
    const bad = (misses: string, threshold: string) => settingsFromForm({ misses, phrases: '', threshold });
    expect(bad('0', '')).toEqual({ ok: false, problems: ['settingsErrorMisses'] });
    expect(bad('11', '')).toEqual({ ok: false, problems: ['settingsErrorMisses'] });
    expect(bad('2.5', '')).toEqual({ ok: false, problems: ['settingsErrorMisses'] });
    expect(bad('', '')).toEqual({ ok: false, problems: ['settingsErrorMisses'] });
    expect(bad('2', String(LIMITS.answerThresholdMax + 0.01))).toEqual({
      ok: false,
      problems: ['settingsErrorThreshold'],
    });
    expect(bad('x', 'abc')).toEqual({
      ok: false,
      problems: ['settingsErrorMisses', 'settingsErrorThreshold'],
    });
  });
});

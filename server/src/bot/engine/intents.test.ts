import { describe, expect, it } from 'vitest';
import { detectIntent, matchesEscalation } from './intents.ts';

const intentOf = (text: string) => detectIntent(text)?.intent ?? null;

describe('built-in intents', () => {
  it.each([
    ['hi', 'greeting'],
    ['Good morning!', 'greeting'],
    ['cześć', 'greeting'],
    ['Dzień dobry', 'greeting'],
    ['thank you so much!', 'thanks'],
    ['thx that helped', 'thanks'],
    ['dziękuję bardzo, to wszystko', 'thanks'],
    ['dzieki', 'thanks'],
    ['bye', 'goodbye'],
    ['miłego dnia!', 'goodbye'],
    ['do widzenia', 'goodbye'],
  ])('small talk: %s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it.each([
    'real person please',
    'agent',
    'operator',
    'is there an actual human here?',
    'stop, i want a person not a bot',
    'can I talk to someone?',
    'chcę rozmawiać z konsultantem',
    'połącz mnie z kimś z obsługi klienta',
    'nie chce gadac z botem',
    'konsultant',
    'wolałabym porozmawiać z kimś normalnym, a nie z automatem',
  ])('talk to a person: %s', (text) => {
    expect(intentOf(text)).toBe('human');
  });

  it.each(['that didnt help', "that's not what I asked", 'nie pomogło', 'nie o to mi chodziło'])(
    'not helpful: %s',
    (text) => {
      expect(intentOf(text)).toBe('not_helpful');
    },
  );

  it.each([
    'kiedy pracują konsultanci na czacie?',
    'what hours are your chat agents online',
    'hi, my basket is 170 zł – will I be charged for delivery on top of that?',
    'Hej, potrzebuję sukienki na wesele w sobotę',
    'how do i reach you guys',
    'thanks, and how do I return a dress?',
  ])('trap, goes to the FAQ: %s', (text) => {
    expect(intentOf(text)).toBeNull();
  });

  it('reports the language of the rule that matched', () => {
    expect(detectIntent('konsultant')?.lang).toBe('pl');
    expect(detectIntent('operator please')?.lang).toBe('en');
  });
});

describe('escalation phrases', () => {
  it('matches whole folded words only', () => {
    expect(matchesEscalation('Chcę złożyć REKLAMACJĘ', ['reklamację'])).toBe(true);
    expect(matchesEscalation('reklamacja', ['reklamację'])).toBe(false);
    expect(matchesEscalation('I want a manager now', ['manager'])).toBe(true);
    expect(matchesEscalation('management', ['manager'])).toBe(false);
    expect(matchesEscalation('anything', [])).toBe(false);
  });
});

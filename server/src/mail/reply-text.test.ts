import { describe, expect, it } from 'vitest';
import { newReplyText } from './reply-text.ts';

describe('newReplyText', () => {
  it('keeps what was written above a Gmail-style attribution', () => {
    const text =
      'Thanks, that works.\r\nSee you.\r\n\r\nOn Wed, 2 Dec 2026 at 12:00, Anna <a@x> wrote:\r\n> Old\r\n';
    expect(newReplyText(text, 100)).toBe('Thanks, that works.\nSee you.');
  });

  it('stops at Polish attributions, Outlook separators and signatures', () => {
    expect(newReplyText('Dziękuję!\n\nW dniu 2.12.2026 o 12:00 Anna pisze:\n> stare', 100)).toBe('Dziękuję!');
    expect(newReplyText('OK\n-----Original Message-----\nFrom: x', 100)).toBe('OK');
    expect(newReplyText('OK\n________________\nFrom: Shop', 100)).toBe('OK');
    expect(newReplyText('OK\n-- \nOlga, CEO', 100)).toBe('OK');
  });

  it('drops quoted lines between new ones, and cuts to the limit', () => {
    expect(newReplyText('> q1\nanswer 1\n> q2\nanswer 2', 100)).toBe('answer 1\nanswer 2');
    expect(newReplyText('x'.repeat(50), 10)).toBe('x'.repeat(10));
    expect(newReplyText('> only a quote', 10)).toBe('');
  });
});

import { MAIL_NOT_CONFIGURED } from '@frontdesk/shared';
import { describe, expect, it } from 'vitest';
import { makeI18n } from '../app/i18n.ts';
import { conversation } from '../testing/fixtures.ts';
import { botMatchText, eventText, stateText } from './labels.ts';

const { t } = makeI18n('en');
const pl = makeI18n('pl').t;

describe('labels', () => {
  it('describes what the bot matched', () => {
    expect(botMatchText({ outcome: 'answer', question: 'How long is delivery?', score: 0.823 }, t)).toBe(
      'matched: How long is delivery? (0.82)',
    );
    expect(botMatchText({ outcome: 'miss', score: 0.1 }, t)).toBe('no match (0.10)');
    expect(botMatchText({ outcome: 'intent', intent: 'greeting', score: 1 }, t)).toBe('intent: greeting');
    expect(
      botMatchText(
        {
          outcome: 'clarify',
          score: 0.5,
          candidates: [
            { faqId: 'a', question: 'Returns', score: 0.5 },
            { faqId: 'b', question: 'Refunds', score: 0.45 },
          ],
        },
        t,
      ),
    ).toBe('offered "did you mean": Returns (0.50), Refunds (0.45)');
  });

  it('describes system events, in Polish too', () => {
    expect(eventText({ name: 'queued', reason: 'bot_misses' }, t)).toBe(
      'Waiting for a person: the bot could not answer',
    );
    expect(eventText({ name: 'assigned', agentName: 'Ola' }, pl)).toBe('Ola przejmuje rozmowę');
    expect(eventText({ name: 'reopened' }, t)).toBe('The visitor reopened the conversation');
  });

  it('describes the outcome of an e-mail (issue 10, mail), in Polish too', () => {
    expect(eventText({ name: 'mail_sent', recipient: 'o@example.com' }, t)).toBe(
      'E-mail sent to o@example.com',
    );
    expect(
      eventText({ name: 'mail_failed', recipient: 'o@example.com', error: '550 no such user' }, pl),
    ).toBe('Nie wysłano e-maila do o@example.com: 550 no such user');
    expect(
      eventText({ name: 'mail_failed', recipient: 'o@example.com', error: MAIL_NOT_CONFIGURED }, t),
    ).toBe('E-mail to o@example.com not sent yet: SMTP is not configured, it waits in the outbox');
  });

  it('says who holds the conversation', () => {
    const mine = conversation('c1', { state: 'assigned', agentId: 'me', agentName: 'Me' });
    const theirs = conversation('c1', { state: 'assigned', agentId: 'x', agentName: 'Bob' });
    expect(stateText(mine, 'me', t)).toBe('Assigned to you');
    expect(stateText(theirs, 'me', t)).toBe('Assigned to Bob');
  });
});

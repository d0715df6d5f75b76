/** The line the visitor sees when a person is called in says why, in the visitor's language. */
import { HANDOFF_REASONS, type HandoffReason } from '@frontdesk/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServer } from '../test-support/fake-server.ts';
import { mountWidget, unmountAll } from '../test-support/mount.ts';

afterEach(unmountAll);

const EXPECTED: Record<'en' | 'pl', Record<HandoffReason | 'none', string>> = {
  en: {
    visitor: 'You asked to talk to a person',
    bot_misses: 'The assistant could not answer, so a person will help you',
    escalation: 'This needs a person, so we passed it to our team',
    not_helpful: 'The answer did not help, so a person will help you',
    none: 'You asked to talk to a person',
  },
  pl: {
    visitor: 'Poprosiłeś(-aś) o rozmowę z konsultantem',
    bot_misses: 'Asystent nie znał odpowiedzi, więc pomoże Ci konsultant',
    escalation: 'Tą sprawą zajmie się konsultant — przekazaliśmy ją zespołowi',
    not_helpful: 'Odpowiedź nie pomogła, więc pomoże Ci konsultant',
    none: 'Poprosiłeś(-aś) o rozmowę z konsultantem',
  },
};

describe('handoff line', () => {
  it('covers every handoff reason', () => {
    expect(Object.keys(EXPECTED.en).filter((r) => r !== 'none')).toEqual([...HANDOFF_REASONS]);
  });

  for (const locale of ['en', 'pl'] as const) {
    for (const reason of [...HANDOFF_REASONS, 'none'] as const) {
      it(`${locale}: ${reason}`, async () => {
        const server = createFakeServer();
        server.add({ author: 'visitor', body: 'help' });
        server.add({
          author: 'system',
          kind: 'event',
          body: '',
          meta: { event: reason === 'none' ? { name: 'queued' } : { name: 'queued', reason } },
        });
        server.setConversation({ state: 'queued' }, false);
        const { ui } = await mountWidget(server, { locale });
        const notes = [...ui.getByRole('log').querySelectorAll('.note')].map((n) => n.textContent);
        expect(notes).toEqual([EXPECTED[locale][reason]]);
      });
    }
  }
});

/** Issue 15: who changed a contact, as the history shows it — a change through the API names its token. */
import type { ContactActor } from '@frontdesk/shared';
import { CONSOLE_CATALOGS, type ConsoleKey, format } from '@frontdesk/shared/i18n';
import { describe, expect, it } from 'vitest';
import { actorText } from './labels.ts';

const t = (locale: 'en' | 'pl') => (key: ConsoleKey, values?: Record<string, string | number>) =>
  format(CONSOLE_CATALOGS[locale][key], values);

describe('actorText', () => {
  it('names the API token a change came through, in English and Polish', () => {
    const actor: ContactActor = { type: 'api_token', id: 'tok1', name: 'CRM sync' };
    expect(t('en')('historyBy', { actor: actorText(actor, t('en')) })).toBe('by API token CRM sync');
    expect(actorText(actor, t('pl'))).toBe('token API CRM sync');
    expect(actorText({ type: 'host_page' }, t('en'))).toBe('the website (identify)');
  });
});

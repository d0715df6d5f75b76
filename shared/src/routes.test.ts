import { describe, expect, it } from 'vitest';
import { API } from './events.ts';
import { fillRoute, ROUTES } from './routes.ts';

describe('routes', () => {
  it('fills every placeholder, URI-encoded', () => {
    expect(fillRoute(ROUTES.faq, { siteId: 's 1', faqId: 'a/b' })).toBe('/api/v1/sites/s%201/faqs/a%2Fb');
    expect(fillRoute(ROUTES.health, {})).toBe('/healthz');
  });

  it('the URL builders are the patterns filled in', () => {
    expect(API.conversation('c:1')).toBe('/api/v1/conversations/c%3A1');
    expect(API.faqs('s')).toBe('/api/v1/sites/s/faqs');
    expect(API.faq('s', 'f')).toBe('/api/v1/sites/s/faqs/f');
    expect(API.faqTry('s')).toBe('/api/v1/sites/s/faqs/try');
    expect(API.unanswered('s')).toBe('/api/v1/sites/s/unanswered');
    expect(API.unansweredDismiss('s')).toBe('/api/v1/sites/s/unanswered/dismiss');
    expect(API.botSettings('s')).toBe('/api/v1/sites/s/settings/bot');
    expect([API.visitorSessions, API.login, API.logout, API.me, API.conversations, API.health]).toEqual([
      ROUTES.visitorSessions,
      ROUTES.login,
      ROUTES.logout,
      ROUTES.me,
      ROUTES.conversations,
      ROUTES.health,
    ]);
  });
});

import type { Message } from '@frontdesk/shared';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../i18n.ts';
import { message } from '../testing/fixtures.ts';
import { Timeline } from './Timeline.tsx';

afterEach(cleanup);

function renderTimeline(messages: Message[], pending = [] as Parameters<typeof Timeline>[0]['pending']) {
  const onRetry = vi.fn();
  const view = render(
    <I18nContext.Provider value={makeI18n('en')}>
      <Timeline
        label="Messages"
        messages={messages}
        pending={pending}
        loading={false}
        now={Date.now()}
        onRetry={onRetry}
      />
    </I18nContext.Provider>,
  );
  return { ...view, onRetry };
}

describe('timeline', () => {
  it('renders a visitor body as text: an <img onerror> stays inert', () => {
    const { container } = renderTimeline([message(1, { body: '<img src=x onerror=alert(1)>' })]);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror=alert(1)>')).toBeTruthy();
  });

  it('renders a bot answer as Markdown with a safe link and shows what the bot matched', () => {
    const { container } = renderTimeline([
      message(1, { body: 'how long does delivery take' }),
      message(2, {
        author: 'bot',
        body: 'Delivery takes **2 days**. [Details](https://shop.example/delivery) <img src=x onerror=alert(1)>',
        meta: {
          bot: { outcome: 'answer', faqId: 'f1', question: 'How long is delivery?', score: 0.82 },
          quickReplies: [{ type: 'handoff', label: 'Talk to a person' }],
        },
      }),
    ]);
    const link = screen.getByRole('link', { name: 'Details' });
    expect(link.getAttribute('href')).toBe('https://shop.example/delivery');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(container.querySelector('strong')?.textContent).toBe('2 days');
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('matched: How long is delivery? (0.82)')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Quick replies offered' }).textContent).toBe('Talk to a person');
  });

  it('shows system events, private notes and failed sends with a retry', () => {
    const { container, onRetry } = renderTimeline(
      [
        message(1, {
          author: 'system',
          kind: 'event',
          body: '',
          meta: { event: { name: 'assigned', agentName: 'Ann' } },
        }),
        message(2, { author: 'agent', authorName: 'Ann', kind: 'note', body: 'VIP customer' }),
      ],
      [{ clientId: 'client-xyz', body: 'on its way', kind: 'text', status: 'failed', createdAt: '' }],
    );
    expect(screen.getByText('Ann took over')).toBeTruthy();
    expect(container.querySelector('.msg--note')?.textContent).toContain('Private note');
    expect(screen.getByRole('log', { name: 'Messages' }).getAttribute('aria-live')).toBe('polite');
    screen.getByRole('button', { name: 'Retry' }).click();
    expect(onRetry).toHaveBeenCalledWith('client-xyz');
  });
});

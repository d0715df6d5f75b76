/**
 * The console's timeline: visitor bodies as text, bot and agent bodies (notes too) through the shared
 * renderer bound to jsdom (happy-dom cannot host DOMPurify), and one failing message never hiding the rest.
 */
import type { Message } from '@frontdesk/shared';
import type { RenderMarkdown } from '@frontdesk/shared/markdown';
import { policyViolations } from '@frontdesk/shared/markdown/testing';
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../app/i18n.ts';
import { MarkdownContext } from '../app/markdown.ts';
import { message } from '../testing/fixtures.ts';
import { testMarkdown } from '../testing/render.tsx';
import { Timeline } from './Timeline.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderTimeline(
  messages: Message[],
  pending = [] as Parameters<typeof Timeline>[0]['pending'],
  markdown: RenderMarkdown = testMarkdown,
) {
  const onRetry = vi.fn();
  const view = render(
    <I18nContext.Provider value={makeI18n('en')}>
      <MarkdownContext.Provider value={markdown}>
        <Timeline
          label="Messages"
          messages={messages}
          pending={pending}
          loading={false}
          now={Date.now()}
          onRetry={onRetry}
        />
      </MarkdownContext.Provider>
    </I18nContext.Provider>,
  );
  return { ...view, onRetry };
}

const XSS = [
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=2"><circle/></svg>',
  '<iframe srcdoc="<script>window.__pwned=3</script>"></iframe>',
  '<script>window.__pwned=4</script>',
];

describe('timeline', () => {
  it('renders a visitor body as text: an <img onerror> stays inert', () => {
    const { container } = renderTimeline([message(1, { body: '<img src=x onerror=alert(1)>' })]);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.msg--visitor .msg__body--text')?.textContent).toBe(
      '<img src=x onerror=alert(1)>',
    );
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
    expect(container.querySelector('.msg--bot .msg__bot')?.textContent).toBe(
      'matched: How long is delivery? (0.82)',
    );
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
      [
        {
          clientId: 'client-xyz',
          conversationId: 'c1',
          body: 'on its way',
          kind: 'text',
          status: 'failed',
          error: 'too_large',
          createdAt: '',
        },
      ],
    );
    expect(container.querySelector('.msg--system')?.textContent).toContain('Ann took over');
    expect(container.querySelector('.msg--note')?.textContent).toContain('Private note');
    expect(screen.getByRole('log', { name: 'Messages' }).getAttribute('aria-live')).toBe('polite');
    screen.getByRole('button', { name: 'Retry' }).click();
    expect(onRetry).toHaveBeenCalledWith('client-xyz');
  });

  it('R1 markup from a visitor, in an agent reply, a private note and a bot answer is shown as text', () => {
    let seq = 0;
    const messages = XSS.flatMap((body) => [
      message(++seq, { body }),
      message(++seq, { author: 'agent', authorName: 'Ann', body }),
      message(++seq, { author: 'agent', authorName: 'Ann', kind: 'note', body }),
      message(++seq, { author: 'bot', body }),
    ]);
    const { container } = renderTimeline(messages);
    expect(container.querySelectorAll('img, svg, iframe, script')).toHaveLength(0);
    const markdown = [...container.querySelectorAll('.msg__body--md')];
    expect(markdown).toHaveLength(XSS.length * 3);
    for (const body of markdown) expect(policyViolations(body, false)).toEqual([]);
    expect(markdown.map((body) => body.textContent?.trim())).toEqual(XSS.flatMap((b) => [b, b, b]));
    expect(
      [...container.querySelectorAll('.msg--visitor .msg__body--text')].map((p) => p.textContent),
    ).toEqual(XSS);
  });

  it('R2 unsafe and relative links in an agent reply are text; kept ones open safely in a new tab', () => {
    const { container } = renderTimeline([
      message(1, {
        author: 'agent',
        authorName: 'Ann',
        body: '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1)) [d](data:text/html,x) [e](vbscript:x) [f](/console/api) [ok](https://shop.example/faq)',
      }),
    ]);
    const links = [...container.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['ok', 'https://shop.example/faq'],
    ]);
    expect(links[0]?.getAttribute('target')).toBe('_blank');
    expect(links[0]?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(container.querySelector('.msg__body--md')?.textContent).toContain('a b c d e f ok');
  });

  it('R5 pathological bodies are shown as plain text and the message after them still shows', () => {
    const pathological = ['>'.repeat(5000), '> - '.repeat(1200), '[a]('.repeat(1240), '*'.repeat(100_000)];
    const { container } = renderTimeline([
      ...pathological.map((body, i) => message(i + 1, { author: 'agent', authorName: 'Ann', body })),
      message(pathological.length + 1, { author: 'bot', body: 'Still **here**.' }),
    ]);
    const plain = [...container.querySelectorAll('.msg__body--plain')];
    expect(plain.map((body) => body.textContent)).toEqual(pathological);
    expect(container.querySelector('.msg--bot strong')?.textContent).toBe('here');
  });

  it('R5 a message whose rendering throws shows a notice and its text; the rest of the timeline renders', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const throwing: RenderMarkdown = (source) => {
      if (source.startsWith('boom')) throw new RangeError('Maximum call stack size exceeded');
      return testMarkdown(source);
    };
    const { container } = renderTimeline(
      [
        message(1, { author: 'bot', body: 'First **answer**' }),
        message(2, { author: 'agent', authorName: 'Ann', body: 'boom <b>text</b>' }),
        message(3, { author: 'agent', authorName: 'Ann', body: 'Third **reply**' }),
      ],
      [],
      throwing,
    );
    expect([...container.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(['answer', 'reply']);
    expect(container.querySelector('.msg--unshown .msg__status')?.textContent).toBe(
      'This message could not be shown. Its text:',
    );
    expect(container.querySelector('.msg--unshown .msg__body--text')?.textContent).toBe('boom <b>text</b>');
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByRole('log').querySelectorAll(':scope > ol > li')).toHaveLength(3);
    expect(error).toHaveBeenCalled();
  });
});

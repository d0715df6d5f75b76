/**
 * How the widget's timeline shows bodies: bot and agent Markdown through the shared renderer (bound to
 * jsdom: happy-dom cannot host DOMPurify), visitor bodies as text, and one failing message never
 * hiding the others.
 */
import type { RenderMarkdown } from '@frontdesk/shared/markdown';
import { createTestMarkdown, policyViolations } from '@frontdesk/shared/markdown/testing';
import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeServer } from '../test-support/fake-server.ts';
import { mountWidget, unmountAll } from '../test-support/mount.ts';

afterEach(() => {
  unmountAll();
  vi.restoreAllMocks();
});

const realRenderer = () => Promise.resolve(createTestMarkdown({ relativeLinks: true }));

const XSS = [
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=2"><circle/></svg>',
  '<iframe srcdoc="<script>window.__pwned=3</script>"></iframe>',
  '<script>window.__pwned=4</script>',
];

/** The log once every bot/agent body has been rendered by the loaded renderer. */
async function renderedLog(host: HTMLElement, bodies: number) {
  await waitFor(() => expect(host.querySelectorAll('.md')).toHaveLength(bodies));
  return host.querySelector<HTMLElement>('[role="log"]')!;
}

describe('widget timeline rendering', () => {
  it('R1 markup from a visitor, an agent and in a bot answer is shown as text, never as elements', async () => {
    const server = createFakeServer();
    for (const body of XSS) {
      server.add({ author: 'visitor', body });
      server.add({ author: 'bot', body });
      server.add({ author: 'agent', authorName: 'Anna', body });
    }
    const { host } = await mountWidget(server, { loadMarkdown: realRenderer });
    const log = await renderedLog(host, XSS.length * 2);
    expect(log.querySelectorAll('.bubble :is(img, svg, iframe, script)')).toHaveLength(0);
    // Issue 13: the only elements outside the bubbles are the bot's marks, one per run of bot replies.
    expect(log.querySelectorAll('img, iframe, script')).toHaveLength(0);
    expect([...log.querySelectorAll('svg')].every((svg) => svg.closest('.face--bot'))).toBe(true);
    expect(log.querySelectorAll('.face--bot')).toHaveLength(XSS.length);
    for (const md of log.querySelectorAll('.md')) expect(policyViolations(md, true)).toEqual([]);
    const texts = [...log.querySelectorAll('.mine .text')].map((p) => p.textContent);
    expect(texts).toEqual(XSS);
    expect([...log.querySelectorAll('.md')].map((md) => md.textContent?.trim())).toEqual(
      XSS.flatMap((body) => [body, body]),
    );
  });

  it('R2 unsafe links in an agent message are not links; kept ones open safely in a new tab', async () => {
    // c: a character reference disguising the scheme.
    const server = createFakeServer();
    server.add({
      author: 'agent',
      authorName: 'Anna',
      body: [
        '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](&#106;avascript:alert(1))',
        '[d](data:text/html;base64,PHNjcmlwdD4=) [e](vbscript:msgbox(1))',
        '[returns](https://shop.example/returns) [size guide](/size-guide)',
      ].join('\n'),
    });
    const { host } = await mountWidget(server, { loadMarkdown: realRenderer });
    const log = await renderedLog(host, 1);
    const links = [...log.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['returns', 'https://shop.example/returns'],
      ['size guide', '/size-guide'],
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    }
    expect(log.querySelector('.md')?.textContent).toMatch(/^a b c ?d e/);
  });

  it('R5 pathological bodies are shown as plain text and the message after them still shows', async () => {
    const server = createFakeServer();
    const pathological = ['>'.repeat(5000), '> - '.repeat(1200), '[a]('.repeat(1240), '*'.repeat(100_000)];
    for (const body of pathological) server.add({ author: 'agent', authorName: 'Anna', body });
    server.add({ author: 'agent', authorName: 'Anna', body: 'Still **here**.' });
    const { host } = await mountWidget(server, { loadMarkdown: realRenderer });
    const log = await renderedLog(host, pathological.length + 1);
    const plain = [...log.querySelectorAll('.md--plain')];
    expect(plain.map((md) => md.textContent)).toEqual(pathological);
    expect(log.querySelector('.md:not(.md--plain) strong')?.textContent).toBe('here');
  });

  it('R5 a message whose rendering throws shows a notice and its text; the rest of the timeline renders', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const real = createTestMarkdown({ relativeLinks: true });
    const throwing: RenderMarkdown = (source) => {
      if (source.startsWith('boom')) throw new RangeError('Maximum call stack size exceeded');
      return real(source);
    };
    const server = createFakeServer();
    server.add({ author: 'bot', body: 'First **answer**' });
    server.add({ author: 'agent', authorName: 'Anna', body: 'boom <b>text</b>' });
    server.add({ author: 'agent', authorName: 'Anna', body: 'Third **reply**' });
    const { host, ui } = await mountWidget(server, { loadMarkdown: () => Promise.resolve(throwing) });
    const log = await renderedLog(host, 2);
    expect([...log.querySelectorAll('.md strong')].map((s) => s.textContent)).toEqual(['answer', 'reply']);
    expect(ui.getByText('This message could not be shown.').closest('.unshown')?.textContent).toBe(
      'This message could not be shown.boom <b>text</b>',
    );
    expect(log.querySelector('b')).toBeNull();
    expect(error).toHaveBeenCalled();
  });
});

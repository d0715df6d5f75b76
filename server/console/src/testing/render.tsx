/** Renders the whole console against an in-memory client with a fake notifier (tests only). */
import type { Locale } from '@frontdesk/shared';
import { createTestMarkdown } from '@frontdesk/shared/markdown/testing';
import { render } from '@testing-library/preact';
import { vi } from 'vitest';
import { App } from '../app/App.tsx';
import type { Notifier } from '../app/notifier.ts';
import type { MemoryClient } from './memory-client.ts';

export function fakeNotifier() {
  return { chime: vi.fn(), desktop: vi.fn(), dispose: vi.fn() } satisfies Notifier;
}

/** The console's real renderer, bound to jsdom (happy-dom cannot host DOMPurify); one per test file. */
export const testMarkdown = createTestMarkdown({ relativeLinks: false });

export function renderApp(client: MemoryClient, locale: Locale = 'en') {
  const notifier = fakeNotifier();
  const view = render(
    <App
      client={client}
      notifier={notifier}
      initialLocale={locale}
      markdown={testMarkdown}
      retryDelayMs={() => 0}
    />,
  );
  return { ...view, notifier };
}

export const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

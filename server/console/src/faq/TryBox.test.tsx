import type { Locale, TryResult } from '@frontdesk/shared';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FaqApi } from './api.ts';
import { TryBox } from './TryBox.tsx';
import { TRY_DEBOUNCE_MS } from './use-try.ts';

afterEach(cleanup);

const RESULT: TryResult = {
  outcome: 'answer',
  intent: null,
  lang: 'en',
  matches: [
    { faqId: 'returns', question: 'How do I return an item?', score: 0.81 },
    { faqId: 'shipping', question: 'How long does shipping take?', score: 0.22 },
  ],
};

function fakeApi(reply: (text: string, lang: Locale | null) => TryResult | Promise<TryResult>) {
  const tryQuestion = vi.fn(async (_site: string, text: string, lang: Locale | null) => ({
    ok: true as const,
    data: await reply(text, lang),
  }));
  return { tryQuestion } satisfies Pick<FaqApi, 'tryQuestion'>;
}

const input = () => screen.getByRole('searchbox', { name: 'Question to try' });
/** The outcome line: what the bot would do, and the language it heard. */
const outcome = () => document.querySelector('.try__outcome')?.textContent;

describe('TryBox', () => {
  it('asks once after typing pauses and shows the outcome and scored matches', async () => {
    const api = fakeApi(() => RESULT);
    const onOpen = vi.fn();
    render(<TryBox api={api} siteId="site1" onOpen={onOpen} />);
    fireEvent.input(input(), { target: { value: 'ret' } });
    fireEvent.input(input(), { target: { value: 'return shoes' } });
    const list = await screen.findByRole('list', { name: 'Top matches' });
    expect(api.tryQuestion).toHaveBeenCalledTimes(1);
    expect(api.tryQuestion).toHaveBeenCalledWith('site1', 'return shoes', null);
    expect(outcome()).toBe('The bot answers with “How do I return an item?” Language: English');
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'How do I return an item?0.81',
      'How long does shipping take?0.22',
    ]);
    expect((items[0]!.querySelector('.score__fill') as HTMLElement).style.width).toBe('81%');
    fireEvent.click(within(list).getByRole('link', { name: 'How do I return an item?' }));
    expect(onOpen).toHaveBeenCalledWith('returns');
  });

  it('sends the chosen language and shows a miss', async () => {
    const api = fakeApi((_t, lang) => ({ outcome: 'miss', intent: null, lang: lang ?? 'en', matches: [] }));
    render(<TryBox api={api} siteId="site1" onOpen={() => {}} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Language of the question' }), {
      target: { value: 'pl' },
    });
    fireEvent.input(input(), { target: { value: 'pogoda' } });
    await screen.findByText('No confident match: the bot does not answer');
    expect(api.tryQuestion).toHaveBeenLastCalledWith('site1', 'pogoda', 'pl');
    expect(screen.queryByRole('list', { name: 'Top matches' })).toBeNull();
    expect(document.querySelector('.try__result > .notice')?.textContent).toBe('No entry matched.');
  });

  it('shows only the latest reply when an older one comes back last', async () => {
    let releaseOld: (r: TryResult) => void = () => {};
    const api = fakeApi((text) =>
      text === 'old'
        ? new Promise<TryResult>((resolve) => {
            releaseOld = resolve;
          })
        : { ...RESULT, matches: [{ faqId: 'shipping', question: 'Newest', score: 0.5 }] },
    );
    render(<TryBox api={api} siteId="site1" onOpen={() => {}} />);
    fireEvent.input(input(), { target: { value: 'old' } });
    await waitFor(() => expect(api.tryQuestion).toHaveBeenCalledTimes(1));
    fireEvent.input(input(), { target: { value: 'new' } });
    await screen.findByText('Newest');
    releaseOld({ ...RESULT, matches: [{ faqId: 'returns', question: 'Stale', score: 0.9 }] });
    await new Promise((r) => setTimeout(r, TRY_DEBOUNCE_MS));
    expect(
      within(screen.getByRole('list', { name: 'Top matches' }))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Newest']);
  });

  it('clears the result when the text is emptied', async () => {
    const api = fakeApi(() => RESULT);
    render(<TryBox api={api} siteId="site1" onOpen={() => {}} />);
    fireEvent.input(input(), { target: { value: 'return' } });
    await screen.findByRole('list', { name: 'Top matches' });
    fireEvent.input(input(), { target: { value: '  ' } });
    expect(screen.queryByRole('list', { name: 'Top matches' })).toBeNull();
  });
});

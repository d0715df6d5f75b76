import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../app/i18n.ts';
import { Composer } from './Composer.tsx';

afterEach(cleanup);

function renderComposer(canReply: boolean, locale: 'en' | 'pl' = 'en') {
  const onSend = vi.fn();
  render(
    <I18nContext.Provider value={makeI18n(locale)}>
      <Composer canReply={canReply} onSend={onSend} />
    </I18nContext.Provider>,
  );
  return { onSend, input: screen.getByRole('textbox') as HTMLTextAreaElement };
}

describe('composer', () => {
  it('sends on Enter and not on Shift+Enter', () => {
    const { onSend, input } = renderComposer(true);
    fireEvent.input(input, { target: { value: 'Hello there' } });
    fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('Hello there', 'text');
    expect(input.value).toBe('');
  });

  it('does not send blank text', () => {
    const { onSend, input } = renderComposer(true);
    fireEvent.input(input, { target: { value: '   ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('allows only private notes when the conversation is not assigned to me', () => {
    const { onSend, input } = renderComposer(false);
    expect(input.disabled).toBe(true);
    expect(input.getAttribute('aria-describedby')).toBe('composer-hint');
    expect(document.getElementById('composer-hint')?.textContent).toMatch(
      /^Take over the conversation to reply/,
    );
    fireEvent.click(screen.getByLabelText('Private note'));
    expect(input.disabled).toBe(false);
    fireEvent.input(input, { target: { value: 'Asked about refunds twice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(onSend).toHaveBeenCalledWith('Asked about refunds twice', 'note');
  });

  it('R5 says why a reply or note too complex to format cannot be sent, in the agent’s language, and does not send it', () => {
    const { onSend, input } = renderComposer(true, 'pl');
    fireEvent.input(input, { target: { value: '> - '.repeat(1200) } });
    expect(screen.getByRole('alert').textContent).toBe(
      'Nie można tego wysłać: zbyt głęboko zagnieżdżony (ponad 16 poziomów cytatów lub list).',
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect((screen.getByRole('button', { name: 'Wyślij' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(input, { target: { value: '> a quote is fine' } });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('> a quote is fine', 'text');
  });
});

describe('composer attachments (issue 13)', () => {
  function renderWithFiles(canReply: boolean) {
    const onFiles = vi.fn();
    render(
      <I18nContext.Provider value={makeI18n('en')}>
        <Composer canReply={canReply} onSend={vi.fn()} onFiles={onFiles} />
      </I18nContext.Provider>,
    );
    return { onFiles, input: screen.getByRole('textbox') as HTMLTextAreaElement };
  }

  it('offers "Attach a file" only while the agent may reply, not for a private note', () => {
    renderWithFiles(true);
    expect(screen.getByRole('button', { name: 'Attach a file' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox'));
    expect(screen.queryByRole('button', { name: 'Attach a file' })).toBeNull();
    cleanup();
    renderWithFiles(false);
    expect(screen.queryByRole('button', { name: 'Attach a file' })).toBeNull();
  });

  it('a pasted file goes out as an attachment; the picked ones too', () => {
    const { onFiles, input } = renderWithFiles(true);
    const file = new File([new Uint8Array([1, 2, 3])], 'screenshot.png', { type: 'image/png' });
    fireEvent.paste(input, { clipboardData: { files: [file] } });
    expect(onFiles).toHaveBeenCalledWith([file]);
    const picker = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(picker, 'files', { value: [file], configurable: true });
    fireEvent.change(picker);
    expect(onFiles).toHaveBeenCalledTimes(2);
  });
});

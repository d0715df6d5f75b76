import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nContext, makeI18n } from '../i18n.ts';
import { Composer } from './Composer.tsx';

afterEach(cleanup);

function renderComposer(canReply: boolean) {
  const onSend = vi.fn();
  render(
    <I18nContext.Provider value={makeI18n('en')}>
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
    expect(screen.getByText(/Take over the conversation to reply/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Private note'));
    expect(input.disabled).toBe(false);
    fireEvent.input(input, { target: { value: 'Asked about refunds twice' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add note' }));
    expect(onSend).toHaveBeenCalledWith('Asked about refunds twice', 'note');
  });
});

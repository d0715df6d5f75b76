/**
 * Issue 10: while the visitor waits and the wait is long (the integrator feeds the estimate), the
 * waiting view offers "Leave a message instead", which opens the same form.
 */
import { translator, WIDGET_CATALOGS } from '@frontdesk/shared/i18n';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createChat } from '../chat/index.ts';
import { createStore } from '../store/index.ts';
import { createFakeServer } from '../test-support/fake-server.ts';
import { WidgetContext } from './context.ts';
import { Waiting } from './Waiting.tsx';

afterEach(cleanup);

function mount(onLeaveMessage?: () => void) {
  const store = createStore();
  const chat = createChat({
    transport: createFakeServer().transport,
    store,
    locale: 'en',
    page: () => ({ url: 'https://shop.example/', title: 'Shop' }),
  });
  render(
    <WidgetContext.Provider value={{ chat, t: translator(WIDGET_CATALOGS.en), markdown: null }}>
      <Waiting
        queue={{ position: 3, waitingSince: new Date(0).toISOString(), estimate: null }}
        onLeaveMessage={onLeaveMessage}
      />
    </WidgetContext.Provider>,
  );
  return { store, chat };
}

describe('waiting view', () => {
  it('offers "Leave a message instead" when the wait is long, which opens the form', () => {
    const mounted = mount(() => mounted.chat.showOfflineForm(true));
    expect(screen.getByRole('status').textContent).toContain('You are number 3 in the queue.');
    fireEvent.click(screen.getByRole('button', { name: 'Leave a message instead' }));
    expect(mounted.store.getState().ui.offlineForm).toBe(true);
  });

  it('says nothing of the form otherwise', () => {
    mount();
    expect(screen.queryByRole('button', { name: 'Leave a message instead' })).toBeNull();
  });
});

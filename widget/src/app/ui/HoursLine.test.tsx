/** Issue 10 in the widget: the business-hours line, flipping by itself while the panel is open. */
import type { WidgetHours } from '@frontdesk/shared';
import { translator, WIDGET_CATALOGS } from '@frontdesk/shared/i18n';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeServer } from '../test-support/fake-server.ts';
import { mountWidget, unmountAll } from '../test-support/mount.ts';
import { HoursLine } from './HoursLine.tsx';

const t = translator(WIDGET_CATALOGS.en);

describe('the hours line flips by itself', () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-12-04T15:00:00Z') }));
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('from "in" to "away, back …" at the closing, and back to "in" at the opening', () => {
    const hours: WidgetHours = {
      openNow: true,
      closesAt: '2026-12-04T16:00:00.000Z',
      nextOpenAt: '2026-12-07T08:00:00.000Z',
    };
    render(<HoursLine hours={hours} t={t} locale="en" />);
    expect(screen.getByRole('status').textContent).toBe("We're in now");
    act(() => {
      vi.advanceTimersByTime(60 * 60_000 - 1);
    });
    expect(screen.getByRole('status').textContent).toBe("We're in now");
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(screen.getByRole('status').textContent).toMatch(/^We're away right now\. Back /);
    // Through the weekend (midnight re-wordings included) to Monday's opening.
    // Each wake renders and sets the next timer: step through them (midnights, then the opening).
    const opening = Date.parse('2026-12-07T08:00:00Z');
    for (let wakes = 0; wakes < 10 && Date.now() < opening; wakes++)
      act(() => {
        vi.advanceTimersToNextTimer();
      });
    expect(Date.now()).toBe(opening);
    expect(screen.getByRole('status').textContent).toBe("We're in now");
  });

  it('a site with no schedule shows no line', () => {
    render(<HoursLine hours={null} t={t} locale="en" />);
    expect(screen.queryByRole('status')).toBeNull();
  });
});

describe('the hours line in the panel', () => {
  afterEach(unmountAll);

  it.each([
    ['en', "We're away right now."],
    ['pl', 'Teraz nas nie ma.'],
  ] as const)('shows when the team is away (%s)', async (locale, away) => {
    const nextOpenAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const server = createFakeServer({ site: { hours: { openNow: false, nextOpenAt, closesAt: null } } });
    const { ui } = await mountWidget(server, { locale });
    const line = ui.getAllByRole('status').find((el) => el.classList.contains('hours'));
    expect(line?.textContent?.startsWith(away)).toBe(true);
  });

  it('shows "in now" while open, nothing without a schedule', async () => {
    const closesAt = new Date(Date.now() + 3_600_000).toISOString();
    const open = createFakeServer({ site: { hours: { openNow: true, closesAt, nextOpenAt: null } } });
    const { ui } = await mountWidget(open);
    expect(ui.queryByText("We're in now")).not.toBeNull();
    unmountAll();
    const none = await mountWidget(createFakeServer());
    expect(none.ui.queryByText("We're in now")).toBeNull();
    expect(none.ui.queryByText(/We're away/)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { INITIAL_PRESENCE, onConnect, type PresenceState, presenceStep } from './presence-state.ts';

const run = (state: PresenceState, ...events: Parameters<typeof presenceStep>[1][]) => {
  const sent: unknown[] = [];
  let s = state;
  for (const e of events) {
    const step = presenceStep(s, e);
    s = step.state;
    if (step.send) sent.push(step.send);
  }
  return { state: s, sent };
};

describe('console presence', () => {
  it('idle sets away automatically; activity brings the agent back online', () => {
    const { state, sent } = run(INITIAL_PRESENCE, { type: 'idle' }, { type: 'activity' });
    expect(state).toMatchObject({ mine: 'online', auto: false });
    expect(sent).toEqual([
      { status: 'away', auto: true },
      { status: 'online', auto: true },
    ]);
  });

  it('a chosen away stays away on activity, and idle does nothing more', () => {
    const { state, sent } = run(
      INITIAL_PRESENCE,
      { type: 'chose', status: 'away' },
      { type: 'activity' },
      { type: 'idle' },
      { type: 'activity' },
    );
    expect(state).toMatchObject({ mine: 'away', auto: false });
    expect(sent).toEqual([{ status: 'away' }]);
  });

  it('choosing away while auto-away makes it a choice (activity no longer returns)', () => {
    const { state, sent } = run(
      INITIAL_PRESENCE,
      { type: 'idle' },
      { type: 'chose', status: 'away' },
      { type: 'activity' },
    );
    expect(state).toMatchObject({ mine: 'away', auto: false });
    expect(sent).toEqual([{ status: 'away', auto: true }, { status: 'away' }]);
  });

  it('keeps the team from the server; offline agents leave it', () => {
    const { state } = run(
      INITIAL_PRESENCE,
      { type: 'received', presence: { agentId: 'a', status: 'online' } },
      { type: 'received', presence: { agentId: 'b', status: 'away' } },
      { type: 'received', presence: { agentId: 'c', status: 'online' } },
      { type: 'received', presence: { agentId: 'c', status: 'offline' } },
    );
    expect(state.team).toEqual({ a: 'online', b: 'away' });
  });

  it('a reconnect tells the server an away (the choice survives a reload or a long drop)', () => {
    expect(onConnect(INITIAL_PRESENCE)).toBeNull();
    expect(onConnect({ ...INITIAL_PRESENCE, mine: 'away' })).toEqual({ status: 'away' });
    expect(onConnect({ ...INITIAL_PRESENCE, mine: 'away', auto: true })).toEqual({
      status: 'away',
      auto: true,
    });
  });

  it('adopts the status the server keeps for this agent (a stored Away shows after a reload)', () => {
    const me = { ...INITIAL_PRESENCE, self: 'me' };
    const { state, sent } = run(
      me,
      { type: 'received', presence: { agentId: 'other', status: 'away' } },
      { type: 'received', presence: { agentId: 'me', status: 'away' } },
      // A chosen away: activity does not bring the agent back.
      { type: 'activity' },
    );
    expect(state).toMatchObject({ mine: 'away', auto: false, team: { other: 'away', me: 'away' } });
    expect(sent).toEqual([]);
    // Another tab chose online: this one follows; offline (the grace ran out) changes nothing here.
    const back = run(
      state,
      { type: 'received', presence: { agentId: 'me', status: 'online' } },
      { type: 'received', presence: { agentId: 'me', status: 'offline' } },
    );
    expect(back.state).toMatchObject({ mine: 'online', auto: false });
    expect(back.sent).toEqual([]);
  });

  it('an auto away echoed by the server stays automatic', () => {
    const { state } = run(
      { ...INITIAL_PRESENCE, self: 'me' },
      { type: 'idle' },
      { type: 'received', presence: { agentId: 'me', status: 'away' } },
      { type: 'activity' },
    );
    expect(state).toMatchObject({ mine: 'online', auto: false });
  });
});

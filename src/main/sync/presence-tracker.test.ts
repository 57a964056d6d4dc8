import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PresenceView } from '../../shared/contract/presence';
import { PresenceTracker } from './presence-tracker';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('presence, as the workstation works it out', () => {
  function tracker() {
    const changes: PresenceView['state'][] = [];
    const presence = new PresenceTracker({ now: () => new Date(), wrapUpMs: 60_000, onChange: (view) => changes.push(view.state) });
    return { presence, changes };
  }

  it('goes on call when a call is answered here, wraps up after the hang-up until the ticket is in', () => {
    const { presence, changes } = tracker();
    presence.callAnswered();
    presence.callEnded();
    presence.wrappedUp();
    expect(changes).toEqual(['on_call', 'wrap_up', 'available']);
  });

  it('ends the wrap-up by itself after the wrap-up time', () => {
    const { presence, changes } = tracker();
    presence.callAnswered();
    presence.callEnded();
    vi.advanceTimersByTime(59_000);
    expect(presence.view().state).toBe('wrap_up');
    vi.advanceTimersByTime(1_000);
    expect(changes).toEqual(['on_call', 'wrap_up', 'available']);
  });

  it('keeps a chosen break, shows a call over it, and returns to the break after', () => {
    const { presence, changes } = tracker();
    presence.choose('break');
    presence.callAnswered();
    presence.callEnded();
    presence.wrappedUp();
    presence.choose('break'); // no change, no message
    expect(changes).toEqual(['break', 'on_call', 'wrap_up', 'break']);
  });
});

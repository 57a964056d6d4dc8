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

  it('keeps a chosen break with its reason, shows a call over it, and returns to the break after', () => {
    const { presence, changes } = tracker();
    presence.choose({ state: 'break', reason: 'meal' });
    presence.callAnswered();
    expect(presence.view().reason).toBeNull();
    presence.callEnded();
    presence.wrappedUp();
    expect(presence.view()).toMatchObject({ state: 'break', reason: 'meal' });
    presence.choose({ state: 'break', reason: 'meal' }); // no change, no message
    presence.choose({ state: 'break', reason: 'training' }); // another reason is another break
    expect(changes).toEqual(['break', 'on_call', 'wrap_up', 'break', 'break']);
    expect(presence.view().reason).toBe('training');
  });

  it('starts whoever signs in next available, with no hand raised', () => {
    const { presence, changes } = tracker();
    presence.choose({ state: 'break', reason: 'meal' });
    presence.raiseHand(true);
    presence.callAnswered();
    presence.reset();
    expect(presence.view()).toMatchObject({ state: 'available', reason: null, helpSince: null, helpAnsweredBy: null });
    presence.callEnded(); // the last agent's call ending changes nothing now
    presence.wrappedUp();
    expect(changes.at(-1)).toBe('available');
    expect(presence.view().state).toBe('available');
  });

  it('raises a hand once, keeps its first time, and brings it down when a lead answers', () => {
    const hands: boolean[] = [];
    const presence = new PresenceTracker({
      now: () => new Date(),
      wrapUpMs: 60_000,
      onChange: () => {},
      onHand: (raised) => hands.push(raised),
    });
    const raised = presence.raiseHand(true).helpSince;
    vi.advanceTimersByTime(5_000);
    expect(presence.raiseHand(true).helpSince).toBe(raised);
    // The server still says the hand is up (its echo of the raise): nothing changes here.
    expect(presence.heard({ helpSince: raised, helpAnsweredBy: null })).toBe(false);
    expect(presence.heard({ helpSince: null, helpAnsweredBy: '赵磊' })).toBe(true);
    expect(presence.view()).toMatchObject({ helpSince: null, helpAnsweredBy: '赵磊' });
    // Raising it again forgets who answered the last one; lowering it is the agent's own doing.
    expect(presence.raiseHand(true).helpAnsweredBy).toBeNull();
    presence.raiseHand(false);
    expect(hands).toEqual([true, true, false]);
  });
});

import type { PresenceView } from '../../shared/contract/presence';

type Manual = 'available' | 'break';

/**
 * What this agent is doing, worked out by the workstation itself: a call answered here makes it
 * `on_call`, the hang-up `wrap_up` until the ticket is registered (or `wrapUpMs` passes), and
 * otherwise it is what the agent chose: `available` or on a `break`.
 */
export class PresenceTracker {
  private manual: Manual = 'available';
  private call: 'on_call' | 'wrap_up' | null = null;
  private current: PresenceView;
  private wrapTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: { now: () => Date; wrapUpMs: number; onChange: (view: PresenceView) => void }) {
    this.current = { state: 'available', since: options.now().toISOString() };
  }

  view(): PresenceView {
    return this.current;
  }

  choose(state: Manual): PresenceView {
    this.manual = state;
    return this.update();
  }

  callAnswered(): void {
    this.clearWrapTimer();
    this.call = 'on_call';
    this.update();
  }

  callEnded(): void {
    if (this.call !== 'on_call') return;
    this.call = 'wrap_up';
    this.clearWrapTimer();
    this.wrapTimer = setTimeout(() => this.wrappedUp(), this.options.wrapUpMs);
    this.wrapTimer.unref?.();
    this.update();
  }

  /** The call's ticket is registered (or the wrap-up time is over). */
  wrappedUp(): void {
    if (this.call !== 'wrap_up') return;
    this.clearWrapTimer();
    this.call = null;
    this.update();
  }

  stop(): void {
    this.clearWrapTimer();
  }

  private clearWrapTimer(): void {
    if (this.wrapTimer) clearTimeout(this.wrapTimer);
    this.wrapTimer = null;
  }

  private update(): PresenceView {
    const state = this.call ?? this.manual;
    if (state !== this.current.state) {
      this.current = { state, since: this.options.now().toISOString() };
      this.options.onChange(this.current);
    }
    return this.current;
  }
}

import type { PresenceView } from '../../shared/contract/presence';

/** What the agent chose: available, or a break with its reason. */
export type PresenceChoice = { state: 'available' } | { state: 'break'; reason: string };

interface PresenceTrackerOptions {
  now: () => Date;
  wrapUpMs: number;
  onChange: (view: PresenceView) => void;
  /** The agent raised or lowered a hand (not a lead answering it: the server already knows). */
  onHand?: (raised: boolean) => void;
}

/**
 * What this agent is doing, worked out by the workstation itself: a call answered here makes it
 * `on_call`, the hang-up `wrap_up` until the ticket is registered (or `wrapUpMs` passes), and
 * otherwise it is what the agent chose: `available` or on a `break` for a reason. Beside the
 * state, a hand the agent raised for a lead's help, until the agent lowers it or a lead answers.
 */
export class PresenceTracker {
  private manual: PresenceChoice = { state: 'available' };
  private call: 'on_call' | 'wrap_up' | null = null;
  private current: PresenceView;
  private wrapTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: PresenceTrackerOptions) {
    this.current = { state: 'available', since: options.now().toISOString(), reason: null, helpSince: null, helpAnsweredBy: null };
  }

  view(): PresenceView {
    return this.current;
  }

  choose(choice: PresenceChoice): PresenceView {
    this.manual = choice;
    return this.update();
  }

  /** Raising an already raised hand keeps its first time: the wait a lead sees is the whole wait. */
  raiseHand(raised: boolean): PresenceView {
    if (raised === (this.current.helpSince !== null)) return this.current;
    this.current = raised
      ? { ...this.current, helpSince: this.options.now().toISOString(), helpAnsweredBy: null }
      : { ...this.current, helpSince: null };
    this.options.onChange(this.current);
    this.options.onHand?.(raised);
    return this.current;
  }

  /**
   * The server's word on this agent's hand. True when a lead answered the hand raised here (from
   * any workstation, any server process): it comes down, with the lead's name for the status bar.
   */
  heard(server: Pick<PresenceView, 'helpSince' | 'helpAnsweredBy'>): boolean {
    if (server.helpSince !== null || this.current.helpSince === null || server.helpAnsweredBy === null) return false;
    this.current = { ...this.current, helpSince: null, helpAnsweredBy: server.helpAnsweredBy };
    this.options.onChange(this.current);
    return true;
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

  /** Whoever signs in next starts available, with no hand raised: a break or a hand was the last agent's. */
  reset(): void {
    this.clearWrapTimer();
    this.manual = { state: 'available' };
    this.call = null;
    const changed = this.current.state !== 'available' || this.current.helpSince !== null || this.current.helpAnsweredBy !== null;
    this.current = { state: 'available', since: this.options.now().toISOString(), reason: null, helpSince: null, helpAnsweredBy: null };
    if (changed) this.options.onChange(this.current);
  }

  stop(): void {
    this.clearWrapTimer();
  }

  private clearWrapTimer(): void {
    if (this.wrapTimer) clearTimeout(this.wrapTimer);
    this.wrapTimer = null;
  }

  private update(): PresenceView {
    const state = this.call ?? this.manual.state;
    // A call in progress shows as the call; the break's reason comes back with the break.
    const reason = state === 'break' && this.manual.state === 'break' ? this.manual.reason : null;
    if (state !== this.current.state || reason !== this.current.reason) {
      this.current = { ...this.current, state, reason, since: this.options.now().toISOString() };
      this.options.onChange(this.current);
    }
    return this.current;
  }
}

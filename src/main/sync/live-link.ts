import { WebSocket } from 'ws';
import type { Call } from '../../shared/server-api/cti';
import { type LiveServerMessage, liveServerMessageSchema } from '../../shared/server-api/live';
import type { PresenceState } from '../../shared/server-api/presence';
import { backoffDelay, realSchedule, type Schedule } from '../../shared/backoff';

export interface LiveLinkOptions {
  baseUrl: string;
  workstationId: string;
  /** The server has events up to `head` (or, on connect, may have missed some: head undefined). */
  onHint: (head: number | undefined) => void;
  /** The server has reference data up to `version`. */
  onReferenceHint?: (version: number) => void;
  /** A call rang, was answered or ended for this agent (the screen-pop). */
  onCall?: (call: Call) => void;
  /** Monitor deltas, presence of others and notices: what a lead's monitor and the status bar show. */
  onBroadcast?: (message: Extract<LiveServerMessage, { type: 'monitor_tickets' | 'presence' | 'notice' | 'notice_withdrawn' }>) => void;
  /** The socket was welcomed (true), or one that was has gone (false): the status bar follows at once. */
  onState?: (up: boolean) => void;
  random?: () => number;
  /** Where the retry waits come from (default: timers). */
  schedule?: Schedule;
  /**
   * How often the link pings the server (default 1 s). A socket that has not answered (or opened)
   * for twice this long is dropped as dead: a server gone without a word (a cut
   * cable, a frozen host) is noticed within about 2.25 periods, not when TCP gives up minutes later.
   */
  heartbeatMs?: number;
  /** The longest wait between two tries to reconnect (default 1.5 s), so a server that is back is seen within seconds. */
  retryCapMs?: number;
}

export const defaultHeartbeatMs = 1000;

/** What a workstation reports; the server itself marks an agent disconnected. */
type ReportedState = Exclude<PresenceState, 'disconnected'>;
const defaultRetryCapMs = 1500;

/**
 * The server's live socket, kept open while the agent has a session. It wakes the sync engine
 * (losing it costs nothing but the wait for the next poll) and brings the agent's phone calls.
 */
export class LiveLink {
  private ws: WebSocket | null = null;
  private token: string | null = null;
  private failures = 0;
  private retry: (() => void) | null = null;
  private presence: { state: ReportedState; reason: string | null } = { state: 'available', reason: null };
  /** A raised or lowered hand the server has not yet confirmed, or null. */
  private hand: boolean | null = null;
  private welcomed = false;
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly options: LiveLinkOptions) {}

  /** Connects with this token unless already connected with it. */
  ensure(token: string): void {
    if (this.token === token && (this.ws || this.retry)) return;
    this.stop();
    this.token = token;
    this.connect();
  }

  /** What this agent is doing (with a break's reason); sent now if connected, and again on every reconnect. */
  setPresence(state: ReportedState, reason: string | null): void {
    this.presence = { state, reason };
    this.sendPresence();
  }

  /**
   * The agent raised or lowered a hand. Sent now if connected, and on every reconnect until the
   * server's own word on the hand agrees (`handSettled`): raising or lowering twice changes nothing there.
   */
  setHand(raised: boolean): void {
    this.hand = raised;
    this.sendHand();
  }

  /** The server reported this agent's hand as raised or not: once that is what the agent last asked for, it is not sent again. */
  handSettled(raised: boolean): void {
    if (this.hand === raised) this.hand = null;
  }

  /** A lead answered the hand: whatever the agent asked before is over. */
  forgetHand(): void {
    this.hand = null;
  }

  private open(): WebSocket | null {
    return this.ws && this.welcomed && this.ws.readyState === WebSocket.OPEN ? this.ws : null;
  }

  private sendPresence(): void {
    const { state, reason } = this.presence;
    this.open()?.send(JSON.stringify({ type: 'presence', state, ...(reason === null ? {} : { reason }) }));
  }

  private sendHand(): void {
    if (this.hand !== null) this.open()?.send(JSON.stringify({ type: 'help', raised: this.hand }));
  }

  stop(): void {
    this.token = null;
    this.retry?.();
    this.retry = null;
    const ws = this.ws;
    this.ws = null;
    this.stopHeartbeat();
    ws?.close();
    // Closed on purpose (signed out, stopping): nothing was lost, so nothing is reported.
    this.welcomed = false;
  }

  private setDown(): void {
    if (!this.welcomed) return;
    this.welcomed = false;
    this.options.onState?.(false);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  /** Pings, and drops the socket when nothing has come back in time (ws answers pings on the server by itself). */
  private startHeartbeat(ws: WebSocket): void {
    this.stopHeartbeat();
    const period = this.options.heartbeatMs ?? defaultHeartbeatMs;
    let heard = Date.now();
    let pinged = 0;
    const hear = () => {
      heard = Date.now();
    };
    ws.on('pong', hear);
    ws.on('message', hear);
    ws.on('open', hear);
    this.heartbeat = setInterval(
      () => {
        const now = Date.now();
        const open = ws.readyState === WebSocket.OPEN;
        if (now - heard >= 2 * period) {
          ws.terminate();
          return;
        }
        if (open && now - pinged >= period) {
          pinged = now;
          ws.ping();
        }
      },
      Math.max(10, Math.round(period / 4)),
    );
    this.heartbeat.unref?.();
  }

  private connect(): void {
    const token = this.token;
    if (!token) return;
    const ws = new WebSocket(new URL('/api/live', this.options.baseUrl.replace(/^http/, 'ws')));
    this.ws = ws;
    this.setDown();
    this.startHeartbeat(ws);
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token, workstationId: this.options.workstationId })));
    ws.on('message', (data) => {
      // A closing socket still hands over what was already on the wire; once stopped, none of it is ours to act on.
      if (this.ws !== ws) return;
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return;
      }
      const message = liveServerMessageSchema.safeParse(json);
      if (!message.success) return;
      if (message.data.type === 'welcome') {
        this.failures = 0;
        this.welcomed = true;
        this.options.onState?.(true);
        if (this.ws !== ws) return; // stopped by whoever heard the link come up
        this.sendPresence();
        this.sendHand();
        this.options.onHint(undefined);
      } else if (message.data.type === 'events') {
        this.options.onHint(message.data.head);
      } else if (message.data.type === 'reference') {
        this.options.onReferenceHint?.(message.data.version);
      } else if (message.data.type === 'call') {
        this.options.onCall?.(message.data.call);
      } else if (message.data.type !== 'error') {
        this.options.onBroadcast?.(message.data);
      }
    });
    ws.on('error', () => {}); // 'close' follows and schedules the retry.
    ws.on('close', (code) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.stopHeartbeat();
      this.setDown();
      // 4401: the session is gone; the engine finds out on its next call and asks the agent.
      if (code === 4401 || this.token !== token) return;
      this.failures += 1;
      const schedule = this.options.schedule ?? realSchedule;
      this.retry = schedule(
        () => {
          this.retry = null;
          this.connect();
        },
        backoffDelay(this.failures, this.options.random ?? Math.random, 1000, this.options.retryCapMs ?? defaultRetryCapMs),
      );
    });
  }
}

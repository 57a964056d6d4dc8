import type { User } from '../../shared/server-api/auth';
import type { Call } from '../../shared/server-api/cti';
import type { LiveServerMessage } from '../../shared/server-api/live';
import type { NoticeView } from '../../shared/server-api/notices';
import type { EventBus } from '../event-bus';
import { recordCall } from '../store/calls-store';
import type { Db } from '../store/database';
import type { Schedule } from '../../shared/backoff';
import { LiveLink } from './live-link';
import { NoticeBoard } from './notice-board';
import { PresenceTracker } from './presence-tracker';

export interface LiveRoutingOptions {
  db: Db;
  bus: EventBus;
  baseUrl: string;
  workstationId: string;
  /** The signed-in user, asked for each call: whose calls pop up here depends on who sits here now. */
  user: () => User | null;
  /** The server has events up to `head` (undefined: it may have sent some while the socket was down). */
  onHint: (head: number | undefined) => void;
  /** The server has reference data up to `version`. */
  onReferenceHint: (version: number) => void;
  now: () => Date;
  random: () => number;
  wrapUpMs: number;
  schedule?: Schedule;
  /** The live socket came up or went down. */
  onLinkState: (up: boolean) => void;
  heartbeatMs?: number;
  /** The notices in force, read from the server each time the socket is welcomed. */
  readNotices: () => Promise<NoticeView[]>;
  log: Pick<Console, 'warn'>;
}

type Broadcast = Extract<LiveServerMessage, { type: 'monitor_tickets' | 'presence' | 'notice' | 'notice_withdrawn' }>;

/** Passes what the server broadcasts (notices, others' presence, monitor deltas) to the notice board and the UI. */
export function broadcastToUi(bus: EventBus, notices: NoticeBoard, message: Broadcast): void {
  if (message.type === 'notice') notices.heard({ kind: 'sent', notice: message.notice });
  else if (message.type === 'notice_withdrawn') notices.heard({ kind: 'withdrawn', id: message.id });
  else if (message.type === 'presence') {
    const { type: _type, userId: _userId, ...presence } = message;
    bus.emit('monitor.changed', { kind: 'presence', ...presence });
  } else bus.emit('monitor.changed', { kind: 'tickets', tickets: message.tickets });
}

/**
 * The screen-pop: keeps calls that ring or were answered by this agent, and moves its presence
 * with the calls it answers and ends. Leads and admins are sent every call, for their queues.
 */
export function routeCall(to: { db: Db; bus: EventBus; presence: PresenceTracker; user: User | null }, call: Call): void {
  const { db, bus, presence, user } = to;
  if (user && (user.role === 'lead' || user.role === 'admin')) bus.emit('monitor.changed', { kind: 'call', call });
  const me = user?.username;
  if (!me || !(call.users.includes(me) || call.answeredBy === me)) return;
  if (call.answeredBy === me) {
    if (call.state === 'answered') presence.callAnswered();
    if (call.state === 'ended') presence.callEnded();
  }
  bus.emit('calls.changed', recordCall(db, call));
}

/**
 * The live side of the workstation: the server's socket, the calls it brings, and this agent's
 * presence, which it reports on every (re)connect.
 */
export class LiveRouting {
  readonly presence: PresenceTracker;
  readonly notices: NoticeBoard;
  private readonly link: LiveLink;

  constructor(options: LiveRoutingOptions) {
    const { db, bus } = options;
    this.notices = new NoticeBoard(bus, options.now);
    this.presence = new PresenceTracker({
      now: options.now,
      wrapUpMs: options.wrapUpMs,
      onChange: (view) => {
        this.link.setPresence(view.state, view.reason);
        bus.emit('presence.changed', view);
      },
      onHand: (raised) => this.link.setHand(raised),
    });
    this.link = new LiveLink({
      baseUrl: options.baseUrl,
      workstationId: options.workstationId,
      random: options.random,
      ...(options.schedule ? { schedule: options.schedule } : {}),
      onHint: options.onHint,
      onReferenceHint: options.onReferenceHint,
      onState: (up) => {
        options.onLinkState(up);
        if (up)
          this.notices.refresh(options.readNotices).catch((error: Error) => options.log.warn('[live] notices not read:', error.message));
      },
      ...(options.heartbeatMs ? { heartbeatMs: options.heartbeatMs } : {}),
      onCall: (call) => routeCall({ db, bus, presence: this.presence, user: options.user() }, call),
      onBroadcast: (message) => {
        if (message.type === 'presence') {
          const user = options.user();
          if (message.userId === user?.id) this.heardOwnPresence(message);
          // An agent is sent only their own presence (a lead answered the hand): no monitor here to show it on.
          if (!user || (user.role !== 'lead' && user.role !== 'admin')) return;
        }
        broadcastToUi(bus, this.notices, message);
      },
    });
  }

  /** What the server says of this agent: a lead may have answered the raised hand. */
  private heardOwnPresence(message: Extract<LiveServerMessage, { type: 'presence' }>): void {
    if (this.presence.heard(message)) this.link.forgetHand();
    else this.link.handSettled(message.helpSince !== null);
  }

  /** Keeps the socket open with this session (a no-op when it already is). */
  connect(token: string): void {
    this.link.ensure(token);
  }

  /** Closes the socket: its session ended, or the engine stops. */
  disconnect(): void {
    this.link.stop();
    this.link.forgetHand();
    this.presence.reset();
    this.notices.clear();
  }

  stop(): void {
    this.presence.stop();
    this.link.stop();
  }
}

import type { SyncStatus } from '../../shared/contract/sync';
import type { User } from '../../shared/server-api/auth';
import type { Logger } from '../dispatch';
import type { EventBus } from '../event-bus';
import type { Db } from '../store/database';
import { type CacheScope, defaultCacheScope } from '../store/cache-scope-store';
import { referenceStream } from '../store/reference-store';
import { readCursor } from '../store/sync-store';
import type { Schedule } from '../../shared/backoff';
import { LiveRouting } from './live-routing';
import type { NoticeBoard } from './notice-board';
import type { PresenceTracker } from './presence-tracker';
import type { ServerClient } from './server-client';
import { withSession } from './session-requests';
import type { SessionSignIn } from './session-signin';
import type { SessionStore } from './session-store';
import { SyncLoop } from './sync-loop';

export interface SyncEngineOptions {
  db: Db;
  bus: EventBus;
  client: ServerClient;
  /** Who is signed in; the engine syncs only for a signed-in user. */
  signin: SessionSignIn;
  workstationId: string;
  now?: () => Date;
  random?: () => number;
  /** How often to sync when nothing wakes the engine earlier. */
  pollMs?: number;
  pullPage?: number;
  /** How much of the centre this cache holds (default: 30 days of tickets, a year of callers). */
  scope?: CacheScope;
  /** Tickets per bootstrap page (default 2000). */
  bootstrapPage?: number;
  /** How long after a hang-up the agent shows as wrapping up unless a ticket is registered first (default 60 s). */
  wrapUpMs?: number;
  /** Where the waits of the sync loop and the live socket's retries come from (default: timers). */
  schedule?: Schedule;
  /** How often the live socket is pinged; a silent server is shown unreachable within about twice this (default 1 s). */
  liveHeartbeatMs?: number;
  log?: Logger;
}

/** Tickets per bootstrap page: one transaction each, and bigger transactions fill the search index faster. */
const defaultBootstrapPage = 2000;

/**
 * The workstation's side of the server, as the core and the handlers see it: the sync loop
 * (`sync-loop.ts`, with bootstrap and ageing in `cache-fill.ts`), the live socket with the calls
 * and presence it carries (`live-routing.ts`), and requests made with the agent's session
 * (`session-requests.ts`). Sign-in itself is `SessionSignIn`'s.
 */
export class SyncEngine {
  readonly session: SessionStore;
  readonly presence: PresenceTracker;
  readonly notices: NoticeBoard;
  private readonly loop: SyncLoop;
  private readonly live: LiveRouting;
  private readonly signin: SessionSignIn;

  constructor(private readonly options: SyncEngineOptions) {
    const now = options.now ?? (() => new Date());
    const random = options.random ?? Math.random;
    const schedule = options.schedule ? { schedule: options.schedule } : {};
    this.signin = options.signin;
    this.session = options.signin.session;
    this.loop = new SyncLoop({
      db: options.db,
      bus: options.bus,
      client: options.client,
      signin: options.signin,
      now,
      random,
      log: options.log ?? console,
      pollMs: options.pollMs ?? 30_000,
      pullPage: options.pullPage ?? 500,
      scope: options.scope ?? defaultCacheScope,
      bootstrapPage: options.bootstrapPage ?? defaultBootstrapPage,
      ...schedule,
      onOnline: (token) => this.live.connect(token),
      onSignedOut: () => this.live.disconnect(),
    });
    this.live = new LiveRouting({
      db: options.db,
      bus: options.bus,
      baseUrl: options.client.baseUrl,
      workstationId: options.workstationId,
      user: () => this.user(),
      // A hint for events this cache already has is an echo of our own push: no need to wake.
      onHint: (head) => {
        if (head === undefined || head > readCursor(options.db)) this.wake();
      },
      // Reference data has its own cursor: an admin's change moves no event head, yet must arrive now.
      onReferenceHint: (version) => {
        if (version > readCursor(options.db, referenceStream)) this.wake();
      },
      now,
      random,
      wrapUpMs: options.wrapUpMs ?? 60_000,
      ...schedule,
      onLinkState: (up) => {
        if (!up) options.client.abandonInFlight();
        this.loop.liveChanged(up);
      },
      ...(options.liveHeartbeatMs ? { heartbeatMs: options.liveHeartbeatMs } : {}),
      readNotices: async () => (await this.online((client, token) => client.noticesInForce(token))).notices,
      log: options.log ?? console,
    });
    this.presence = this.live.presence;
    this.notices = this.live.notices;
  }

  status(): SyncStatus {
    return this.loop.status();
  }

  /** The signed-in user; null when nobody is (a session the server ended included). */
  user(): User | null {
    return this.signin.user();
  }

  start(): void {
    this.loop.start();
  }

  async stop(): Promise<void> {
    const done = this.loop.stop();
    this.live.stop();
    await done;
  }

  /** Sync now: after a local write, a live hint, or the agent asking. */
  wake(): void {
    this.loop.wake();
  }

  /** A session the server accepts, or an offline one waiting for the server to come back. */
  sessionLive(): boolean {
    return this.signin.signedIn();
  }

  /** One request with this agent's session, for what only the server knows; offline or refused, an error says so. */
  online<T>(request: (client: ServerClient, token: string) => Promise<T>): Promise<T> {
    return withSession(this.options.client, this.session, request);
  }
}

import type { SyncStatus } from '../../shared/contract/sync';
import type { User } from '../../shared/server-api/auth';
import type { Call } from '../../shared/server-api/cti';
import { AppError } from '../../shared/result';
import type { Logger } from '../dispatch';
import type { EventBus } from '../event-bus';
import { type Db, duringBulkLoad } from '../store/database';
import { recordCall } from '../store/calls-store';
import { applyReferencePage, referenceStream } from '../store/reference-store';
import { readSetting, writeSetting } from '../store/settings-store';
import { ageOutClosedTickets, applyBootstrapPage, type BootstrapProgress, type CacheScope, defaultCacheScope, needsBootstrap, readBootstrap, storeCallerIndex } from '../store/cache-scope-store';
import { applyPulledPage, readCursor, storeConfirmedEvents, ticketsMissingHistory } from '../store/sync-store';
import { openRejectionCount, outboxSize } from '../store/ticket-store';
import { z } from 'zod';
import { backoffDelay } from './backoff';
import { LiveLink } from './live-link';
import { type ServerClient, ServerError } from './server-client';
import { PresenceTracker } from './presence-tracker';
import { PushHeld, pushOutboxUnlessSignedOut } from './push-outbox';
import type { SessionSignIn } from './session-signin';
import type { SessionStore } from './session-store';

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
  /** Tickets per bootstrap page (default 500). */
  bootstrapPage?: number;
  /** How long after a hang-up the agent shows as wrapping up unless a ticket is registered first (default 60 s). */
  wrapUpMs?: number;
  log?: Logger;
}

const lastSyncKey = 'sync.lastSyncAt';
const agedAtKey = 'sync.agedAt';
const callerIndexAtKey = 'sync.callerIndexAt';
const dayMs = 86_400_000;
/** Closed tickets age out at most this often; the caller index is refreshed once a day. */
const ageEveryMs = 3600_000;
/** Tickets per bootstrap page: one transaction each, and bigger transactions fill the search index faster. */
const defaultBootstrapPage = 2000;

/**
 * Keeps the local cache and the server in step (DESIGN.md §4–§5): pushes the outbox in batches,
 * pulls after the cursor, and lets the projection rebase pending events on confirmed ones.
 * Failures never lose anything — the outbox stays until the server answers — they only change
 * the connection state the agent sees and the time to the next try.
 */
export class SyncEngine {
  readonly session: SessionStore;
  readonly presence: PresenceTracker;
  private connection: SyncStatus['connection'] = 'signed_out';
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private wokenDuringCycle = false;
  private failures = 0;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly log: Logger;
  private readonly live: LiveLink;
  private readonly signin: SessionSignIn;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.log = options.log ?? console;
    this.signin = options.signin;
    this.session = options.signin.session;
    options.signin.onChange(() => this.signedInChanged());
    this.presence = new PresenceTracker({
      now: this.now,
      wrapUpMs: options.wrapUpMs ?? 60_000,
      onChange: (view) => {
        this.live.setPresence(view.state);
        options.bus.emit('presence.changed', view);
      },
    });
    this.live = new LiveLink({
      baseUrl: options.client.baseUrl,
      workstationId: options.workstationId,
      random: this.random,
      // A hint for events this cache already has is an echo of our own push: no need to wake.
      onHint: (head) => (head === undefined || head > readCursor(options.db)) && this.wake(),
      onCall: (call) => this.takeCall(call),
      onBroadcast: (message) => {
        if (message.type === 'notice') options.bus.emit('notices.received', { text: message.text, from: message.from, at: message.at });
        else if (message.type === 'presence') options.bus.emit('monitor.changed', { kind: 'presence', username: message.username, state: message.state, since: message.since });
        else options.bus.emit('monitor.changed', { kind: 'tickets', tickets: message.tickets });
      },
    });
  }

  status(): SyncStatus {
    return {
      connection: this.connection,
      outboxSize: outboxSize(this.options.db),
      rejected: openRejectionCount(this.options.db),
      lastSyncAt: readSetting(this.options.db, lastSyncKey, z.string()) ?? null,
      bootstrap: this.bootstrapProgress(),
    };
  }

  private bootstrapProgress(): SyncStatus['bootstrap'] {
    const progress = readBootstrap(this.options.db);
    return progress && !progress.done ? { loaded: progress.loaded, total: progress.total } : null;
  }

  /** The signed-in user; null when nobody is (a session the server ended included). */
  user(): User | null {
    return this.signin.user();
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.presence.stop();
    this.live.stop();
    this.wake();
    await this.loopDone;
  }

  /** Sync now: after a local write, a live hint, or the agent asking. */
  wake(): void {
    this.wokenDuringCycle = true;
    this.wakeUp?.();
  }

  /** A session the server accepts, or an offline one waiting for the server to come back. */
  sessionLive(): boolean {
    return this.signin.signedIn();
  }

  private get deferredLogin() {
    return this.signin.deferredLogin;
  }

  /** The server is asked for the session an offline sign-in is waiting for. */
  private async completeDeferredLogin(login: { username: string; password: string }): Promise<void> {
    let outcome: Awaited<ReturnType<SessionSignIn['completeDeferred']>>;
    try {
      outcome = await this.signin.completeDeferred(login);
    } catch (error) {
      this.log.error('[sync] sign-in after an offline start failed', error);
      outcome = 'refused';
    }
    if (outcome === 'retry') {
      this.failures += 1;
      this.setConnection('unreachable');
      await this.sleep(backoffDelay(this.failures, this.random));
    } else if (outcome === 'refused') this.setConnection('signed_out');
  }

  /** Whoever signs in is synced for at once; once nobody is, the live socket closes. */
  private signedInChanged(): void {
    if (this.signin.signedIn()) {
      this.failures = 0;
      this.wake();
      return;
    }
    this.live.stop();
    this.setConnection('signed_out');
  }

  /** Keeps calls that ring or were answered by this agent (leads are sent every call, for queues). */
  private takeCall(call: Call): void {
    const user = this.user();
    if (user && (user.role === 'lead' || user.role === 'admin')) this.options.bus.emit('monitor.changed', { kind: 'call', call });
    const me = user?.username;
    if (!me || !(call.users.includes(me) || call.answeredBy === me)) return;
    if (call.answeredBy === me) {
      if (call.state === 'answered') this.presence.callAnswered();
      if (call.state === 'ended') this.presence.callEnded();
    }
    this.options.bus.emit('calls.changed', recordCall(this.options.db, call));
  }

  /**
   * One request to the server with this agent's session, for what only the server knows (the
   * lead's monitor). Offline or refused, the caller gets an error saying so.
   */
  async online<T>(request: (client: ServerClient, token: string) => Promise<T>): Promise<T> {
    const token = this.session.token();
    if (!token) throw new AppError('unavailable', 'This needs the server: sign in, or wait until the server can be reached.');
    try {
      return await request(this.options.client, token);
    } catch (error) {
      if (!(error instanceof ServerError)) throw error;
      if (error.kind === 'unreachable') throw new AppError('unavailable', error.message);
      if (error.kind === 'unauthenticated') throw new AppError('unauthenticated', error.message);
      throw new AppError(error.code === 'forbidden' ? 'forbidden' : error.code === 'not_found' ? 'not_found' : 'invalid_input', error.message);
    }
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const token = this.session.token();
      if (!token && this.deferredLogin) {
        await this.completeDeferredLogin(this.deferredLogin);
        continue;
      }
      if (!token) {
        this.setConnection('signed_out');
        await this.sleep(this.options.pollMs ?? 30_000);
        continue;
      }
      this.wokenDuringCycle = false;
      try {
        this.setConnection('syncing');
        await this.cycle(token);
        // Stopped between two pages: what was stored is committed with its cursor; the next start goes on from there.
        if (!this.running) return;
        this.failures = 0;
        writeSetting(this.options.db, lastSyncKey, this.now().toISOString(), this.now().toISOString());
        this.setConnection('online');
        // Stopped while the cycle ran: a live socket opened now would outlive the engine.
        if (this.running) this.live.ensure(token);
        if (!this.wokenDuringCycle) await this.sleep(this.options.pollMs ?? 30_000);
      } catch (error) {
        if (error instanceof ServerError && error.kind === 'unauthenticated') {
          this.session.expire();
          this.live.stop();
          this.setConnection('signed_out');
          continue;
        }
        // A push held on a suspect event is tried again soon: the server answers, only that event fails.
        this.failures = error instanceof PushHeld ? error.failures : this.failures + 1;
        this.setConnection('unreachable');
        if (!(error instanceof ServerError)) this.log.error('[sync] cycle failed', error);
        await this.sleep(backoffDelay(this.failures, this.random));
      }
    }
  }

  /**
   * One round: everything waiting goes up, then everything new comes down. It ends early, between
   * two batches or pages, when the engine is stopped: an agent closing the workstation after an
   * outage must not wait for a hundred thousand events to come down first. A failed push does not
   * hold back what others sent: the round pulls anyway, then fails with it, and the engine backs off.
   */
  private async cycle(token: string): Promise<void> {
    const { db, client, bus } = this.options;
    const stored = (ids: string[]) => {
      if (ids.length > 0) bus.emit('tickets.changed', { ids });
      this.emitStatus();
    };
    const pushFailure = await pushOutboxUnlessSignedOut({ db, client, token, running: () => this.running, stored });
    // Reference data before events: tickets are indexed with the names of their street and category.
    for (;;) {
      if (!this.running) return;
      const page = await client.reference(token, readCursor(db, referenceStream), 2000);
      if (page.items.length > 0) {
        applyReferencePage(db, page.items, page.cursor, this.now().toISOString());
        bus.emit('reference.changed', { count: page.items.length });
      }
      if (!page.hasMore) break;
    }
    if (needsBootstrap(db)) await this.bootstrap(token);
    for (;;) {
      if (!this.running) return;
      const page = await client.pull(token, readCursor(db), this.options.pullPage ?? 500);
      const touched = applyPulledPage(db, page.events, page.cursor, this.now().toISOString());
      await this.backfill(token, ticketsMissingHistory(db, touched));
      if (touched.length > 0) bus.emit('tickets.changed', { ids: touched });
      if (!page.hasMore) break;
    }
    if (this.running) await this.keepScope(token);
    if (pushFailure) throw pushFailure;
  }

  private get scope(): CacheScope {
    return this.options.scope ?? defaultCacheScope;
  }

  /**
   * Fills a new cache with the whole tickets of its scope, a page at a time; each page and the
   * progress commit together, so a crash or an outage resumes after the last stored page.
   */
  private async bootstrap(token: string): Promise<void> {
    const { db, client, bus } = this.options;
    let progress = readBootstrap(db) ?? {
      since: new Date(this.now().getTime() - this.scope.ticketDays * dayMs).toISOString(),
      after: '',
      head: 0,
      total: 0,
      loaded: 0,
      done: false,
    };
    const limit = this.options.bootstrapPage ?? defaultBootstrapPage;
    const request = (from: BootstrapProgress) => {
      const page = client.bootstrap(token, { since: from.since, after: from.after, head: from.head, limit });
      // Handled where it is awaited; a page asked for ahead must not crash the process if storing the one before fails.
      page.catch(() => undefined);
      return page;
    };
    await duringBulkLoad(db, async () => {
      let next = progress.done ? null : request(progress);
      while (next && this.running) {
        const page = await next;
        progress = {
          ...progress,
          after: page.next ?? progress.after,
          head: page.head,
          total: page.total ?? progress.total,
          loaded: progress.loaded + page.tickets.length,
          done: page.next === null,
        };
        // The next page is asked for before this one is stored: the server reads it while we write.
        next = progress.done ? null : request(progress);
        const touched = applyBootstrapPage(db, page.tickets, progress, this.now().toISOString());
        if (touched.length > 0) bus.emit('tickets.changed', { ids: touched });
        this.emitStatus();
      }
    });
  }

  /** Tickets this cache meets without their history (aged out, or older than its scope) are fetched whole. */
  private async backfill(token: string, ticketIds: string[]): Promise<void> {
    for (let i = 0; i < ticketIds.length; i += 200) {
      const { events } = await this.options.client.ticketHistories(token, ticketIds.slice(i, i + 200));
      this.options.db.transaction(() => storeConfirmedEvents(this.options.db, events))();
    }
  }

  /** Ages out closed tickets that left the scope, and keeps the caller index a day fresh. */
  private async keepScope(token: string): Promise<void> {
    const { db } = this.options;
    const now = this.now();
    const ticketsSince = new Date(now.getTime() - this.scope.ticketDays * dayMs).toISOString();
    const indexSince = new Date(now.getTime() - this.scope.callerIndexDays * dayMs).toISOString();
    const lastAged = readSetting(db, agedAtKey, z.string());
    if (!lastAged || now.getTime() - Date.parse(lastAged) >= ageEveryMs) {
      const aged = ageOutClosedTickets(db, ticketsSince, indexSince);
      writeSetting(db, agedAtKey, now.toISOString(), now.toISOString());
      if (aged > 0) this.log.info(`[sync] ${aged} closed tickets aged out of the cache`);
    }
    const lastIndexed = readSetting(db, callerIndexAtKey, z.string());
    if (this.scope.callerIndexDays > this.scope.ticketDays && (!lastIndexed || now.getTime() - Date.parse(lastIndexed) >= dayMs)) {
      let after = '';
      do {
        const page = await this.options.client.callerIndex(token, { since: indexSince, until: ticketsSince, after, limit: 2000 });
        storeCallerIndex(db, page.entries);
        after = page.next ?? '';
      } while (after !== '');
      writeSetting(db, callerIndexAtKey, now.toISOString(), now.toISOString());
    }
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wakeUp = () => done();
      this.wakeUp = wakeUp;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private setConnection(state: SyncStatus['connection']): void {
    if (this.connection === state) return;
    this.connection = state;
    this.emitStatus();
  }

  private emitStatus(): void {
    this.options.bus.emit('sync.status', this.status());
  }
}

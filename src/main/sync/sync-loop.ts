import { z } from 'zod';
import type { SyncStatus } from '../../shared/contract/sync';
import type { Logger } from '../dispatch';
import type { EventBus } from '../event-bus';
import type { Db } from '../store/database';
import { applyReferencePage, referenceStream } from '../store/reference-store';
import { refreshDeadlines } from '../store/deadline-refresh';
import { setCentreTimeZone } from '../store/routing-store';
import { slaReferenceKinds } from '../../shared/domain/sla';
import { readSetting, writeSetting } from '../store/settings-store';
import { type CacheScope, needsBootstrap, readBootstrap } from '../store/cache-scope-store';
import { applyPulledPage, readCursor, ticketsMissingHistory } from '../store/sync-store';
import { openRejectionCount, outboxSize } from '../store/ticket-store';
import { backoffDelay, realSchedule, type Schedule } from '../../shared/backoff';
import { backfillHistories, bootstrapCache, keepCacheScope } from './cache-fill';
import { PushHeld, pushOutboxUnlessSignedOut } from './push-outbox';
import { reportWrapUps } from './report-wrapups';
import { type ServerClient, ServerError } from './server-client';
import { completeDeferredSignIn } from './session-requests';
import type { SessionSignIn } from './session-signin';

export interface SyncLoopOptions {
  db: Db;
  bus: EventBus;
  client: ServerClient;
  signin: SessionSignIn;
  now: () => Date;
  random: () => number;
  log: Logger;
  /** How often to sync when nothing wakes the loop earlier. */
  pollMs: number;
  pullPage: number;
  scope: CacheScope;
  bootstrapPage: number;
  /** Where the waits come from: the poll and the backoff after a failure (default: timers). */
  schedule?: Schedule;
  /** A round succeeded with this session: the live socket may open. */
  onOnline: (token: string) => void;
  /** The session ended (signed out, or refused by the server): the live socket must close. */
  onSignedOut: () => void;
}

const lastSyncKey = 'sync.lastSyncAt';
const referencePage = 2000;

/**
 * Keeps the local cache and the server in step: pushes the outbox in batches, pulls after the
 * cursor, and lets the projection rebase pending events on confirmed ones. Failures never lose
 * anything (the outbox stays until the server answers); they only change the connection state the
 * agent sees and the time to the next try, which grows with each failure in a row.
 */
export class SyncLoop {
  private connection: SyncStatus['connection'] = 'signed_out';
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private wakeUp: (() => void) | null = null;
  private wokenDuringCycle = false;
  private failures = 0;
  /** The live socket dropped and has not come back: what the last round said is no longer true. */
  private liveLost = false;

  constructor(private readonly options: SyncLoopOptions) {
    options.signin.onChange(() => this.signedInChanged());
  }

  status(): SyncStatus {
    const { db } = this.options;
    const progress = readBootstrap(db);
    const talking = this.connection === 'online' || this.connection === 'syncing';
    return {
      connection: talking && this.liveLost ? 'unreachable' : this.connection,
      outboxSize: outboxSize(db),
      rejected: openRejectionCount(db),
      lastSyncAt: readSetting(db, lastSyncKey, z.string()) ?? null,
      bootstrap: progress && !progress.done ? { loaded: progress.loaded, total: progress.total } : null,
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loopDone;
  }

  /** Sync now: after a local write, a live hint, or the agent asking. */
  wake(): void {
    this.wokenDuringCycle = true;
    this.wakeUp?.();
  }

  /**
   * The live socket went down or came back. Its heartbeat notices an outage within seconds, long
   * before the next round would fail, so the status follows it at once; back up, a round runs now
   * (events may have been made meanwhile) and confirms the server answers.
   */
  liveChanged(up: boolean): void {
    if (this.liveLost === !up) return;
    this.liveLost = !up;
    this.emitStatus();
  }

  /** Whoever signs in is synced for at once; once nobody is, the live socket closes. */
  private signedInChanged(): void {
    this.liveLost = false;
    if (this.options.signin.signedIn()) {
      this.failures = 0;
      this.wake();
      return;
    }
    this.options.onSignedOut();
    this.setConnection('signed_out');
  }

  private async loop(): Promise<void> {
    const { signin, log, pollMs } = this.options;
    while (this.running) {
      const token = signin.session.token();
      if (!token) {
        const outcome = await completeDeferredSignIn(signin, log);
        if (outcome === 'nothing_waiting') {
          this.setConnection('signed_out');
          await this.sleep(pollMs);
        } else if (outcome === 'retry') {
          this.failures += 1;
          this.setConnection('unreachable');
          await this.sleep(backoffDelay(this.failures, this.options.random));
        } else if (outcome === 'refused') this.setConnection('signed_out');
        continue;
      }
      this.wokenDuringCycle = false;
      try {
        this.setConnection('syncing');
        await this.cycle(token);
        // Stopped between two pages: what was stored is committed with its cursor; the next start goes on from there.
        if (!this.running) return;
        this.failures = 0;
        const at = this.options.now().toISOString();
        writeSetting(this.options.db, lastSyncKey, at, at);
        this.setConnection('online');
        // Stopped while the status was told: a live socket opened now would outlive the loop.
        if (this.running) this.options.onOnline(token);
        if (!this.wokenDuringCycle) await this.sleep(pollMs);
      } catch (error) {
        if (error instanceof ServerError && error.kind === 'unauthenticated') {
          signin.session.expire();
          this.options.onSignedOut();
          this.setConnection('signed_out');
          continue;
        }
        // A push held on a suspect event is tried again soon: the server answers, only that event fails.
        this.failures = error instanceof PushHeld ? error.failures : this.failures + 1;
        this.setConnection('unreachable');
        if (!(error instanceof ServerError)) log.error('[sync] cycle failed', error);
        await this.sleep(backoffDelay(this.failures, this.options.random));
      }
    }
  }

  /**
   * One round: everything waiting goes up, then everything new comes down. It ends early, between
   * two batches or pages, when the loop is stopped: an agent closing the workstation after an
   * outage must not wait for a hundred thousand events to come down first. A failed push does not
   * hold back what others sent: the round pulls anyway, then fails with it, and the loop backs off.
   */
  private async cycle(token: string): Promise<void> {
    const { db, client, bus, now } = this.options;
    const running = () => this.running;
    const stored = (ids: string[]) => {
      if (ids.length > 0) bus.emit('tickets.changed', { ids });
      this.emitStatus();
    };
    const pushFailure = await pushOutboxUnlessSignedOut({ db, client, token, running, stored });
    // Reference data before events: tickets are indexed with the names of their street and category.
    let limitsChanged = false;
    for (;;) {
      if (!this.running) return;
      const page = await client.reference(token, readCursor(db, referenceStream), referencePage);
      if (page.items.length > 0) {
        applyReferencePage(db, page.items, page.cursor, now().toISOString());
        bus.emit('reference.changed', { count: page.items.length });
        limitsChanged ||= page.items.some((item) => (slaReferenceKinds as readonly string[]).includes(item.kind));
      }
      if (!page.hasMore) break;
    }
    // The zone the server counts working days in, kept with the calendar for offline use.
    const zone = client.centreTimeZone();
    if (zone && setCentreTimeZone(db, zone, now().toISOString())) limitsChanged = true;
    // New time limits, calendar days or zone move the deadlines of tickets already cached.
    if (limitsChanged) stored(refreshDeadlines(db));
    const fill = { ...this.options, running, progressed: () => this.emitStatus() };
    if (needsBootstrap(db)) await bootstrapCache(fill, token);
    for (;;) {
      if (!this.running) return;
      const page = await client.pull(token, readCursor(db), this.options.pullPage);
      const touched = applyPulledPage(db, page.events, page.cursor, now().toISOString());
      await backfillHistories(this.options, token, ticketsMissingHistory(db, touched));
      if (touched.length > 0) bus.emit('tickets.changed', { ids: touched });
      if (!page.hasMore) break;
    }
    if (this.running) await keepCacheScope(this.options, token);
    if (this.running) await reportWrapUps({ db, client, token, log: this.options.log, running });
    if (pushFailure) throw pushFailure;
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    const schedule = this.options.schedule ?? realSchedule;
    return new Promise((resolve) => {
      let cancel: (() => void) | null = null;
      const done = () => {
        cancel?.();
        if (this.wakeUp === done) this.wakeUp = null;
        resolve();
      };
      this.wakeUp = done;
      cancel = schedule(done, ms);
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

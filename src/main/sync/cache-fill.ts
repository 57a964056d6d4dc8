import { z } from 'zod';
import type { Logger } from '../dispatch';
import type { EventBus } from '../event-bus';
import { type Db, duringBulkLoad } from '../store/database';
import { readSetting, writeSetting } from '../store/settings-store';
import {
  ageOutClosedTickets,
  applyBootstrapPage,
  type BootstrapProgress,
  type CacheScope,
  readBootstrap,
  storeCallerIndex,
} from '../store/cache-scope-store';
import { storeConfirmedEvents } from '../store/sync-store';
import type { ServerClient } from './server-client';

export interface CacheFillOptions {
  db: Db;
  bus: EventBus;
  client: ServerClient;
  scope: CacheScope;
  now: () => Date;
  log: Logger;
  /** Tickets per bootstrap page. */
  bootstrapPage: number;
  /** Whether to go on: checked between pages, so a stopping engine does not wait for the whole centre. */
  running: () => boolean;
  /** A page was stored: the status bar shows the progress. */
  progressed: () => void;
}

const agedAtKey = 'sync.agedAt';
const callerIndexAtKey = 'sync.callerIndexAt';
const dayMs = 86_400_000;
/** Closed tickets age out at most this often; the caller index is refreshed once a day. */
const ageEveryMs = 3600_000;
const historyBatch = 200;
const callerIndexPage = 2000;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * dayMs).toISOString();

/**
 * Fills a new cache with the whole tickets of its scope, a page at a time; each page and the
 * progress commit together, so a crash or an outage resumes after the last stored page.
 */
export async function bootstrapCache(options: CacheFillOptions, token: string): Promise<void> {
  const { db, client, bus, now } = options;
  let progress = readBootstrap(db) ?? {
    since: daysBefore(now(), options.scope.ticketDays),
    after: '',
    head: 0,
    total: 0,
    loaded: 0,
    done: false,
  };
  const limit = options.bootstrapPage;
  const request = (from: BootstrapProgress) => {
    const page = client.bootstrap(token, { since: from.since, after: from.after, head: from.head, limit });
    // Handled where it is awaited; a page asked for ahead must not crash the process if storing the one before fails.
    page.catch(() => undefined);
    return page;
  };
  await duringBulkLoad(db, async () => {
    let next = progress.done ? null : request(progress);
    while (next && options.running()) {
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
      const touched = applyBootstrapPage(db, page.tickets, progress, now().toISOString());
      if (touched.length > 0) bus.emit('tickets.changed', { ids: touched });
      options.progressed();
    }
  });
}

/** Tickets this cache meets without their history (aged out, or older than its scope) are fetched whole. */
export async function backfillHistories(
  options: Pick<CacheFillOptions, 'db' | 'client'>,
  token: string,
  ticketIds: string[],
): Promise<void> {
  const { db, client } = options;
  for (let i = 0; i < ticketIds.length; i += historyBatch) {
    const { events } = await client.ticketHistories(token, ticketIds.slice(i, i + historyBatch));
    db.transaction(() => storeConfirmedEvents(db, events))();
  }
}

const due = (db: Db, key: string, at: Date, everyMs: number) => {
  const last = readSetting(db, key, z.string());
  return !last || at.getTime() - Date.parse(last) >= everyMs;
};

/** Ages out closed tickets that left the scope, and keeps the caller index a day fresh. */
export async function keepCacheScope(
  options: Omit<CacheFillOptions, 'running' | 'progressed' | 'bootstrapPage'>,
  token: string,
): Promise<void> {
  const { db, scope, client } = options;
  const now = options.now();
  const ticketsSince = daysBefore(now, scope.ticketDays);
  const indexSince = daysBefore(now, scope.callerIndexDays);
  if (due(db, agedAtKey, now, ageEveryMs)) {
    const aged = ageOutClosedTickets(db, ticketsSince, indexSince);
    writeSetting(db, agedAtKey, now.toISOString(), now.toISOString());
    if (aged > 0) options.log.info(`[sync] ${aged} closed tickets aged out of the cache`);
  }
  if (scope.callerIndexDays > scope.ticketDays && due(db, callerIndexAtKey, now, dayMs)) {
    let after = '';
    do {
      const page = await client.callerIndex(token, { since: indexSince, until: ticketsSince, after, limit: callerIndexPage });
      storeCallerIndex(db, page.entries);
      after = page.next ?? '';
    } while (after !== '');
    writeSetting(db, callerIndexAtKey, now.toISOString(), now.toISOString());
  }
}

import { z } from 'zod';
import { phoneKey } from '../../shared/domain/phone';
import type { CallerIndexEntry, SequencedEvent } from '../../shared/server-api/sync';
import type { Db } from './database';
import { readSetting, writeSetting } from './settings-store';
import { eventsStream, readCursor, writeCursor } from './cursor-store';
import { storeConfirmedEvents } from './sync-store';

/** How far back this cache holds whole tickets, and how far back its caller index reaches. */
export interface CacheScope {
  ticketDays: number;
  callerIndexDays: number;
}
export const defaultCacheScope: CacheScope = { ticketDays: 30, callerIndexDays: 365 };

const progressSchema = z.object({
  since: z.string(),
  after: z.string(),
  head: z.number(),
  total: z.number(),
  loaded: z.number(),
  done: z.boolean(),
});
export type BootstrapProgress = z.infer<typeof progressSchema>;
const bootstrapKey = 'sync.bootstrap';

/** Where a bootstrap stands: null before it starts; `done` once the cache is filled. */
export const readBootstrap = (db: Db): BootstrapProgress | null => readSetting(db, bootstrapKey, progressSchema) ?? null;

/** A cache needs a bootstrap when it has never pulled and has not finished one. */
export const needsBootstrap = (db: Db): boolean => !readBootstrap(db)?.done && readCursor(db) === 0;

/**
 * Stores one bootstrap page and where the bootstrap stands, in one transaction: a crash leaves the
 * page and its progress, or neither. The last page moves the event cursor to the bootstrap's head,
 * where incremental pulls take over.
 */
export function applyBootstrapPage(db: Db, tickets: readonly SequencedEvent[][], progress: BootstrapProgress, now: string): string[] {
  return db.transaction(() => {
    const touched = storeConfirmedEvents(db, tickets.flat());
    writeSetting(db, bootstrapKey, progress, now);
    if (progress.done && readCursor(db) < progress.head) writeCursor(db, eventsStream, progress.head, now);
    return touched;
  })();
}

/** Replaces caller index rows (one per older ticket with a caller number). */
export function storeCallerIndex(db: Db, entries: readonly CallerIndexEntry[]): number {
  const upsert = db.prepare(
    `INSERT INTO caller_index (ticket_id, phone_key, official_no, status, request_type, category, district_code, street_code,
       lead_unit_code, description, created_at, updated_at)
     VALUES (@ticketId, @phoneKey, @officialNo, @status, @requestType, @category, @districtCode, @streetCode, @leadUnitCode,
       @description, @createdAt, @updatedAt)
     ON CONFLICT (ticket_id) DO UPDATE SET phone_key = excluded.phone_key, official_no = excluded.official_no, status = excluded.status,
       category = excluded.category, lead_unit_code = excluded.lead_unit_code, updated_at = excluded.updated_at`,
  );
  return db.transaction(() => {
    let stored = 0;
    for (const entry of entries) {
      const key = phoneKey(entry.callerPhone);
      if (!key) continue;
      upsert.run({ ...entry, phoneKey: key });
      stored += 1;
    }
    return stored;
  })();
}

/**
 * Ages out closed tickets last changed before `before` with nothing waiting for the server: each
 * leaves a caller index row (so the caller's history still shows it) and its events, search row
 * and projection go, in one transaction. Caller index rows older than `indexBefore` go too.
 */
export function ageOutClosedTickets(db: Db, before: string, indexBefore: string): number {
  return db.transaction(() => {
    const aged = db
      .prepare<
        [string],
        {
          id: string;
          phone_key: string | null;
          official_no: string | null;
          status: string;
          request_type: string;
          category: string | null;
          district_code: string | null;
          street_code: string | null;
          lead_unit_code: string | null;
          description: string;
          created_at: string;
          updated_at: string;
          doc: number | null;
        }
      >(
        `SELECT t.id, t.phone_key, t.official_no, t.status, t.request_type, t.category, t.district_code, t.street_code,
           t.state ->> '$.leadUnitCode' AS lead_unit_code, substr(t.description, 1, 200) AS description, t.created_at, t.updated_at,
           (SELECT local_seq FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'created') AS doc
         FROM tickets t
         WHERE t.status = 'closed' AND t.updated_at < ? AND t.pending_events = 0
           AND NOT EXISTS (SELECT 1 FROM ticket_events e WHERE e.ticket_id = t.id AND e.status <> 'confirmed')`,
      )
      .all(before);
    const index = db.prepare(
      `INSERT OR REPLACE INTO caller_index (ticket_id, phone_key, official_no, status, request_type, category, district_code,
         street_code, lead_unit_code, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const unindex = db.prepare(`DELETE FROM ticket_search WHERE rowid = ?`);
    const dropEvents = db.prepare(`DELETE FROM ticket_events WHERE ticket_id = ?`);
    const dropTicket = db.prepare(`DELETE FROM tickets WHERE id = ?`);
    for (const t of aged) {
      if (t.phone_key && t.official_no) {
        index.run(
          t.id,
          t.phone_key,
          t.official_no,
          t.status,
          t.request_type,
          t.category,
          t.district_code,
          t.street_code,
          t.lead_unit_code,
          t.description,
          t.created_at,
          t.updated_at,
        );
      }
      if (t.doc !== null) unindex.run(t.doc);
      dropEvents.run(t.id);
      dropTicket.run(t.id);
    }
    db.prepare(`DELETE FROM caller_index WHERE created_at < ?`).run(indexBefore);
    return aged.length;
  })();
}

import { phoneKey, phoneSearchDigits } from '../../shared/domain/phone';
import { searchColumns, searchMatch } from '../../shared/domain/search-text';
import type { Ticket } from '../../shared/domain/ticket';
import type { Db } from './database';
import { referenceNames } from './reference-store';
import { readSetting, writeSetting } from './settings-store';
import { z } from 'zod';
import { prepared } from './prepared';

/** Bump when what is indexed changes: caches built before are re-indexed once on start. */
export const searchIndexVersion = 1;
/** Cleared by every schema upgrade (migrate.ts): tickets are then refolded and re-indexed once. */
export const searchIndexVersionKey = 'search.indexVersion';
const versionKey = searchIndexVersionKey;

/**
 * The FTS row of a ticket is keyed by its creation event's local_seq (stable for ever); `isNew`
 * when that row cannot exist yet (the creation event was stored just now), so there is nothing to replace.
 */
export interface SearchDocument {
  rowid: number;
  isNew: boolean;
}

/** A ticket's search document, or undefined while the cache holds no creation of it. */
export function searchDocumentOf(db: Db, ticketId: string): SearchDocument | undefined {
  const row = prepared<[string], { local_seq: number }>(
    db,
    `SELECT local_seq FROM ticket_events WHERE ticket_id = ? AND type = 'created' AND status != 'rejected'`,
  ).get(ticketId);
  return row ? { rowid: row.local_seq, isNew: false } : undefined;
}

/** Everything an agent might type to find a ticket: numbers, phone, names, place, text. */
function searchableText(db: Db, ticket: Ticket): (string | null | undefined)[] {
  const f = ticket.fields;
  return [
    ticket.officialNo,
    ticket.provisionalNo,
    ticket.provisionalNo.replace('-', ''),
    f.callerPhone,
    phoneKey(f.callerPhone),
    f.callerName,
    ...referenceNames(db, 'district', f.districtCode),
    ...referenceNames(db, 'street', f.streetCode),
    f.addressDetail,
    ...referenceNames(db, 'category', f.category),
    f.description,
    f.callerWants,
  ];
}

/** Replaces a ticket's search row; part of every projection write. */
export function indexTicket(db: Db, ticket: Ticket, doc: SearchDocument): void {
  if (!doc.isNew) prepared(db, `DELETE FROM ticket_search WHERE rowid = ?`).run(doc.rowid);
  prepared(db, `INSERT INTO ticket_search (rowid, words, uni, bi) VALUES (?, @words, @uni, @bi)`).run(
    doc.rowid,
    searchColumns(searchableText(db, ticket)),
  );
}

/**
 * Re-indexes every cached ticket when the index is older than this app's (or was never built),
 * in one transaction, so an interrupted run simply starts again next time.
 */
export function ensureSearchIndex(db: Db, reindex: (ticketId: string) => void, now: string): number {
  if (readSetting(db, versionKey, z.number()) === searchIndexVersion) return 0;
  return db.transaction(() => {
    const ids = prepared<[], { id: string }>(db, `SELECT id FROM tickets`).all();
    for (const { id } of ids) reindex(id);
    writeSetting(db, versionKey, searchIndexVersion, now);
    return ids.length;
  })();
}

/**
 * The MATCH expression for a query: its words, or — when the query is a phone number or the start
 * of one, in any way of writing it — the tickets whose number's key starts with its digits.
 */
function ticketMatch(query: string): string | null {
  const words = searchMatch(query);
  const digits = phoneSearchDigits(query);
  const phone = digits ? `words : "${digits}" *` : null;
  return phone && words ? `(${phone}) OR (${words})` : (phone ?? words);
}

/** Ids of tickets matching a query, newest first; empty when the query has nothing searchable. */
export function searchTicketIds(db: Db, query: string, limit: number): string[] {
  const match = ticketMatch(query);
  if (!match) return [];
  return prepared<[string, number], { ticket_id: string }>(
    db,
    `SELECT e.ticket_id FROM ticket_search s JOIN ticket_events e ON e.local_seq = s.rowid
       WHERE ticket_search MATCH ? ORDER BY s.rowid DESC LIMIT ?`,
  )
    .all(match, limit)
    .map((r) => r.ticket_id);
}

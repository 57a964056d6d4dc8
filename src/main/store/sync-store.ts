import type { TicketEvent } from '../../shared/domain/ticket';
import type { PushResult, SequencedEvent } from '../../shared/server-api/sync';
import type { Db } from './database';
import { type EventRow, eventFromRow, refoldTicket } from './ticket-store';

export const eventsStream = 'events';

/** The oldest events still waiting for a durable answer, in the order they were made. */
export function outboxBatch(db: Db, limit: number): TicketEvent[] {
  return db
    .prepare<[number], EventRow>(
      `SELECT e.id, e.ticket_id, e.type, e.at, e.actor, e.origin, e.payload
       FROM outbox o JOIN ticket_events e ON e.id = o.event_id
       ORDER BY e.local_seq LIMIT ?`,
    )
    .all(limit)
    .map(eventFromRow);
}

export function readCursor(db: Db, stream = eventsStream): number {
  const row = db.prepare<[string], { cursor: string }>(`SELECT cursor FROM sync_cursors WHERE stream = ?`).get(stream);
  return row ? Number(row.cursor) : 0;
}

const refoldAll = (db: Db, ticketIds: Iterable<string>) => {
  const ids = [...new Set(ticketIds)];
  for (const id of ids) refoldTicket(db, id);
  return ids;
};

/**
 * Records the server's answers to one push. Accepted and duplicate events are confirmed with their
 * sequence number; rejected ones keep their reason and stay visible. Either way the event has a
 * durable answer, so it leaves the outbox — in the same transaction. Returns the tickets touched.
 */
export function applyPushResults(db: Db, results: readonly PushResult[]): string[] {
  return db.transaction(() => {
    const confirm = db.prepare(`UPDATE ticket_events SET status = 'confirmed', server_seq = ?, reject_reason = NULL WHERE id = ? AND server_seq IS NULL`);
    const reject = db.prepare(`UPDATE ticket_events SET status = 'rejected', reject_reason = ? WHERE id = ? AND status = 'pending'`);
    const answered = db.prepare(`DELETE FROM outbox WHERE event_id = ?`);
    const ticketOf = db.prepare<[string], { ticket_id: string }>(`SELECT ticket_id FROM ticket_events WHERE id = ?`);
    const touched: string[] = [];
    for (const result of results) {
      const row = ticketOf.get(result.id);
      if (!row) continue; // Not ours: the server echoed an id we never sent; nothing to update.
      if (result.status === 'rejected') reject.run(result.reason, result.id);
      else confirm.run(result.seq, result.id);
      answered.run(result.id);
      touched.push(row.ticket_id);
    }
    return refoldAll(db, touched);
  })();
}

/**
 * Stores one pulled page: events from other workstations are added, our own are confirmed (their
 * push answer may have been lost), and the cursor moves — all in one transaction, so a crash
 * leaves either the whole page or none of it. Returns the tickets touched.
 */
export function applyPulledPage(db: Db, events: readonly SequencedEvent[], cursor: number, now: string): string[] {
  return db.transaction(() => {
    const insert = db.prepare(
      `INSERT INTO ticket_events (id, ticket_id, type, at, actor, origin, payload, server_seq, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'confirmed')
       ON CONFLICT (id) DO UPDATE SET server_seq = excluded.server_seq, status = 'confirmed', reject_reason = NULL`,
    );
    const answered = db.prepare(`DELETE FROM outbox WHERE event_id = ?`);
    for (const { seq, event } of events) {
      insert.run(event.id, event.ticketId, event.type, event.at, event.actor, event.origin, JSON.stringify(event.payload), seq);
      answered.run(event.id);
    }
    db.prepare(
      `INSERT INTO sync_cursors (stream, cursor, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (stream) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at`,
    ).run(eventsStream, String(cursor), now);
    return refoldAll(
      db,
      events.map((e) => e.event.ticketId),
    );
  })();
}

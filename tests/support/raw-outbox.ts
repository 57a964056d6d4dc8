import type { Db } from '../../src/main/store/database';

export interface RawEvent {
  id: string;
  ticketId: string;
  type: string;
  at: string;
  actor: string;
  origin: string;
  payload: unknown;
}

/**
 * Writes an event straight into a workstation cache's log and outbox, past every check the core
 * makes, as an older or faulty release could have left it: for tests of what sync does with
 * poison. No projection is written.
 */
export function writeRawOutboxEvent(db: Db, event: RawEvent, now = new Date().toISOString()): void {
  db.transaction(() => {
    db.prepare(`INSERT INTO ticket_events (id, ticket_id, type, at, actor, origin, payload) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(
      event.id,
      event.ticketId,
      event.type,
      event.at,
      event.actor,
      event.origin,
      JSON.stringify(event.payload),
    );
    db.prepare(`INSERT INTO outbox (event_id, enqueued_at) VALUES (?, ?)`).run(event.id, now);
  })();
}

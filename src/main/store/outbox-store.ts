import type { Refusal } from '../../shared/domain/refusal';
import { type TicketEvent, ticketEventSchema } from '../../shared/domain/ticket';
import type { Db } from './database';
import { prepared } from './prepared';
import { applyPushResults } from './sync-store';
import type { EventRow } from './ticket-store';

/**
 * One outbox entry as stored: the event, or why this version cannot read it as one; and its size
 * as a push would carry it.
 */
export type OutboxEntry = { id: string; bytes: number } & ({ event: TicketEvent; problem: null } | { event: null; problem: string });

const describeIssues = (issues: readonly { path: PropertyKey[]; message: string }[]) =>
  issues.map((i) => `${i.path.map(String).join('.') || 'event'}: ${i.message}`).join('; ');

function entryOf(row: EventRow): OutboxEntry {
  const fields = { id: row.id, ticketId: row.ticket_id, type: row.type, at: row.at, actor: row.actor, origin: row.origin };
  let payload: unknown;
  try {
    payload = JSON.parse(row.payload);
  } catch {
    return {
      id: row.id,
      bytes: Buffer.byteLength(JSON.stringify(fields)) + Buffer.byteLength(row.payload),
      event: null,
      problem: 'its content is not valid JSON',
    };
  }
  const raw = { ...fields, payload };
  const bytes = Buffer.byteLength(JSON.stringify(raw));
  const parsed = ticketEventSchema.safeParse(raw);
  return parsed.success
    ? { id: row.id, bytes, event: parsed.data, problem: null }
    : { id: row.id, bytes, event: null, problem: describeIssues(parsed.error.issues) };
}

/**
 * The oldest events still waiting for a durable answer, in the order they were made. An event
 * enters the outbox in the statement after its own, so the outbox's rowid is that order: read so,
 * a batch stops after `limit` rows. Ordered by the event's local_seq, every batch sorted the whole
 * outbox: pushing many tickets made offline slowed down with every batch.
 * Each row is checked, not trusted: an event written by an older or faulty release that this one
 * would refuse comes back as a problem to reject, instead of an exception that stops every push.
 */
export function outboxEntries(db: Db, limit: number): OutboxEntry[] {
  return prepared<[number], EventRow>(
    db,
    `SELECT e.id, e.ticket_id, e.type, e.at, e.actor, e.origin, e.payload
       FROM outbox o JOIN ticket_events e ON e.id = o.event_id
       ORDER BY o.rowid LIMIT ?`,
  )
    .all(limit)
    .map(entryOf);
}

/**
 * Sets an event aside as rejected without the server's answer, through the same path as the
 * server's rejections: it leaves the outbox and stays in the list of refused changes with `refusal`.
 * Returns the tickets touched.
 */
export const rejectLocally = (db: Db, eventId: string, refusal: Refusal): string[] =>
  applyPushResults(db, [{ id: eventId, status: 'rejected', refusal }]);

/**
 * Counts one more time the server failed on this event sent alone; kept in the outbox row, so a
 * restart goes on counting. Returns the count.
 */
export function countServerFailure(db: Db, eventId: string, error: string): number {
  const row = prepared<[string, string], { attempts: number }>(
    db,
    `UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE event_id = ? RETURNING attempts`,
  ).get(error, eventId);
  return row?.attempts ?? 0;
}

/** The event this cache most recently had confirmed: sent again, the server can only answer "duplicate". */
export function newestConfirmedEvent(db: Db): TicketEvent | null {
  const row = prepared<[], EventRow>(
    db,
    `SELECT id, ticket_id, type, at, actor, origin, payload FROM ticket_events
       WHERE server_seq IS NOT NULL ORDER BY server_seq DESC LIMIT 1`,
  ).get();
  return row ? entryOf(row).event : null;
}

import { refusalMessage } from '../../shared/domain/refusal';
import type { PushResult, SequencedEvent } from '../../shared/server-api/sync';
import { eventsStream, writeCursor } from './cursor-store';
import type { Db } from './database';
import { cachesTicket, refoldTicket, storeNewTicket } from './ticket-store';
import { prepared } from './prepared';
import { withReferenceMemo } from './reference-store';

const refoldAll = (db: Db, ticketIds: Iterable<string>) => {
  const ids = [...new Set(ticketIds)];
  for (const id of ids) refoldTicket(db, id);
  return ids;
};

/**
 * Whether a ticket's fold order (confirmed events by server sequence, then pending ones as made)
 * is simply the order its events were stored in: no pending event before a confirmed one, and
 * confirmed events sequenced in the order they were stored.
 */
const foldsInStoredOrder = (db: Db, ticketId: string): boolean =>
  prepared<[string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM ticket_events a JOIN ticket_events b ON b.ticket_id = a.ticket_id AND b.local_seq > a.local_seq
     WHERE a.ticket_id = ? AND a.status != 'rejected' AND b.status != 'rejected'
       AND ((a.status = 'pending' AND b.status = 'confirmed') OR (a.status = 'confirmed' AND b.status = 'confirmed' AND a.server_seq > b.server_seq))`,
  ).get(ticketId)!.n === 0;

const noRefusal = 'reject_reason = NULL, reject_code = NULL, reject_params = NULL';

/**
 * Records the server's answers to one push. Accepted and duplicate events are confirmed with their
 * sequence number; rejected ones keep their refusal and stay visible. Either way the event has a
 * durable answer, so it leaves the outbox — in the same transaction. Returns the tickets touched.
 * A confirmation that leaves the fold order as it was (the usual case: our own events, pushed in
 * the order made) cannot change the ticket, only its count of pending events; only the others are
 * refolded, which halves what a workstation does with the answers to its pushes.
 */
export function applyPushResults(db: Db, results: readonly PushResult[]): string[] {
  return db.transaction(() => {
    const confirm = prepared(
      db,
      `UPDATE ticket_events SET status = 'confirmed', server_seq = ?, ${noRefusal}
      WHERE id = ? AND server_seq IS NULL`,
    );
    const reject = prepared(
      db,
      `UPDATE ticket_events SET status = 'rejected', reject_reason = ?, reject_code = ?, reject_params = ?
      WHERE id = ? AND status = 'pending'`,
    );
    const answered = prepared(db, `DELETE FROM outbox WHERE event_id = ?`);
    const ticketOf = prepared<[string], { ticket_id: string }>(db, `SELECT ticket_id FROM ticket_events WHERE id = ?`);
    const pendingCount = prepared(
      db,
      `UPDATE tickets SET pending_events = (SELECT count(*) FROM ticket_events e WHERE e.ticket_id = tickets.id AND e.status = 'pending') WHERE id = ?`,
    );
    const answeredResults = results.flatMap((result) => {
      const row = ticketOf.get(result.id);
      // Not ours: the server echoed an id we never sent; nothing to update.
      return row ? [{ result, ticketId: row.ticket_id }] : [];
    });
    const touched = [...new Set(answeredResults.map((r) => r.ticketId))];
    const refused = new Set(answeredResults.filter((r) => r.result.status === 'rejected').map((r) => r.ticketId));
    const inOrderBefore = new Set(touched.filter((id) => !refused.has(id) && foldsInStoredOrder(db, id)));
    for (const { result } of answeredResults) {
      if (result.status === 'rejected') {
        const { refusal } = result;
        reject.run(refusalMessage(refusal), refusal.code, JSON.stringify(refusal.params), result.id);
      } else confirm.run(result.seq, result.id);
      answered.run(result.id);
    }
    for (const id of touched) {
      if (inOrderBefore.has(id) && foldsInStoredOrder(db, id)) pendingCount.run(id);
      else refoldTicket(db, id);
    }
    return touched;
  })();
}

/**
 * Stores one pulled page: events from other workstations are added, our own are confirmed (their
 * push answer may have been lost), and the cursor moves — all in one transaction, so a crash
 * leaves either the whole page or none of it. Returns the tickets touched.
 */
export function applyPulledPage(db: Db, events: readonly SequencedEvent[], cursor: number, now: string): string[] {
  return db.transaction(() => {
    const touched = storeConfirmedEvents(db, events);
    writeCursor(db, eventsStream, cursor, now);
    return touched;
  })();
}

/**
 * Stores events the server has (from a pull, a bootstrap page or a ticket's history): new ones are
 * added, our own are confirmed and leave the outbox, and the tickets are refolded. Returns them.
 * A ticket the cache has never held is stored straight from its events (`storeNewTicket`): no
 * outbox entry or local event of it can exist, so there is nothing to merge.
 * Call inside a transaction with whatever cursor the events move.
 */
export function storeConfirmedEvents(db: Db, events: readonly SequencedEvent[]): string[] {
  return withReferenceMemo(db, () => storeGrouped(db, events));
}

function storeGrouped(db: Db, events: readonly SequencedEvent[]): string[] {
  const byTicket = new Map<string, SequencedEvent[]>();
  for (const e of events) {
    const history = byTicket.get(e.event.ticketId);
    if (history) history.push(e);
    else byTicket.set(e.event.ticketId, [e]);
  }
  const known: SequencedEvent[] = [];
  for (const [ticketId, history] of byTicket) {
    if (cachesTicket(db, ticketId)) known.push(...history);
    else
      storeNewTicket(
        db,
        history.toSorted((a, b) => a.seq - b.seq),
      );
  }
  const insert = prepared(
    db,
    `INSERT INTO ticket_events (id, ticket_id, type, at, actor, origin, payload, server_seq, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'confirmed')
     ON CONFLICT (id) DO UPDATE SET server_seq = excluded.server_seq, status = 'confirmed', ${noRefusal}`,
  );
  const answered = prepared(db, `DELETE FROM outbox WHERE event_id = ?`);
  for (const { seq, event } of known) {
    insert.run(event.id, event.ticketId, event.type, event.at, event.actor, event.origin, JSON.stringify(event.payload), seq);
    answered.run(event.id);
  }
  refoldAll(
    db,
    known.map((e) => e.event.ticketId),
  );
  return [...byTicket.keys()];
}

/** Of these tickets, the ones this cache holds events of but not their creation (it never had them whole). */
export function ticketsMissingHistory(db: Db, ticketIds: readonly string[]): string[] {
  const hasCreation = prepared<[string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM ticket_events WHERE ticket_id = ? AND type = 'created'`,
  );
  return [...new Set(ticketIds)].filter((id) => hasCreation.get(id)!.n === 0);
}

export { eventsStream, readCursor } from './cursor-store';

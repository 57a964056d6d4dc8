import type { User } from '../../shared/server-api/auth';
import type { SequencedEvent } from '../../shared/server-api/sync';
import type { Queryable } from '../db/database';
import { type EventRow, eventColumns, sequencedFromRow } from './event-rows';

export async function eventHead(db: Queryable): Promise<number> {
  const [row] = await db.query<{ value: number }>(`SELECT value FROM counters WHERE name = 'event_seq'`);
  return row!.value;
}

/** Units see only tickets dispatched to them; every other role sees the whole centre. */
export const seesAllTickets = (user: User) => user.role !== 'unit';

/**
 * Events after `after`, in sequence order, within the user's scope.
 *
 * The head is read first and the page bounded by it: everything up to the head has committed
 * (sequence order is commit order), so no later page can reveal an event below this cursor.
 * A unit that receives the dispatch of a ticket also receives that ticket's earlier events.
 */
export async function pullEvents(db: Queryable, user: User, after: number, limit: number) {
  const head = await eventHead(db);
  const scoped = !seesAllTickets(user);
  const rows = await db.query<EventRow>(
    `SELECT ${eventColumns()} FROM events
     WHERE seq > $1 AND seq <= $2
       ${scoped ? 'AND ticket_id IN (SELECT id FROM tickets WHERE $4 = ANY (unit_codes))' : ''}
     ORDER BY seq LIMIT $3`,
    scoped ? [after, head, limit, user.unitCode] : [after, head, limit],
  );
  const full = rows.length === limit;
  const cursor = full ? rows[rows.length - 1]!.seq : head;
  let events: SequencedEvent[] = rows.map(sequencedFromRow);

  if (scoped) {
    const dispatchedHere = events.filter(
      (e) => e.event.type === 'dispatched' && e.event.payload.unitCodes.includes(user.unitCode ?? ''),
    );
    if (dispatchedHere.length > 0) {
      const earlier = await db.query<EventRow>(
        `SELECT ${eventColumns('e')} FROM events e
         JOIN unnest($1::uuid[], $2::bigint[]) AS d (ticket_id, seq) ON e.ticket_id = d.ticket_id AND e.seq < d.seq
         WHERE e.seq <= $3`,
        [dispatchedHere.map((e) => e.event.ticketId), dispatchedHere.map((e) => e.seq), after],
      );
      const seen = new Set(events.map((e) => e.seq));
      events = [...earlier.map(sequencedFromRow).filter((e) => !seen.has(e.seq)), ...events].sort((a, b) => a.seq - b.seq);
    }
  }
  return { events, cursor, hasMore: full && cursor < head };
}

import type { User } from '../../shared/server-api/auth';
import type { SequencedEvent } from '../../shared/server-api/sync';
import type { Queryable } from '../db/database';
import { empty, sql } from '../db/sql';
import { seesAllTickets, visibleTo } from '../tickets/visibility';
import { type EventRow, eventColumns, sequencedFromRow } from './event-rows';

export async function eventHead(db: Queryable): Promise<number> {
  const [row] = await db.query<{ value: number }>(sql`SELECT value FROM counters WHERE name = 'event_seq'`);
  return row!.value;
}

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
    sql`SELECT ${eventColumns()} FROM events
        WHERE seq > ${after} AND seq <= ${head}
          ${scoped ? sql`AND ticket_id IN (SELECT id FROM tickets WHERE ${visibleTo(user)})` : empty}
        ORDER BY seq LIMIT ${limit}`,
  );
  const full = rows.length === limit;
  const cursor = full ? rows[rows.length - 1]!.seq : head;
  let events: SequencedEvent[] = rows.map(sequencedFromRow);

  if (scoped) {
    const dispatchedHere = events.filter((e) => e.event.type === 'dispatched' && e.event.payload.unitCodes.includes(user.unitCode ?? ''));
    if (dispatchedHere.length > 0) {
      const ticketIds = dispatchedHere.map((e) => e.event.ticketId);
      const seqs = dispatchedHere.map((e) => e.seq);
      const earlier = await db.query<EventRow>(
        sql`SELECT ${eventColumns('e')} FROM events e
            JOIN unnest(${ticketIds}::uuid[], ${seqs}::bigint[]) AS d (ticket_id, seq) ON e.ticket_id = d.ticket_id AND e.seq < d.seq
            WHERE e.seq <= ${after}`,
      );
      const seen = new Set(events.map((e) => e.seq));
      events = [...earlier.map(sequencedFromRow).filter((e) => !seen.has(e.seq)), ...events].sort((a, b) => a.seq - b.seq);
    }
  }
  return { events, cursor, hasMore: full && cursor < head };
}

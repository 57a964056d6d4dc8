import { type Ticket, ticketSchema, type TicketStatus } from '../../shared/domain/ticket';
import type { User } from '../../shared/server-api/auth';
import type { SequencedEvent } from '../../shared/server-api/sync';
import type { Queryable } from '../db/database';
import { sql } from '../db/sql';
import { type EventRow, eventColumns, sequencedFromRow } from '../events/event-rows';
import { visibleTo } from './visibility';

const order = { newest: sql`ORDER BY updated_at DESC, id`, oldest: sql`ORDER BY updated_at, id` } as const;

/** Tickets `user` may see, optionally of one status, the most (or least) recently changed first. */
export async function visibleTickets(
  db: Queryable,
  user: User,
  query: { status?: TicketStatus | undefined; limit: number; first: keyof typeof order },
): Promise<Ticket[]> {
  const status = query.status ?? null;
  const rows = await db.query<{ state: unknown }>(
    sql`SELECT state FROM tickets WHERE (${status}::text IS NULL OR status = ${status}) AND ${visibleTo(user)}
        ${order[query.first]} LIMIT ${query.limit}`,
  );
  return rows.map((r) => ticketSchema.parse(r.state));
}

/** One ticket if `user` may see it; null when it does not exist or is outside their scope. */
export async function visibleTicket(db: Queryable, user: User, id: string): Promise<Ticket | null> {
  const [row] = await db.query<{ state: unknown }>(sql`SELECT state FROM tickets WHERE id = ${id} AND ${visibleTo(user)}`);
  return row ? ticketSchema.parse(row.state) : null;
}

/** A ticket's whole history, in sequence order. */
export async function ticketEvents(db: Queryable, id: string): Promise<SequencedEvent[]> {
  const rows = await db.query<EventRow>(sql`SELECT ${eventColumns()} FROM events WHERE ticket_id = ${id} ORDER BY seq`);
  return rows.map(sequencedFromRow);
}

/**
 * A ticket whatever the reader's scope: for answering the one who just changed it (a unit that
 * returns a ticket leaves its scope with that very change).
 */
export async function ticketById(db: Queryable, id: string): Promise<Ticket | null> {
  const [row] = await db.query<{ state: unknown }>(sql`SELECT state FROM tickets WHERE id = ${id}`);
  return row ? ticketSchema.parse(row.state) : null;
}

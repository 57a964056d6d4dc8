import { type Ticket, type TicketEvent, ticketEventSchema } from '../../shared/domain/ticket';
import type { SequencedEvent } from '../../shared/server-api/sync';
import type { Queryable } from '../db/database';

export interface EventRow {
  seq: number;
  id: string;
  ticket_id: string;
  type: string;
  at: Date;
  actor: string;
  origin: string;
  payload: unknown;
}

/** The columns `sequencedFromRow` reads, qualified by a table alias when the query joins. */
export const eventColumns = (alias = 'events') =>
  ['seq', 'id', 'ticket_id', 'type', 'at', 'actor', 'origin', 'payload'].map((c) => `${alias}.${c}`).join(', ');

export const sequencedFromRow = (row: EventRow): SequencedEvent => ({
  seq: row.seq,
  event: ticketEventSchema.parse({
    id: row.id,
    ticketId: row.ticket_id,
    type: row.type,
    at: row.at.toISOString(),
    actor: row.actor,
    origin: row.origin,
    payload: row.payload,
  }),
});

/** Appends events in one statement, whatever their number. */
export async function insertEvents(db: Queryable, rows: { seq: number; event: TicketEvent; userId: string | null }[]) {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO events (seq, id, ticket_id, type, at, actor, origin, payload, user_id)
     SELECT seq, id, ticket_id, type, at, actor, origin, payload::jsonb, user_id
     FROM unnest($1::bigint[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::uuid[])
       AS t (seq, id, ticket_id, type, at, actor, origin, payload, user_id)`,
    [
      rows.map((r) => r.seq),
      rows.map((r) => r.event.id),
      rows.map((r) => r.event.ticketId),
      rows.map((r) => r.event.type),
      rows.map((r) => r.event.at),
      rows.map((r) => r.event.actor),
      rows.map((r) => r.event.origin),
      rows.map((r) => JSON.stringify(r.event.payload)),
      rows.map((r) => r.userId),
    ],
  );
}

/** Writes the folded state of tickets in one statement (insert or replace). */
export async function upsertTickets(db: Queryable, tickets: { ticket: Ticket; lastSeq: number }[]) {
  if (tickets.length === 0) return;
  const f = (pick: (t: Ticket) => unknown) => tickets.map(({ ticket }) => pick(ticket) ?? null);
  await db.query(
    `INSERT INTO tickets (id, official_no, provisional_no, status, request_type, category, urgency, district_code,
       street_code, caller_phone, unit_codes, created_at, updated_at, last_seq, state)
     SELECT id, official_no, provisional_no, status, request_type, category, urgency, district_code, street_code,
       caller_phone, ARRAY(SELECT jsonb_array_elements_text(unit_codes::jsonb)), created_at, updated_at, last_seq, state::jsonb
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
       $10::text[], $11::text[], $12::timestamptz[], $13::timestamptz[], $14::bigint[], $15::text[])
       AS t (id, official_no, provisional_no, status, request_type, category, urgency, district_code, street_code,
         caller_phone, unit_codes, created_at, updated_at, last_seq, state)
     ON CONFLICT (id) DO UPDATE SET official_no = excluded.official_no, status = excluded.status,
       request_type = excluded.request_type, category = excluded.category, urgency = excluded.urgency,
       district_code = excluded.district_code, street_code = excluded.street_code, caller_phone = excluded.caller_phone,
       unit_codes = excluded.unit_codes, updated_at = excluded.updated_at, last_seq = excluded.last_seq, state = excluded.state`,
    [
      f((t) => t.id),
      f((t) => t.officialNo),
      f((t) => t.provisionalNo),
      f((t) => t.status),
      f((t) => t.fields.requestType),
      f((t) => t.fields.category),
      f((t) => t.fields.urgency),
      f((t) => t.fields.districtCode),
      f((t) => t.fields.streetCode),
      f((t) => t.fields.callerPhone),
      f((t) => JSON.stringify(t.unitCodes)),
      f((t) => t.createdAt),
      f((t) => t.updatedAt),
      tickets.map((t) => t.lastSeq),
      f((t) => JSON.stringify(t)),
    ],
  );
}

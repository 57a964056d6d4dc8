import { phoneKey } from '../../shared/domain/phone';
import { type Ticket, type TicketEvent, storedTicketEventSchema } from '../../shared/domain/ticket';
import type { SequencedEvent } from '../../shared/server-api/sync';
import type { Queryable } from '../db/database';
import { type SqlFragment, type SqlScalar, constant, empty, join, sql } from '../db/sql';
import { referenceLookup } from '../reference/reference-store';
import { type ReferenceBody, slaClock, slaPolicyFrom, slaReferenceKinds } from '../../shared/domain/sla';

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
export const eventColumns = (alias: 'events' | 'e' = 'events'): SqlFragment =>
  join((['seq', 'id', 'ticket_id', 'type', 'at', 'actor', 'origin', 'payload'] as const).map((c) => constant(`${alias}.${c}`)));

export const sequencedFromRow = (row: EventRow): SequencedEvent => ({
  seq: row.seq,
  event: storedTicketEventSchema.parse({
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
  const f = (pick: (row: (typeof rows)[number]) => SqlScalar) => rows.map(pick);
  await db.query(
    sql`INSERT INTO events (seq, id, ticket_id, type, at, actor, origin, payload, user_id)
     SELECT seq, id, ticket_id, type, at, actor, origin, payload::jsonb, user_id
     FROM unnest(${f((r) => r.seq)}::bigint[], ${f((r) => r.event.id)}::uuid[], ${f((r) => r.event.ticketId)}::uuid[],
       ${f((r) => r.event.type)}::text[], ${f((r) => r.event.at)}::timestamptz[], ${f((r) => r.event.actor)}::text[],
       ${f((r) => r.event.origin)}::text[], ${f((r) => JSON.stringify(r.event.payload))}::text[], ${f((r) => r.userId)}::uuid[])
       AS t (seq, id, ticket_id, type, at, actor, origin, payload, user_id)`,
  );
}

/** The SLA policies, categories' classes and calendar days, read once per write: a few hundred rows. */
const referenceBodies = (db: Queryable): Promise<ReferenceBody> => referenceLookup(db, slaReferenceKinds);

/** The running clock's columns: stage, start and deadline (all null when none runs); `timeZone` is the centre's. */
export function deadlineColumns(ticket: Ticket, body: ReferenceBody, timeZone: string) {
  const policy = slaPolicyFrom(ticket, body, timeZone);
  const clock = policy ? slaClock(ticket, policy, new Date()) : null;
  return { stage: clock?.stage ?? null, startedAt: clock?.startedAt ?? null, dueAt: clock?.dueAt ?? null, known: policy !== null };
}

/** Writes the folded state of tickets in one statement (insert or replace), with their deadlines. */
export async function upsertTickets(db: Queryable, tickets: { ticket: Ticket; lastSeq: number }[], timeZone: string) {
  if (tickets.length === 0) return;
  const body = await referenceBodies(db);
  const deadlines = tickets.map(({ ticket }) => deadlineColumns(ticket, body, timeZone));
  const f = (pick: (t: Ticket) => SqlScalar | undefined) => tickets.map(({ ticket }) => pick(ticket) ?? null);
  await db.query(
    sql`INSERT INTO tickets (id, official_no, provisional_no, status, request_type, category, urgency, district_code,
       street_code, caller_phone, caller_phone_key, unit_codes, created_at, updated_at, last_seq, state,
       lead_unit, created_by, due_stage, due_started_at, due_at, deadline_known)
     SELECT id, official_no, provisional_no, status, request_type, category, urgency, district_code, street_code,
       caller_phone, caller_phone_key, ARRAY(SELECT jsonb_array_elements_text(unit_codes::jsonb)), created_at, updated_at, last_seq, state::jsonb,
       lead_unit, created_by, due_stage, due_started_at, due_at, deadline_known
     FROM unnest(${f((t) => t.id)}::uuid[], ${f((t) => t.officialNo)}::text[], ${f((t) => t.provisionalNo)}::text[],
       ${f((t) => t.status)}::text[], ${f((t) => t.fields.requestType)}::text[], ${f((t) => t.fields.category)}::text[],
       ${f((t) => t.fields.urgency)}::text[], ${f((t) => t.fields.districtCode)}::text[], ${f((t) => t.fields.streetCode)}::text[],
       ${f((t) => t.fields.callerPhone)}::text[], ${f((t) => phoneKey(t.fields.callerPhone))}::text[],
       ${f((t) => JSON.stringify(t.unitCodes))}::text[],
       ${f((t) => t.createdAt)}::timestamptz[],
       ${f((t) => t.updatedAt)}::timestamptz[], ${tickets.map((t) => t.lastSeq)}::bigint[], ${f((t) => JSON.stringify(t))}::text[],
       ${f((t) => t.leadUnitCode)}::text[], ${f((t) => t.createdBy)}::text[], ${deadlines.map((d) => d.stage)}::text[],
       ${deadlines.map((d) => d.startedAt)}::timestamptz[], ${deadlines.map((d) => d.dueAt)}::timestamptz[],
       ${deadlines.map((d) => d.known)}::boolean[])
       AS t (id, official_no, provisional_no, status, request_type, category, urgency, district_code, street_code,
         caller_phone, caller_phone_key, unit_codes, created_at, updated_at, last_seq, state,
         lead_unit, created_by, due_stage, due_started_at, due_at, deadline_known)
     ON CONFLICT (id) DO UPDATE SET official_no = excluded.official_no, status = excluded.status,
       request_type = excluded.request_type, category = excluded.category, urgency = excluded.urgency,
       district_code = excluded.district_code, street_code = excluded.street_code, caller_phone = excluded.caller_phone,
       caller_phone_key = excluded.caller_phone_key, unit_codes = excluded.unit_codes, updated_at = excluded.updated_at, last_seq = excluded.last_seq, state = excluded.state,
       lead_unit = excluded.lead_unit, due_stage = excluded.due_stage, due_started_at = excluded.due_started_at,
       due_at = excluded.due_at, deadline_known = excluded.deadline_known`,
  );
}

/**
 * Open tickets whose deadline was never worked out (written before the monitor, or before the
 * SLA policies arrived) get it now; run at start-up, a page at a time.
 */
export const fillMissingDeadlines = (db: Queryable, timeZone: string, page = 1000): Promise<number> =>
  recomputeDeadlines(db, timeZone, sql`NOT deadline_known AND status <> 'closed'`, page);

/**
 * Every open ticket's deadline worked out again from the reference data as it is now: after the
 * time limits, the working calendar or the centre's zone changed (a holiday added moves the
 * deadlines that run across it). Returns how many were written; those without a policy are left.
 */
export const refreshOpenDeadlines = (db: Queryable, timeZone: string, page = 1000): Promise<number> =>
  recomputeDeadlines(db, timeZone, sql`status <> 'closed'`, page);

async function recomputeDeadlines(db: Queryable, timeZone: string, which: SqlFragment, page: number): Promise<number> {
  const body = await referenceBodies(db);
  let written = 0;
  for (let after: string | null = null; ;) {
    const rows: { id: string; state: Ticket }[] = await db.query<{ id: string; state: Ticket }>(
      sql`SELECT id, state FROM tickets WHERE ${which} ${after === null ? empty : sql`AND id > ${after}::uuid`} ORDER BY id LIMIT ${page}`,
    );
    const known = rows.map((r) => ({ id: r.id, ...deadlineColumns(r.state, body, timeZone) })).filter((d) => d.known);
    if (known.length > 0) {
      await db.query(
        sql`UPDATE tickets SET due_stage = d.stage, due_started_at = d.started_at, due_at = d.due_at, deadline_known = true
         FROM unnest(${known.map((d) => d.id)}::uuid[], ${known.map((d) => d.stage)}::text[],
           ${known.map((d) => d.startedAt)}::timestamptz[], ${known.map((d) => d.dueAt)}::timestamptz[])
           AS d (id, stage, started_at, due_at)
         WHERE tickets.id = d.id`,
      );
    }
    written += known.length;
    // Tickets without a policy stay unknown until the policies arrive, at a later start.
    if (rows.length < page) return written;
    after = rows[rows.length - 1]!.id;
  }
}

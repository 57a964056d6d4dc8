import { type Ticket, type TicketEvent, storedTicketEventSchema, ticketSchema } from '../../shared/domain/ticket';
import { applyEvent, foldTicket } from '../../shared/domain/ticket-fold';
import { type Rejection, type TicketSummary, type TimelineEntry, timelineEntrySchema } from '../../shared/contract/tickets';
import type { SequencedEvent } from '../../shared/server-api/sync';
import { type Refusal, refusalSchema } from '../../shared/domain/refusal';
import { refusedChange } from '../../shared/result';
import { phoneKey } from '../../shared/domain/phone';
import { queueRank, workListOf } from '../../shared/domain/work-list';
import type { Db } from './database';
import { deadlineOf } from './routing-store';
import { indexTicket, type SearchDocument, searchDocumentOf } from './search-index';
import { prepared } from './prepared';

export interface EventRow {
  id: string;
  ticket_id: string;
  type: string;
  at: string;
  actor: string;
  origin: string;
  payload: string;
}

export interface TicketRow {
  id: string;
  provisional_no: string;
  official_no: string | null;
  status: string;
  request_type: string;
  category: string | null;
  caller_phone: string | null;
  caller_name: string | null;
  district_code: string | null;
  street_code: string | null;
  lead_unit_code: string | null;
  description: string;
  created_at: string;
  updated_at: string;
  pending_events: number;
  follow_ups: number;
  due_stage: 'dispatch' | 'feedback' | null;
  due_started_at: string | null;
  due_at: string | null;
}

/** The columns a summary is made of; `t` is the tickets table. */
export const summaryColumns = `t.id, t.provisional_no, t.official_no, t.status, t.request_type, t.category, t.caller_phone,
  t.caller_name, t.district_code, t.street_code, t.lead_unit_code, t.description,
  t.created_at, t.updated_at, t.pending_events, coalesce(json_array_length(t.state, '$.followUps'), 0) AS follow_ups,
  t.due_stage, t.due_started_at, t.due_at`;

export const eventFromRow = (row: EventRow): TicketEvent =>
  storedTicketEventSchema.parse({
    id: row.id,
    ticketId: row.ticket_id,
    type: row.type,
    at: row.at,
    actor: row.actor,
    origin: row.origin,
    payload: JSON.parse(row.payload),
  });

export const summaryFromRow = (row: TicketRow): TicketSummary => ({
  id: row.id,
  provisionalNo: row.provisional_no,
  officialNo: row.official_no,
  status: ticketSchema.shape.status.parse(row.status),
  requestType: row.request_type,
  category: row.category,
  description: row.description,
  callerPhone: row.caller_phone,
  callerName: row.caller_name,
  districtCode: row.district_code,
  streetCode: row.street_code,
  leadUnitCode: row.lead_unit_code,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  pendingEvents: row.pending_events,
  followUps: row.follow_ups,
  deadline:
    row.due_stage && row.due_started_at && row.due_at ? { stage: row.due_stage, startedAt: row.due_started_at, dueAt: row.due_at } : null,
});

/** Summaries of the given tickets, in the order of the ids. */
export function summariesOf(db: Db, ids: readonly string[]): TicketSummary[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare<string[], TicketRow>(`SELECT ${summaryColumns} FROM tickets t WHERE t.id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [summaryFromRow(row)] : [];
  });
}

/** Confirmed events in server order, then this workstation's pending ones in the order made. */
function eventsOf(db: Db, ticketId: string): TicketEvent[] {
  const rows = prepared<[string], EventRow>(
    db,
    `SELECT id, ticket_id, type, at, actor, origin, payload FROM ticket_events
       WHERE ticket_id = ? AND status != 'rejected'
       ORDER BY server_seq IS NULL, server_seq, local_seq`,
  ).all(ticketId);
  return rows.map(eventFromRow);
}

/** What a projection write needs beyond the ticket; a ticket first stored whole knows both without asking. */
interface ProjectionFacts {
  pendingEvents: number;
  search: SearchDocument | undefined;
}

const projectionFactsOf = (db: Db, ticketId: string): ProjectionFacts => ({
  pendingEvents: prepared<[string], { n: number }>(
    db,
    `SELECT count(*) AS n FROM ticket_events WHERE ticket_id = ? AND status = 'pending'`,
  ).get(ticketId)!.n,
  search: searchDocumentOf(db, ticketId),
});

function writeProjection(db: Db, ticket: Ticket, facts: ProjectionFacts = projectionFactsOf(db, ticket.id)): void {
  const f = ticket.fields;
  const deadline = deadlineOf(db, ticket);
  prepared(
    db,
    `INSERT INTO tickets (id, provisional_no, official_no, status, request_type, category, caller_phone,
       phone_key, caller_name, district_code, street_code, description, created_at, updated_at, pending_events, state,
       due_stage, due_started_at, due_at, work_list, queue_rank, lead_unit_code)
     VALUES (@id, @provisionalNo, @officialNo, @status, @requestType, @category, @callerPhone,
       @phoneKey, @callerName, @districtCode, @streetCode, @description, @createdAt, @updatedAt, @pending, @state,
       @dueStage, @dueStartedAt, @dueAt, @workList, @queueRank, @leadUnitCode)
     ON CONFLICT (id) DO UPDATE SET official_no = excluded.official_no, status = excluded.status,
       request_type = excluded.request_type, category = excluded.category, caller_phone = excluded.caller_phone,
       phone_key = excluded.phone_key, caller_name = excluded.caller_name, district_code = excluded.district_code, street_code = excluded.street_code,
       description = excluded.description, updated_at = excluded.updated_at,
       pending_events = excluded.pending_events, state = excluded.state,
       due_stage = excluded.due_stage, due_started_at = excluded.due_started_at, due_at = excluded.due_at,
       work_list = excluded.work_list, queue_rank = excluded.queue_rank, lead_unit_code = excluded.lead_unit_code`,
  ).run({
    id: ticket.id,
    provisionalNo: ticket.provisionalNo,
    officialNo: ticket.officialNo,
    status: ticket.status,
    requestType: f.requestType,
    category: f.category ?? null,
    callerPhone: f.callerPhone ?? null,
    phoneKey: phoneKey(f.callerPhone),
    callerName: f.callerName ?? null,
    districtCode: f.districtCode ?? null,
    streetCode: f.streetCode ?? null,
    description: f.description,
    createdAt: ticket.createdAt,
    updatedAt: ticket.updatedAt,
    pending: facts.pendingEvents,
    state: JSON.stringify(ticket),
    dueStage: deadline?.stage ?? null,
    dueStartedAt: deadline?.startedAt ?? null,
    dueAt: deadline?.dueAt ?? null,
    workList: workListOf(ticket),
    queueRank: queueRank(ticket, deadline?.dueAt),
    leadUnitCode: ticket.leadUnitCode,
  });
  if (facts.search) indexTicket(db, ticket, facts.search);
}

export function getTicket(db: Db, id: string): Ticket | null {
  const row = prepared<[string], { state: string }>(db, `SELECT state FROM tickets WHERE id = ?`).get(id);
  return row ? ticketSchema.parse(JSON.parse(row.state)) : null;
}

/**
 * The one way a local ticket change is written (docs/architecture.md, *Tickets are an event log*): the event, its outbox entry and
 * the refolded projection commit together or not at all. An event that does not apply to the
 * ticket as this workstation sees it is refused and nothing is written.
 * Call inside `db.transaction` when other writes must commit with it.
 */
export function recordEvent(db: Db, event: TicketEvent, now: string): Ticket {
  return db.transaction(() => {
    const applied = applyEvent(getTicket(db, event.ticketId), event);
    if (!applied.ok) throw refusedChange(applied.refusal);
    prepared(
      db,
      `INSERT INTO ticket_events (id, ticket_id, type, at, actor, origin, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ).run(event.id, event.ticketId, event.type, event.at, event.actor, event.origin, JSON.stringify(event.payload));
    prepared(db, `INSERT INTO outbox (event_id, enqueued_at) VALUES (?, ?)`).run(event.id, now);
    return refoldTicket(db, event.ticketId)!;
  })();
}

/**
 * Rebuilds one ticket's projection from its events (after local writes or server answers):
 * confirmed events in server order with this workstation's pending ones on top.
 * Null when the cache holds no creation event for it (nothing to show yet).
 */
export function refoldTicket(db: Db, ticketId: string): Ticket | null {
  const { ticket } = foldTicket(eventsOf(db, ticketId));
  if (ticket) writeProjection(db, ticket);
  return ticket;
}

/**
 * Stores a ticket this cache has never held, from its whole confirmed history in server order
 * (a bootstrap page): the events are inserted and the ticket folded from them in memory, without
 * reading back what was just written. Eight of ten statements a refold runs are skipped, which is
 * most of a bootstrap's time. Null when the history does not make a ticket (no creation event).
 */
export function storeNewTicket(db: Db, history: readonly SequencedEvent[]): Ticket | null {
  const insert = prepared(
    db,
    `INSERT INTO ticket_events (id, ticket_id, type, at, actor, origin, payload, server_seq, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'confirmed')`,
  );
  let search: SearchDocument | undefined;
  for (const { seq, event } of history) {
    const { lastInsertRowid } = insert.run(
      event.id,
      event.ticketId,
      event.type,
      event.at,
      event.actor,
      event.origin,
      JSON.stringify(event.payload),
      seq,
    );
    if (event.type === 'created' && !search) search = { rowid: Number(lastInsertRowid), isNew: true };
  }
  const { ticket } = foldTicket(history.map((e) => e.event));
  if (ticket) writeProjection(db, ticket, { pendingEvents: 0, search });
  return ticket;
}

/** Whether the cache holds any event of this ticket. */
export const cachesTicket = (db: Db, ticketId: string): boolean =>
  prepared<[string], { n: number }>(db, `SELECT count(*) AS n FROM (SELECT 1 FROM ticket_events WHERE ticket_id = ? LIMIT 1)`).get(
    ticketId,
  )!.n > 0;

export function recentTickets(db: Db, limit: number): TicketSummary[] {
  return db
    .prepare<[number], TicketRow>(`SELECT ${summaryColumns} FROM tickets t ORDER BY t.updated_at DESC, t.id DESC LIMIT ?`)
    .all(limit)
    .map(summaryFromRow);
}

/** The next number of a named per-workstation sequence, starting at 1. */
export function nextInSequence(db: Db, name: string): number {
  return prepared<[string], { value: number }>(
    db,
    `INSERT INTO counters (name, value) VALUES (?, 1)
       ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value`,
  ).get(name)!.value;
}

export const outboxSize = (db: Db): number => prepared<[], { n: number }>(db, `SELECT count(*) AS n FROM outbox`).get()!.n;

export const openRejectionCount = (db: Db): number =>
  prepared<[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM ticket_events WHERE status = 'rejected' AND id NOT IN (SELECT event_id FROM dismissed_rejections)`,
  ).get()!.n;

type StoredRefusal = { reject_reason: string | null; reject_code: string | null; reject_params: string | null };

/**
 * A stored refusal, checked: a row a faulty release left without a readable code still shows the
 * words it has, as a legacy refusal, rather than failing the whole list.
 */
function refusalOf(row: StoredRefusal): Refusal {
  let params: unknown = null;
  try {
    params = row.reject_params === null ? null : JSON.parse(row.reject_params);
  } catch {
    // Unreadable parameters fall through to the legacy form below.
  }
  const parsed = refusalSchema.safeParse({ code: row.reject_code, params });
  return parsed.success ? parsed.data : { code: 'legacy', params: { reason: row.reject_reason ?? '' } };
}

/** Events the server refused and nobody has dismissed yet, newest first. */
export function openRejections(db: Db): Rejection[] {
  type Row = { event_id: string; ticket_id: string; provisional_no: string | null; official_no: string | null; type: string; at: string };
  return prepared<[], Row & StoredRefusal>(
    db,
    `SELECT e.id AS event_id, e.ticket_id, t.provisional_no, t.official_no, e.type, e.at,
         e.reject_reason, e.reject_code, e.reject_params
       FROM ticket_events e LEFT JOIN tickets t ON t.id = e.ticket_id
       WHERE e.status = 'rejected' AND e.id NOT IN (SELECT event_id FROM dismissed_rejections)
       ORDER BY e.local_seq DESC`,
  )
    .all()
    .map((r) => {
      const { event_id: eventId, ticket_id: ticketId, provisional_no: provisionalNo, official_no: officialNo, type, at } = r;
      return { eventId, ticketId, provisionalNo, officialNo, type, at, refusal: refusalOf(r) };
    });
}

/** A refused event nobody has dismissed yet, or null. */
export function openRejectedEvent(db: Db, eventId: string): TicketEvent | null {
  const row = prepared<[string], EventRow>(
    db,
    `SELECT id, ticket_id, type, at, actor, origin, payload FROM ticket_events
       WHERE id = ? AND status = 'rejected' AND id NOT IN (SELECT event_id FROM dismissed_rejections)`,
  ).get(eventId);
  return row ? eventFromRow(row) : null;
}

export function dismissRejection(db: Db, eventId: string, by: string, now: string): boolean {
  return (
    prepared(
      db,
      `INSERT INTO dismissed_rejections (event_id, dismissed_at, dismissed_by)
         SELECT id, ?, ? FROM ticket_events WHERE id = ? AND status = 'rejected'
         ON CONFLICT (event_id) DO NOTHING`,
    ).run(now, by, eventId).changes > 0
  );
}

/** The newest server sequence number this cache holds for a ticket (0 if none is confirmed yet). */
export const lastConfirmedSeq = (db: Db, ticketId: string): number =>
  prepared<[string], { seq: number | null }>(db, `SELECT max(server_seq) AS seq FROM ticket_events WHERE ticket_id = ?`).get(ticketId)!
    .seq ?? 0;

/** A ticket's events for its timeline: confirmed in server order, then pending, refused ones marked. */
export function timelineOf(db: Db, ticketId: string): TimelineEntry[] {
  type Row = EventRow & { status: TimelineEntry['status'] } & StoredRefusal;
  return prepared<[string], Row>(
    db,
    `SELECT id, ticket_id, type, at, actor, origin, payload, status,
         reject_reason, reject_code, reject_params
       FROM ticket_events
       WHERE ticket_id = ? ORDER BY server_seq IS NULL, server_seq, local_seq`,
  )
    .all(ticketId)
    .map((r) => {
      const payload = timelineEntrySchema.shape.payload.parse(JSON.parse(r.payload));
      const refusal = r.status === 'rejected' ? refusalOf(r) : null;
      return { id: r.id, type: r.type, at: r.at, actor: r.actor, status: r.status, payload, refusal };
    });
}

import { v7 } from 'uuid';
import {
  type Ticket,
  type TicketEvent,
  serverOnlyEventTypes,
  ticketEventSchema,
  leadEventTypes,
  ticketSchema,
  unitEventTypes,
} from '../../shared/domain/ticket';
import { type Refusal, refusalMessage } from '../../shared/domain/refusal';
import { applyEvent } from '../../shared/domain/ticket-fold';
import type { User } from '../../shared/server-api/auth';
import type { PushResult } from '../../shared/server-api/sync';
import type { Database, Queryable } from '../db/database';
import { anyOf, sql } from '../db/sql';
import { clockProblem, knownReferences, unknownReference, unsafeText } from './event-checks';
import { urgeChecks } from './urge-check';
import { insertEvents, upsertTickets } from './event-rows';
import { allocateOfficialNumbers } from './official-number';

export const eventsChannel = 'hotline_events';

export interface PushOptions {
  /**
   * Who pushes. `system` is the server's own trusted code (demo seed, simulated units): its events
   * may carry any actor and are stored without a user.
   */
  user: User | 'system';
  /**
   * The server's own code replaying what happened at the times it happened (the demo seed pushes
   * as its agents): event times are not held against the clock. Never set for a request.
   */
  replay?: boolean;
  /** The server's clock, for checking event times; now, unless a test says otherwise. */
  now?: Date;
  timeZone: string;
  /** When a `created` event counts as accepted (its official number's date); now, unless importing history. */
  acceptedAt?: (event: TicketEvent) => Date;
}

const pathOf = (issue: { path: PropertyKey[] }) => issue.path.map(String).join('.') || 'event';

/** An event its schema refuses: the first field at fault, and every issue in English for the log. */
function malformed(error: { issues: { path: PropertyKey[]; message: string }[] }): Refusal {
  const detail = error.issues.map((i) => `${pathOf(i)}: ${i.message}`).join('; ');
  return { code: 'malformed', params: { path: error.issues[0] ? pathOf(error.issues[0]) : 'event', detail } };
}

/** Why this user may not push this event, or null. The fold checks the transition itself. */
function refusal(event: TicketEvent, user: User | 'system'): Refusal | null {
  if (serverOnlyEventTypes.includes(event.type)) return { code: 'server_only', params: { eventType: event.type } };
  if (user === 'system') return null;
  if (event.actor !== user.username) return { code: 'actor_mismatch', params: { actor: event.actor, user: user.username } };
  const byUnit = unitEventTypes.includes(event.type);
  if (byUnit && user.role !== 'unit') return { code: 'unit_event', params: { eventType: event.type, role: user.role } };
  if (leadEventTypes.includes(event.type) && user.role !== 'lead' && user.role !== 'admin') {
    return { code: 'lead_event', params: { eventType: event.type, role: user.role } };
  }
  if (user.role === 'unit') {
    if (!byUnit) return { code: 'hotline_event', params: { eventType: event.type } };
    const unitCode = (event.payload as { unitCode: string }).unitCode;
    if (unitCode !== user.unitCode) return { code: 'other_unit', params: { unitCode, ownUnit: user.unitCode ?? null } };
  }
  return null;
}

/**
 * Stores a batch of workstation events (docs/architecture.md, *Sync guarantees*). Every event gets an answer: accepted with
 * its sequence number, duplicate (already stored, with the number it got), or rejected with a refusal.
 *
 * Sequence numbers are handed out under a row lock on the counter that is held until commit, so
 * batches commit in sequence order: a reader that has seen N has seen everything below N.
 * Each accepted `created` event gets a server `numbered` event with the official number; these
 * follow the batch's own events.
 */
/** An event as the server makes one for a unit or an import: pushEvents checks it like any other. */
export interface EventDraft {
  id: string;
  ticketId: string;
  type: TicketEvent['type'];
  at: string;
  actor: string;
  origin: string;
  payload: Record<string, unknown>;
}

export async function pushEvents(db: Database, rawEvents: readonly unknown[], options: PushOptions) {
  const acceptedAt = options.acceptedAt ?? (() => new Date());
  // Parsed before the transaction: the sequence lock is held only for the database work.
  const parsed = rawEvents.map((raw) => ticketEventSchema.safeParse(raw));
  const valid = parsed.flatMap((p) => (p.success ? [p.data] : []));
  // People's workstations are held to the clock and the reference data; the server's own code is trusted.
  const checked = options.user !== 'system';
  const now = options.now ?? new Date();
  const references = checked ? await knownReferences(db, valid) : new Set<string>();
  const urgeProblem = await urgeChecks(db, valid, options.timeZone);
  const contentProblem = (event: TicketEvent) =>
    unsafeText(event) ??
    (checked && !options.replay ? clockProblem(event, now) : null) ??
    (checked ? unknownReference(event, references) : null);
  return db.transaction(async (tx) => {
    const [counter] = await tx.query<{ value: number }>(sql`SELECT value FROM counters WHERE name = 'event_seq' FOR UPDATE`);
    let seq = counter!.value;

    const known = await knownEvents(
      tx,
      valid.map((e) => e.id),
    );
    const tickets = await ticketStates(tx, [...new Set(valid.map((e) => e.ticketId))]);
    const laterEdits = await editsAfterBase(tx, valid);
    const takenNumbers = await provisionalNumbersTaken(tx, valid);

    const results: PushResult[] = [];
    const rows: { seq: number; event: TicketEvent; userId: string | null }[] = [];
    const changed = new Map<string, { ticket: Ticket; lastSeq: number }>();
    const accepted: TicketEvent[] = [];

    const append = (event: TicketEvent, ticket: Ticket, userId: string | null) => {
      seq += 1;
      rows.push({ seq, event, userId });
      tickets.set(ticket.id, ticket);
      changed.set(ticket.id, { ticket, lastSeq: seq });
      return seq;
    };

    for (const [index, result] of parsed.entries()) {
      if (!result.success) {
        const raw = rawEvents[index];
        const id = typeof raw === 'object' && raw !== null && 'id' in raw ? raw.id : undefined;
        results.push({ id: typeof id === 'string' ? id : `#${index}`, status: 'rejected', refusal: malformed(result.error) });
        continue;
      }
      const event = result.data;
      const storedSeq = known.get(event.id);
      if (storedSeq !== undefined) {
        results.push({ id: event.id, status: 'duplicate', seq: storedSeq });
        continue;
      }
      const refused =
        refusal(event, options.user) ??
        contentProblem(event) ??
        overwrites(event, laterEdits.get(event.ticketId) ?? []) ??
        numberTaken(event, takenNumbers) ??
        urgeProblem(event, tickets.get(event.ticketId));
      const applied = refused ? { ok: false as const, refusal: refused } : applyEvent(tickets.get(event.ticketId) ?? null, event);
      if (!applied.ok) {
        results.push({ id: event.id, status: 'rejected', refusal: applied.refusal });
        continue;
      }
      const eventSeq = append(event, applied.ticket, options.user === 'system' ? null : options.user.id);
      known.set(event.id, eventSeq);
      results.push({ id: event.id, status: 'accepted', seq: eventSeq });
      if (event.type === 'created') accepted.push(event);
    }

    const times = accepted.map(acceptedAt);
    const numbers = await allocateOfficialNumbers(tx, times, options.timeZone);
    accepted.forEach((created, i) => {
      const numbered: TicketEvent = {
        id: v7(),
        ticketId: created.ticketId,
        type: 'numbered',
        at: times[i]!.toISOString(),
        actor: 'server',
        origin: 'server',
        payload: { officialNo: numbers[i]! },
      };
      const withNumber = applyEvent(tickets.get(created.ticketId)!, numbered);
      if (!withNumber.ok) throw new Error(`numbering failed: ${refusalMessage(withNumber.refusal)}`);
      append(numbered, withNumber.ticket, null);
    });

    if (rows.length > 0) {
      await insertEvents(tx, rows);
      await upsertTickets(tx, [...changed.values()], options.timeZone);
      await tx.query(sql`UPDATE counters SET value = ${seq} WHERE name = 'event_seq'`);
      // Delivered only if this transaction commits: a wake-up for every server process's live clients.
      await tx.query(sql`SELECT pg_notify(${eventsChannel}, ${String(seq)})`);
    }
    return { results, head: seq };
  });
}

/** Provisional numbers of the batch's new tickets that other tickets already have. */
async function provisionalNumbersTaken(db: Queryable, events: readonly TicketEvent[]): Promise<Map<string, string>> {
  const wanted = events.flatMap((e) => (e.type === 'created' ? [e.payload.provisionalNo] : []));
  if (wanted.length === 0) return new Map();
  const rows = await db.query<{ provisional_no: string; id: string }>(
    sql`SELECT provisional_no, id FROM tickets WHERE provisional_no = ${anyOf(wanted, 'text')}`,
  );
  return new Map(rows.map((r) => [r.provisional_no, r.id]));
}

/**
 * Two workstations with one code would hand out the same provisional numbers; the second ticket
 * is refused with the reason (and the fix) rather than failing the whole batch.
 */
function numberTaken(event: TicketEvent, taken: Map<string, string>): Refusal | null {
  if (event.type !== 'created') return null;
  const owner = taken.get(event.payload.provisionalNo);
  if (owner === undefined || owner === event.ticketId) {
    taken.set(event.payload.provisionalNo, event.ticketId); // a second one in this same batch is refused too
    return null;
  }
  return { code: 'provisional_number_taken', params: { provisionalNo: event.payload.provisionalNo, origin: event.origin } };
}

interface StoredEdit {
  seq: number;
  origin: string;
  actor: string;
  fields: string[];
}

/** For tickets that updates in this batch were based on: every later stored field change. */
async function editsAfterBase(db: Queryable, events: readonly TicketEvent[]): Promise<Map<string, StoredEdit[]>> {
  const based = events.flatMap((e) =>
    e.type === 'updated' && e.payload.baseSeq !== undefined ? [{ ticketId: e.ticketId, baseSeq: e.payload.baseSeq }] : [],
  );
  if (based.length === 0) return new Map();
  const rows = await db.query<{
    seq: number;
    ticket_id: string;
    origin: string;
    actor: string;
    payload: { changes: Record<string, unknown> };
  }>(
    sql`SELECT seq, ticket_id, origin, actor, payload FROM events
     WHERE type = 'updated' AND ticket_id = ${anyOf([...new Set(based.map((e) => e.ticketId))], 'uuid')}
       AND seq > ${Math.min(...based.map((e) => e.baseSeq))} ORDER BY seq`,
  );
  const byTicket = new Map<string, StoredEdit[]>();
  for (const row of rows) {
    const list = byTicket.get(row.ticket_id) ?? [];
    list.push({ seq: row.seq, origin: row.origin, actor: row.actor, fields: Object.keys(row.payload.changes) });
    byTicket.set(row.ticket_id, list);
  }
  return byTicket;
}

/**
 * Two agents changed the same field of a ticket without seeing each other's change: the later one
 * is refused with a reason naming the field and who changed it, so nothing is silently overwritten
 * and every replica keeps the earlier value (a field two people changed keeps the first change that reached the server).
 */
function overwrites(event: TicketEvent, later: readonly StoredEdit[]): Refusal | null {
  if (event.type !== 'updated' || event.payload.baseSeq === undefined) return null;
  const baseSeq = event.payload.baseSeq;
  const mine = Object.keys(event.payload.changes);
  for (const edit of later) {
    if (edit.seq <= baseSeq || edit.origin === event.origin) continue;
    const clash = mine.filter((field) => edit.fields.includes(field));
    if (clash.length > 0) return { code: 'field_conflict', params: { fields: clash, actor: edit.actor } };
  }
  return null;
}

async function knownEvents(db: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; seq: number }>(sql`SELECT id, seq FROM events WHERE id = ${anyOf(ids, 'uuid')}`);
  return new Map(rows.map((r) => [r.id, r.seq]));
}

async function ticketStates(db: Queryable, ids: string[]): Promise<Map<string, Ticket>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; state: unknown }>(sql`SELECT id, state FROM tickets WHERE id = ${anyOf(ids, 'uuid')}`);
  return new Map(rows.map((r) => [r.id, ticketSchema.parse(r.state)]));
}

import type { User } from '../../shared/server-api/auth';
import type { CallerIndexEntry, SequencedEvent } from '../../shared/server-api/sync';
import type { Queryable } from '../db/database';
import { anyOf, sql } from '../db/sql';
import { visibleTo } from '../tickets/visibility';
import { type EventRow, eventColumns, sequencedFromRow } from './event-rows';
import { eventHead } from './pull';

/** A cache holds what changed since `since` and everything still open. */
const inCacheScope = (since: string) => sql`(t.created_at >= ${since} OR t.updated_at >= ${since} OR t.status <> 'closed')`;

/** Ids after `after` in id order; '' means from the first (and is no uuid to compare with). */
const afterId = (after: string) => (after === '' ? sql`TRUE` : sql`t.id > ${after}::uuid`);

async function historiesOf(db: Queryable, ids: string[], head: number): Promise<SequencedEvent[][]> {
  if (ids.length === 0) return [];
  const rows = await db.query<EventRow>(
    sql`SELECT ${eventColumns()} FROM events WHERE ticket_id = ${anyOf(ids, 'uuid')} AND seq <= ${head} ORDER BY ticket_id, seq`,
  );
  const byTicket = new Map<string, SequencedEvent[]>(ids.map((id) => [id, []]));
  for (const row of rows) byTicket.get(row.ticket_id)!.push(sequencedFromRow(row));
  return ids.map((id) => byTicket.get(id)!).filter((events) => events.length > 0);
}

/**
 * One page of a bootstrap: the next tickets in scope by id, each with its whole history up to
 * `head` (fixed by the first page, so the later incremental pull starts exactly there).
 */
export async function bootstrapPage(db: Queryable, user: User, query: { since: string; after: string; head: number; limit: number }) {
  const head = query.head > 0 ? query.head : await eventHead(db);
  const rows = await db.query<{ id: string }>(
    sql`SELECT t.id FROM tickets t WHERE ${inCacheScope(query.since)} AND ${afterId(query.after)} AND ${visibleTo(user)}
        ORDER BY t.id LIMIT ${query.limit}`,
  );
  const ids = rows.map((r) => r.id);
  let total: number | null = null;
  if (query.after === '') {
    const [count] = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM tickets t WHERE ${inCacheScope(query.since)} AND ${visibleTo(user)}`,
    );
    total = count!.n;
  }
  return { tickets: await historiesOf(db, ids, head), next: ids.length === query.limit ? ids[ids.length - 1]! : null, head, total };
}

/** Whole histories of the named tickets the user may see, in sequence order. */
export async function ticketHistories(db: Queryable, user: User, ids: string[]): Promise<SequencedEvent[]> {
  const rows = await db.query<{ id: string }>(sql`SELECT t.id FROM tickets t WHERE t.id = ${anyOf(ids, 'uuid')} AND ${visibleTo(user)}`);
  const histories = await historiesOf(
    db,
    rows.map((r) => r.id),
    await eventHead(db),
  );
  return histories.flat().sort((a, b) => a.seq - b.seq);
}

/** Short rows for tickets created in [since, until) that the cache does not hold whole. */
export async function callerIndexPage(db: Queryable, user: User, query: { since: string; until: string; after: string; limit: number }) {
  const rows = await db.query<{
    id: string;
    caller_phone: string;
    official_no: string;
    status: string;
    request_type: string;
    category: string | null;
    district_code: string | null;
    street_code: string | null;
    lead_unit_code: string | null;
    description: string;
    created_at: Date;
    updated_at: Date;
  }>(
    sql`SELECT t.id, t.caller_phone, t.official_no, t.status, t.request_type, t.category, t.district_code, t.street_code,
       t.state ->> 'leadUnitCode' AS lead_unit_code, left(t.state -> 'fields' ->> 'description', 200) AS description,
       t.created_at, t.updated_at
     FROM tickets t
     WHERE t.created_at >= ${query.since} AND t.created_at < ${query.until} AND t.caller_phone_key IS NOT NULL
       AND ${afterId(query.after)} AND ${visibleTo(user)}
     ORDER BY t.id LIMIT ${query.limit}`,
  );
  const entries: CallerIndexEntry[] = rows.map((r) => ({
    ticketId: r.id,
    callerPhone: r.caller_phone,
    officialNo: r.official_no,
    status: r.status,
    requestType: r.request_type,
    category: r.category,
    districtCode: r.district_code,
    streetCode: r.street_code,
    leadUnitCode: r.lead_unit_code,
    description: r.description,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  }));
  return { entries, next: rows.length === query.limit ? rows[rows.length - 1]!.id : null };
}

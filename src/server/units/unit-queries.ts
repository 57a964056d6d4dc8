import { z } from 'zod';
import { idSchema } from '../../shared/domain/ids';
import { decodeCursor, encodeCursor } from '../../shared/domain/page-cursor';
import { type Ticket, ticketSchema, type TicketStatus } from '../../shared/domain/ticket';
import type { User } from '../../shared/server-api/auth';
import { AppError } from '../../shared/result';
import type { Queryable } from '../db/database';
import { empty, sql, type SqlFragment } from '../db/sql';
import { visibleTo } from '../tickets/visibility';

/**
 * A row's place in a unit's list: its feedback deadline (null when none runs) and when it was made,
 * in microseconds since 1970 (exact, whatever the precision stored), and its id.
 */
const micros = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const cursorKey = z.tuple([micros.nullable(), micros, idSchema]);
const microsOf = (column: SqlFragment) => sql`(extract(epoch FROM ${column}) * 1000000)::bigint`;
const due = microsOf(sql`due_at`);
const created = microsOf(sql`created_at`);

/**
 * The rows after a cursor, in the list's order: the nearest deadline first, those without one after
 * them, and among equals the newest first. The key is made of the ticket's deadline and its
 * creation, which a new ticket never shifts, so paging is stable while tickets arrive.
 */
function after([dueAt, createdAt, id]: z.infer<typeof cursorKey>) {
  const older = sql`(${created} < ${createdAt} OR (${created} = ${createdAt} AND id < ${id}::uuid))`;
  return dueAt === null
    ? sql`AND due_at IS NULL AND ${older}`
    : sql`AND (${due} > ${dueAt} OR due_at IS NULL OR (${due} = ${dueAt} AND ${older}))`;
}

/**
 * One page of the tickets a unit works: the most urgent (nearest feedback deadline, the overdue
 * first) then, once reported back or closed, the newest. `nextCursor` is null on the last page.
 */
export async function unitTicketsPage(
  db: Queryable,
  user: User,
  query: { status?: TicketStatus | undefined; limit: number; cursor?: string | undefined },
): Promise<{ tickets: Ticket[]; nextCursor: string | null }> {
  const key = query.cursor === undefined ? undefined : decodeCursor(query.cursor, cursorKey);
  if (key === null) throw new AppError('invalid_input', 'This cursor is not one the server gave out: ask for the first page again.');
  const status = query.status ?? null;
  const rows = await db.query<{ state: unknown; due_key: string | null; created_key: string; id: string }>(
    sql`SELECT state, ${due} AS due_key, ${created} AS created_key, id FROM tickets
        WHERE (${status}::text IS NULL OR status = ${status}) AND ${visibleTo(user)} ${key ? after(key) : empty}
        ORDER BY due_at ASC NULLS LAST, created_at DESC, id DESC LIMIT ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    tickets: page.map((r) => ticketSchema.parse(r.state)),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor([last.due_key === null ? null : Number(last.due_key), Number(last.created_key), last.id])
        : null,
  };
}

import type { CallerHistory } from '../../shared/contract/callers';
import type { TicketSummary } from '../../shared/contract/tickets';
import { textSimilarity } from '../../shared/domain/text-similarity';
import type { Db } from './database';
import { summariesOf, summaryColumns, summaryFromRow } from './ticket-store';

/** A caller who rang about something within this window counts as a repeat caller. */
export const repeatWindowDays = 30;

type Row = Parameters<typeof summaryFromRow>[0];

/**
 * The tickets of a caller from both places the cache keeps them: whole tickets, and the caller
 * index of older ones (aged out, or from before this cache's scope), as summary rows.
 */
const callerTickets = `
  SELECT ${summaryColumns} FROM tickets t WHERE t.phone_key = @key
  UNION ALL
  SELECT i.ticket_id, i.official_no, i.official_no, i.status, i.request_type, i.category, NULL, NULL, i.district_code,
    i.street_code, i.lead_unit_code, i.description, i.created_at, i.updated_at, 0, 0, NULL, NULL, NULL
  FROM caller_index i WHERE i.phone_key = @key AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.id = i.ticket_id)`;

/** A caller's tickets by phone key: open ones first, then the rest, newest first within each. */
export function callerHistory(db: Db, phoneKey: string, limit: number, now: Date): Omit<CallerHistory, 'details'> {
  const rows = db
    .prepare<[{ key: string; limit: number }], Row>(
      `SELECT * FROM (${callerTickets}) ORDER BY status = 'closed', created_at DESC LIMIT @limit`,
    )
    .all({ key: phoneKey, limit });
  const counts = db
    .prepare<[{ key: string; since: string }], { total: number; open: number; recent: number }>(
      `SELECT count(*) AS total, coalesce(sum(status != 'closed'), 0) AS open, coalesce(sum(created_at >= @since), 0) AS recent
       FROM (${callerTickets})`,
    )
    .get({ key: phoneKey, since: new Date(now.getTime() - repeatWindowDays * 86_400_000).toISOString() })!;
  return { phoneKey, tickets: rows.map(summaryFromRow), total: counts.total, open: counts.open, repeatCaller: counts.recent > 0 };
}

/**
 * Likely duplicates of a ticket being typed: open tickets of the same category created since
 * `since` in the same street, or from the same caller (by phone key, however the number was
 * written) wherever they said it was; the most similar description first (ties: newest first).
 */
export function similarOpenTickets(
  db: Db,
  query: { category: string; streetCode: string; description: string; since: string; phoneKey?: string | null },
  limit: number,
): { ticket: TicketSummary; similarity: number }[] {
  const rows = db
    .prepare<[{ street: string; category: string; since: string; key: string | null }], Row>(
      `SELECT ${summaryColumns} FROM tickets t
       WHERE (t.street_code = @street OR t.phone_key = @key) AND t.category = @category AND t.created_at >= @since AND t.status != 'closed'
       ORDER BY t.created_at DESC LIMIT 200`,
    )
    .all({ street: query.streetCode, category: query.category, since: query.since, key: query.phoneKey ?? null });
  return rows
    .map((row) => ({
      ticket: summaryFromRow(row),
      similarity: Math.round(textSimilarity(query.description, row.description) * 1000) / 1000,
    }))
    .sort((a, b) => b.similarity - a.similarity || b.ticket.createdAt.localeCompare(a.ticket.createdAt))
    .slice(0, limit);
}

export { summariesOf };

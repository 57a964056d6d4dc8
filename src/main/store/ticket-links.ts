import type { TicketSummary } from '../../shared/contract/tickets';
import type { Db } from './database';
import { prepared } from './prepared';
import { summariesOf, summaryColumns, summaryFromRow, type TicketRow } from './ticket-store';

/** A ticket's links: the original it repeats (if cached) and the cached tickets that repeat it, oldest first. */
export function linksOf(
  db: Db,
  ticketId: string,
  duplicateOf: string | null,
): { original: TicketSummary | null; duplicates: TicketSummary[] } {
  const duplicates = prepared<[string], TicketRow>(
    db,
    `SELECT ${summaryColumns} FROM tickets t
       WHERE t.state ->> '$.duplicateOf' = ? AND t.state ->> '$.duplicateOf' IS NOT NULL ORDER BY t.created_at, t.id`,
  )
    .all(ticketId)
    .map(summaryFromRow);
  return { original: duplicateOf ? (summariesOf(db, [duplicateOf])[0] ?? null) : null, duplicates };
}

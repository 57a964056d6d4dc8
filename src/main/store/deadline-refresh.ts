import { ticketSchema } from '../../shared/domain/ticket';
import { queueRank } from '../../shared/domain/work-list';
import type { Db } from './database';
import { prepared } from './prepared';
import { withReferenceMemo } from './reference-store';
import { deadlineOf } from './routing-store';

/**
 * The open tickets' deadline columns worked out again from the cached reference data, after the time
 * limits, the working calendar or the centre's zone changed: a holiday added moves every deadline
 * that runs across it, and lists sort by these columns. Returns the tickets whose deadline moved.
 */
export function refreshDeadlines(db: Db): string[] {
  const rows = prepared<[], { id: string; state: string; due_at: string | null }>(
    db,
    `SELECT id, state, due_at FROM tickets WHERE status != 'closed'`,
  ).all();
  const update = prepared(db, `UPDATE tickets SET due_stage = ?, due_started_at = ?, due_at = ?, queue_rank = ? WHERE id = ?`);
  const moved: string[] = [];
  withReferenceMemo(db, () =>
    db.transaction(() => {
      for (const row of rows) {
        const ticket = ticketSchema.parse(JSON.parse(row.state));
        const deadline = deadlineOf(db, ticket);
        if ((deadline?.dueAt ?? null) === row.due_at) continue;
        update.run(
          deadline?.stage ?? null,
          deadline?.startedAt ?? null,
          deadline?.dueAt ?? null,
          queueRank(ticket, deadline?.dueAt),
          row.id,
        );
        moved.push(row.id);
      }
    })(),
  );
  return moved;
}

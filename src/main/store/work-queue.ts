import { z } from 'zod';
import type { WorklistFilter, WorklistPage } from '../../shared/contract/tickets';
import { decodeCursor, encodeCursor } from '../../shared/domain/page-cursor';
import { searchMatch } from '../../shared/domain/search-text';
import { atRiskShare } from '../../shared/domain/sla';
import { type WorkListKind, workLists } from '../../shared/domain/work-list';
import { AppError } from '../../shared/result';
import type { Db } from './database';
import { prepared } from './prepared';
import { summaryColumns, summaryFromRow, type TicketRow } from './ticket-store';

export interface QueueRequest {
  kind: WorkListKind;
  filter: WorklistFilter;
  query: string;
  cursor?: string | undefined;
  offset?: number | undefined;
  limit: number;
  /** The signed-in agent, for `mine`; null when nobody is. */
  me: string | null;
  now: string;
}

const cursorKey = z.tuple([z.string(), z.string()]);

/** Named parameters of the queue's SQL; the text holds only which conditions apply, never a value. */
type Params = Record<string, string | number | null>;

/**
 * The conditions of one list under a filter and query, as SQL text over `tickets t` and its
 * parameters. Each condition is fixed text, so at most a few hundred statements are ever prepared.
 */
function conditions({ kind, filter, query, me, now }: QueueRequest): { where: string[]; params: Params } {
  const where = ['t.work_list = @kind'];
  const params: Params = { kind };
  if (filter.status) {
    where.push('t.status = @status');
    params.status = filter.status;
  }
  if (filter.category) {
    // A group of the catalogue stands for its categories.
    where.push(`(t.category = @category OR t.category IN
      (SELECT code FROM reference_data WHERE kind = 'category' AND body ->> '$.parent' = @category))`);
    params.category = filter.category;
  }
  if (filter.districtCode) {
    where.push('t.district_code = @district');
    params.district = filter.districtCode;
  }
  if (filter.unitCode) {
    where.push('t.lead_unit_code = @unit');
    params.unit = filter.unitCode;
  }
  if (filter.clock === 'overdue') {
    where.push('t.due_at < @now');
    params.now = now;
  } else if (filter.clock === 'at_risk') {
    // As `clockAt` says: at risk once `atRiskShare` of the window is left, and not yet overdue.
    where.push(
      `t.due_at >= @now AND julianday(@now) >= julianday(t.due_at) - (julianday(t.due_at) - julianday(t.due_started_at)) * @share`,
    );
    Object.assign(params, { now, share: atRiskShare });
  }
  if (filter.mine) {
    where.push('t.id IN (SELECT ticket_id FROM ticket_events WHERE actor = @me)');
    params.me = me;
  }
  if (query.trim()) {
    const match = searchMatch(query);
    // A query with nothing searchable in it (only punctuation) matches no ticket, as in search.
    where.push(
      match
        ? `t.id IN (SELECT e.ticket_id FROM ticket_search s JOIN ticket_events e ON e.local_seq = s.rowid WHERE ticket_search MATCH @match)`
        : '0',
    );
    if (match) params.match = match;
  }
  return { where, params };
}

/** How many tickets wait in each list. */
function listCounts(db: Db): WorklistPage['counts'] {
  const counts = Object.fromEntries(workLists.map((k) => [k, 0])) as WorklistPage['counts'];
  const rows = prepared<[], { work_list: WorkListKind; n: number }>(
    db,
    `SELECT work_list, count(*) AS n FROM tickets WHERE work_list IS NOT NULL GROUP BY work_list`,
  ).all();
  for (const { work_list, n } of rows) counts[work_list] = n;
  return counts;
}

/**
 * One page of a work list in queue order (`queueRank`, then id): after a cursor (keyset paging,
 * stable while tickets arrive), from an offset (a scrolling window), or from the top.
 */
export function workQueue(db: Db, request: QueueRequest): WorklistPage {
  const { where, params } = conditions(request);
  const filtered = where.join(' AND ');
  const page = [...where];
  const pageParams: Params = { ...params, limit: request.limit + 1, offset: request.offset ?? 0 };
  if (request.cursor !== undefined) {
    const after = decodeCursor(request.cursor, cursorKey);
    if (!after)
      throw new AppError('invalid_input', 'This list position is not one the workstation gave out: load the list again from the top.');
    page.push('(t.queue_rank, t.id) > (@afterRank, @afterId)');
    [pageParams.afterRank, pageParams.afterId] = after;
  }
  const rows = prepared<[Params], TicketRow & { queue_rank: string }>(
    db,
    `SELECT ${summaryColumns}, t.queue_rank FROM tickets t WHERE ${page.join(' AND ')}
       ORDER BY t.queue_rank, t.id LIMIT @limit OFFSET @offset`,
  ).all(pageParams);
  const more = rows.length > request.limit;
  const shown = more ? rows.slice(0, request.limit) : rows;
  const last = shown.at(-1);
  const total = prepared<[Params], { n: number }>(db, `SELECT count(*) AS n FROM tickets t WHERE ${filtered}`).get(params)!.n;
  return {
    rows: shown.map(summaryFromRow),
    nextCursor: more && last ? encodeCursor([last.queue_rank, last.id]) : null,
    total,
    counts: listCounts(db),
  };
}

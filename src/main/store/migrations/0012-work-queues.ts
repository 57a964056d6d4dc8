import type { Migration } from './index';

/**
 * The work lists as queues: each ticket's list and its place in it (`queueRank`) and its lead unit
 * as columns, so the first page of a 100,000-ticket list, a filter and a count are index scans; the
 * events by actor answer "mine" (tickets the agent registered or worked on). The columns of tickets
 * already cached are filled by the refold every upgrade asks for.
 */
export const workQueues: Migration = {
  version: 12,
  name: 'work-queues',
  sql: `
    ALTER TABLE tickets ADD COLUMN work_list TEXT CHECK (work_list IN ('undispatched', 'returned', 'callback', 'extension'));
    ALTER TABLE tickets ADD COLUMN queue_rank TEXT;
    ALTER TABLE tickets ADD COLUMN lead_unit_code TEXT;
    -- The filter columns ride along, so a filtered count reads the index alone, not 10,000 rows.
    CREATE INDEX tickets_work_queue ON tickets (work_list, queue_rank, id, status, category, district_code, lead_unit_code, due_at, due_started_at)
      WHERE work_list IS NOT NULL;
    CREATE INDEX ticket_events_by_actor ON ticket_events (actor, ticket_id);
  `,
};

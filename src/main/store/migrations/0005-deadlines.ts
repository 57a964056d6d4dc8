import type { Migration } from './index';

/** Each ticket's running time limit (sla.ts), kept with the projection so lists sort by time left. */
export const deadlines: Migration = {
  version: 5,
  name: 'deadlines',
  sql: `
    ALTER TABLE tickets ADD COLUMN due_stage TEXT CHECK (due_stage IN ('dispatch', 'feedback'));
    ALTER TABLE tickets ADD COLUMN due_started_at TEXT;
    ALTER TABLE tickets ADD COLUMN due_at TEXT;
    CREATE INDEX tickets_by_due ON tickets (due_at) WHERE due_at IS NOT NULL;
  `,
};

import type { Migration } from './index';

/**
 * A rejected event stays in the log for good; the agent who has dealt with it (redone the change,
 * or decided it no longer matters) dismisses it, which is recorded here.
 */
export const dismissedRejections: Migration = {
  version: 2,
  name: 'dismissed-rejections',
  sql: `
    CREATE TABLE dismissed_rejections (
      event_id     TEXT PRIMARY KEY REFERENCES ticket_events (id),
      dismissed_at TEXT NOT NULL,
      dismissed_by TEXT NOT NULL
    ) STRICT;
  `,
};

import type { Migration } from './index';

/**
 * The status bar counts refused events after every push; without an index that read every event
 * in the cache (a million-ticket cache holds two million), once per batch of 200 pushed.
 */
export const rejectedEventsIndex: Migration = {
  version: 7,
  name: 'rejected-events-index',
  sql: `
    CREATE INDEX ticket_events_rejected ON ticket_events (id) WHERE status = 'rejected';
  `,
};

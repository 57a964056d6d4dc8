import type { Migration } from './index';

/**
 * The cache holds whole tickets of its scope (default: the last 30 days, plus every open one) and
 * a caller index reaching back further (default: a year). Closed tickets that leave the scope age
 * out: their confirmed events may now be deleted — they are safe on the server — while an event
 * that has not had its answer from the server still can never be deleted.
 */
export const cacheScope: Migration = {
  version: 4,
  name: 'cache-scope',
  sql: `
    CREATE TABLE caller_index (
      ticket_id      TEXT PRIMARY KEY,
      phone_key      TEXT NOT NULL,
      official_no    TEXT NOT NULL,
      status         TEXT NOT NULL,
      request_type   TEXT NOT NULL,
      category       TEXT,
      district_code  TEXT,
      street_code    TEXT,
      lead_unit_code TEXT,
      description    TEXT NOT NULL,
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX caller_index_by_phone ON caller_index (phone_key, created_at);
    CREATE INDEX caller_index_by_created ON caller_index (created_at);

    DROP TRIGGER ticket_events_append_only_delete;
    CREATE TRIGGER ticket_events_append_only_delete BEFORE DELETE ON ticket_events
      WHEN OLD.status <> 'confirmed'
      BEGIN SELECT RAISE(ABORT, 'ticket_events: only events the server has confirmed may leave the cache'); END;
    CREATE INDEX tickets_by_status ON tickets (status, updated_at);
  `,
};

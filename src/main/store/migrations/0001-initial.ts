import type { Migration } from './index';

/** The workstation cache as the foundation lays it down. Never edit once landed: add a migration. */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
    -- The local event log: append-only. server_seq/status change when the server answers;
    -- nothing else about an event may ever change, and no event is ever deleted.
    CREATE TABLE ticket_events (
      local_seq     INTEGER PRIMARY KEY,
      id            TEXT NOT NULL UNIQUE,
      ticket_id     TEXT NOT NULL,
      type          TEXT NOT NULL,
      at            TEXT NOT NULL,
      actor         TEXT NOT NULL,
      origin        TEXT NOT NULL,
      payload       TEXT NOT NULL CHECK (json_valid(payload)),
      server_seq    INTEGER UNIQUE,
      status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
      reject_reason TEXT
    ) STRICT;
    CREATE INDEX ticket_events_by_ticket ON ticket_events (ticket_id, local_seq);
    CREATE TRIGGER ticket_events_append_only_delete BEFORE DELETE ON ticket_events
      BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END;
    CREATE TRIGGER ticket_events_append_only_update
      BEFORE UPDATE OF id, ticket_id, type, at, actor, origin, payload ON ticket_events
      BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END;

    -- The ticket projection: the fold of each ticket's events, rebuilt whenever they change.
    CREATE TABLE tickets (
      id             TEXT PRIMARY KEY,
      provisional_no TEXT NOT NULL UNIQUE,
      official_no    TEXT UNIQUE,
      status         TEXT NOT NULL,
      request_type   TEXT NOT NULL,
      category       TEXT,
      caller_phone   TEXT,
      district_code  TEXT,
      street_code    TEXT,
      description    TEXT NOT NULL,
      created_at     TEXT NOT NULL,
      updated_at     TEXT NOT NULL,
      pending_events INTEGER NOT NULL DEFAULT 0,
      state          TEXT NOT NULL CHECK (json_valid(state))
    ) STRICT;
    CREATE INDEX tickets_by_phone ON tickets (caller_phone, created_at);
    CREATE INDEX tickets_by_updated ON tickets (updated_at);

    -- Events waiting for a durable answer from the server.
    CREATE TABLE outbox (
      event_id    TEXT PRIMARY KEY REFERENCES ticket_events (id),
      enqueued_at TEXT NOT NULL,
      attempts    INTEGER NOT NULL DEFAULT 0,
      last_error  TEXT
    ) STRICT;

    CREATE TABLE drafts (
      id         TEXT PRIMARY KEY,
      kind       TEXT NOT NULL,
      body       TEXT NOT NULL CHECK (json_valid(body)),
      updated_at TEXT NOT NULL
    ) STRICT;

    -- One cursor per pulled stream; written in the same transaction as the rows it covers.
    CREATE TABLE sync_cursors (
      stream     TEXT PRIMARY KEY,
      cursor     TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Reference data synced from the server: categories, divisions, units, rules, SLA, articles.
    CREATE TABLE reference_data (
      kind    TEXT NOT NULL,
      code    TEXT NOT NULL,
      version INTEGER NOT NULL,
      body    TEXT NOT NULL CHECK (json_valid(body)),
      PRIMARY KEY (kind, code)
    ) STRICT;

    CREATE TABLE settings (
      key        TEXT PRIMARY KEY,
      value      TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE counters (
      name  TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    ) STRICT;
  `,
};

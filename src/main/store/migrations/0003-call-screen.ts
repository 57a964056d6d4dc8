import type { Migration } from './index';

/**
 * What the call screen reads: caller history by normalised phone number, likely duplicates by
 * place and category, full-text search (search-index.ts), and the calls this workstation was rung for.
 */
export const callScreen: Migration = {
  version: 3,
  name: 'call-screen',
  sql: `
    ALTER TABLE tickets ADD COLUMN phone_key TEXT;
    ALTER TABLE tickets ADD COLUMN caller_name TEXT;
    CREATE INDEX tickets_by_phone_key ON tickets (phone_key, created_at) WHERE phone_key IS NOT NULL;
    CREATE INDEX tickets_by_place ON tickets (street_code, category, created_at) WHERE street_code IS NOT NULL;

    -- Contentless: the text lives in tickets.state; each row's rowid is the local_seq of the
    -- ticket's 'created' event, which never changes (the log is append-only).
    CREATE VIRTUAL TABLE ticket_search USING fts5 (words, uni, bi, tokenize = 'unicode61', content = '', contentless_delete = 1);

    CREATE TABLE calls (
      id           TEXT PRIMARY KEY,
      direction    TEXT NOT NULL CHECK (direction IN ('in', 'out')),
      from_number  TEXT NOT NULL,
      to_number    TEXT NOT NULL,
      phone_key    TEXT,
      queue        TEXT,
      state        TEXT NOT NULL CHECK (state IN ('ringing', 'answered', 'ended')),
      answered_by  TEXT,
      cause        TEXT,
      started_at   TEXT NOT NULL,
      answered_at  TEXT,
      ended_at     TEXT,
      ticket_id    TEXT
    ) STRICT;
    CREATE INDEX calls_by_started ON calls (started_at);
  `,
};

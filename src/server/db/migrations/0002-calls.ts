/**
 * Phone calls from the switch (screen-pop, caller log, and later the lead's queue monitor), the
 * switches allowed to report them, and agents' extensions so an `answer` by extension finds its agent.
 */
export const calls = {
  version: 2,
  name: 'calls',
  sql: `
    ALTER TABLE users ADD COLUMN extension text UNIQUE;

    CREATE TABLE cti_switches (
      id         uuid PRIMARY KEY,
      name       text NOT NULL UNIQUE,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE calls (
      id               text PRIMARY KEY,
      switch_id        uuid NOT NULL REFERENCES cti_switches (id),
      direction        text NOT NULL CHECK (direction IN ('in', 'out')),
      from_number      text NOT NULL,
      to_number        text NOT NULL,
      queue            text,
      state            text NOT NULL CHECK (state IN ('ringing', 'answered', 'ended')),
      users            text[] NOT NULL DEFAULT '{}',
      answered_by      text,
      answering_number text,
      cause            text,
      started_at       timestamptz NOT NULL,
      answered_at      timestamptz,
      ended_at         timestamptz
    );
    CREATE INDEX calls_by_state ON calls (state, started_at);
    CREATE INDEX calls_by_started ON calls (started_at);
  `,
};

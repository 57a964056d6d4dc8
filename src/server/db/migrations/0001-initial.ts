/** The central record. Never edit once landed: add a migration. Runs on PostgreSQL 15+ and PGlite. */
export const initial = {
  version: 1,
  name: 'initial',
  sql: `
    CREATE TABLE counters (
      name  text PRIMARY KEY,
      value bigint NOT NULL
    );
    INSERT INTO counters (name, value) VALUES ('event_seq', 0), ('reference_version', 0);

    CREATE TABLE reference_items (
      kind    text NOT NULL,
      code    text NOT NULL,
      version bigint NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      body    jsonb NOT NULL,
      PRIMARY KEY (kind, code)
    );
    CREATE UNIQUE INDEX reference_items_by_version ON reference_items (version);

    CREATE TABLE users (
      id            uuid PRIMARY KEY,
      username      text NOT NULL UNIQUE,
      display_name  text NOT NULL,
      role          text NOT NULL CHECK (role IN ('agent', 'lead', 'unit', 'admin')),
      unit_code     text,
      password_hash text NOT NULL,
      disabled      boolean NOT NULL DEFAULT false,
      created_at    timestamptz NOT NULL DEFAULT now(),
      CHECK (role <> 'unit' OR unit_code IS NOT NULL)
    );

    -- Only a hash of each token is kept: a leaked table grants no sessions.
    CREATE TABLE sessions (
      token_hash     text PRIMARY KEY,
      user_id        uuid NOT NULL REFERENCES users (id),
      workstation_id text,
      created_at     timestamptz NOT NULL DEFAULT now(),
      expires_at     timestamptz NOT NULL,
      revoked_at     timestamptz
    );
    CREATE INDEX sessions_by_user ON sessions (user_id);

    CREATE TABLE login_failures (
      id       bigserial PRIMARY KEY,
      username text NOT NULL,
      ip       text NOT NULL,
      at       timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX login_failures_by_username ON login_failures (username, at);
    CREATE INDEX login_failures_by_ip ON login_failures (ip, at);

    -- The event log: append-only, one global sequence assigned in commit order.
    CREATE TABLE events (
      seq         bigint PRIMARY KEY,
      id          uuid NOT NULL UNIQUE,
      ticket_id   uuid NOT NULL,
      type        text NOT NULL,
      at          timestamptz NOT NULL,
      actor       text NOT NULL,
      origin      text NOT NULL,
      payload     jsonb NOT NULL,
      user_id     uuid REFERENCES users (id),
      received_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX events_by_ticket ON events (ticket_id, seq);
    CREATE FUNCTION events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'events is append-only'; END;
    $$;
    -- Statement level, so it fires even when no row matches, and for TRUNCATE too.
    CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_are_append_only();

    -- The fold of each ticket's events: what routes read and what new events are checked against.
    CREATE TABLE tickets (
      id             uuid PRIMARY KEY,
      official_no    text NOT NULL UNIQUE,
      provisional_no text UNIQUE,
      status         text NOT NULL,
      request_type   text NOT NULL,
      category       text,
      urgency        text NOT NULL,
      district_code  text,
      street_code    text,
      caller_phone   text,
      unit_codes     text[] NOT NULL DEFAULT '{}',
      created_at     timestamptz NOT NULL,
      updated_at     timestamptz NOT NULL,
      last_seq       bigint NOT NULL,
      state          jsonb NOT NULL
    );
    CREATE INDEX tickets_by_units ON tickets USING gin (unit_codes);
    CREATE INDEX tickets_by_phone ON tickets (caller_phone, created_at);
    CREATE INDEX tickets_by_created ON tickets (created_at);
    CREATE INDEX tickets_by_status ON tickets (status, updated_at);

    CREATE TABLE presence (
      user_id        uuid PRIMARY KEY REFERENCES users (id),
      workstation_id text,
      state          text NOT NULL,
      since          timestamptz NOT NULL
    );
  `,
};

/**
 * Who read which ticket: every ticket read through the API leaves a row;
 * every change already does, as its event with the user who pushed it. Append-only like the events.
 */
export const audit = {
  version: 4,
  name: 'audit',
  sql: `
    CREATE TABLE audit_log (
      id         bigserial PRIMARY KEY,
      at         timestamptz NOT NULL DEFAULT now(),
      actor      text NOT NULL,
      role       text NOT NULL,
      action     text NOT NULL,
      ticket_ids uuid[] NOT NULL,
      detail     text NOT NULL DEFAULT ''
    );
    CREATE INDEX audit_log_by_ticket ON audit_log USING gin (ticket_ids);
    CREATE INDEX audit_log_by_actor ON audit_log (actor, at);
    CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_log is append-only'; END;
    $$;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
  `,
};

/**
 * What the monitor shows beside an agent's state: the break's reason, a raised hand and who
 * answered it, and each state's time today, kept as spans so it survives a server restart and
 * adds up across the agent's workstations. Agents present before this start their first span now.
 */
export const agentStates = {
  version: 11,
  name: 'agent-states',
  sql: `
    ALTER TABLE presence
      ADD COLUMN reason           text,
      ADD COLUMN help_since       timestamptz,
      ADD COLUMN help_answered_by text;
    CREATE TABLE presence_spans (
      user_id    uuid NOT NULL REFERENCES users (id),
      state      text NOT NULL,
      reason     text,
      started_at timestamptz NOT NULL,
      ended_at   timestamptz,
      CHECK (ended_at IS NULL OR ended_at >= started_at)
    );
    CREATE INDEX presence_spans_by_start ON presence_spans (started_at);
    CREATE UNIQUE INDEX presence_spans_open ON presence_spans (user_id) WHERE ended_at IS NULL;
    INSERT INTO presence_spans (user_id, state, started_at) SELECT user_id, state, now() FROM presence;
  `,
};

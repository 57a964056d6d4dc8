/**
 * The lead monitor: each ticket's running deadline, lead unit and author as columns, so
 * the at-risk list is an index scan; incidents that tie a cluster of tickets together; notices
 * broadcast to agents, kept for the record. Deadlines of existing tickets are filled at start-up
 * (`fillMissingDeadlines`): they need the SLA policies, which SQL here does not know.
 */
export const monitor = {
  version: 5,
  name: 'monitor',
  sql: `
    ALTER TABLE tickets
      ADD COLUMN lead_unit      text,
      ADD COLUMN created_by     text,
      ADD COLUMN due_stage      text CHECK (due_stage IN ('dispatch', 'feedback')),
      ADD COLUMN due_started_at timestamptz,
      ADD COLUMN due_at         timestamptz,
      ADD COLUMN deadline_known boolean NOT NULL DEFAULT false,
      ADD COLUMN incident_id    uuid;
    UPDATE tickets SET lead_unit = state->>'leadUnitCode', created_by = state->>'createdBy';
    CREATE INDEX tickets_by_due ON tickets (due_at) WHERE due_at IS NOT NULL;
    CREATE INDEX tickets_open ON tickets (status) WHERE status <> 'closed';

    CREATE TABLE incidents (
      id         uuid PRIMARY KEY,
      title      text NOT NULL,
      created_by uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX tickets_by_incident ON tickets (incident_id) WHERE incident_id IS NOT NULL;

    CREATE TABLE notices (
      id      uuid PRIMARY KEY,
      text    text NOT NULL,
      sent_by uuid NOT NULL REFERENCES users (id),
      sent_at timestamptz NOT NULL DEFAULT now()
    );
  `,
};

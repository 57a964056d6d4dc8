/**
 * Every version of every reference item, with who wrote it and when: the administrator's history
 * of an item, an article's earlier versions, and "who changed what". The classifier's model (large,
 * retrained nightly) has none. Items written before this keep their current version as their
 * first, written by the system now.
 */
export const referenceChanges = {
  version: 12,
  name: 'reference-changes',
  sql: `
    CREATE TABLE reference_changes (
      version    bigint PRIMARY KEY,
      kind       text NOT NULL,
      code       text NOT NULL,
      action     text NOT NULL CHECK (action IN ('created', 'changed', 'retired', 'restored', 'published', 'imported')),
      body       jsonb NOT NULL,
      changed_by text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX reference_changes_by_item ON reference_changes (kind, code, version DESC);
    INSERT INTO reference_changes (version, kind, code, action, body, changed_by)
      SELECT version, kind, code, 'created', body, 'system' FROM reference_items WHERE kind <> 'model';
  `,
};

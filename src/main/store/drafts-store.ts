import { type Draft, draftSchema } from '../../shared/contract/drafts';
import type { Db } from './database';

interface DraftRow {
  id: string;
  kind: string;
  body: string;
  updated_at: string;
  parked_at: string | null;
}

const columns = `id, kind, body, updated_at, parked_at`;

const draftFromRow = (row: DraftRow): Draft =>
  draftSchema.parse({ id: row.id, kind: row.kind, body: JSON.parse(row.body), updatedAt: row.updated_at, parkedAt: row.parked_at });

/**
 * Stores the draft as given (a parked one keeps the time it was first parked), unless its ticket
 * was made already: saves are coalesced, so the last keystrokes' save may reach the core after the
 * ticket did, and it must not bring the draft back. Answers whether the draft was kept.
 */
export function saveDraft(db: Db, draft: Pick<Draft, 'id' | 'kind' | 'body'> & { parked: boolean }, now: string): boolean {
  return (
    db
      .prepare(
        `INSERT INTO drafts (id, kind, body, updated_at, parked_at) VALUES (@id, @kind, @body, @now, @parkedAt)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, body = excluded.body, updated_at = excluded.updated_at,
           parked_at = CASE WHEN excluded.parked_at IS NULL THEN NULL ELSE coalesce(drafts.parked_at, excluded.parked_at) END
         WHERE drafts.closed_at IS NULL`,
      )
      .run({ id: draft.id, kind: draft.kind, body: JSON.stringify(draft.body), now, parkedAt: draft.parked ? now : null }).changes > 0
  );
}

export function getDraft(db: Db, id: string): Draft | null {
  const row = db.prepare<[string], DraftRow>(`SELECT ${columns} FROM drafts WHERE id = ? AND closed_at IS NULL`).get(id);
  return row ? draftFromRow(row) : null;
}

export const listDrafts = (db: Db): Draft[] =>
  db
    .prepare<[], DraftRow>(`SELECT ${columns} FROM drafts WHERE closed_at IS NULL ORDER BY updated_at DESC, id DESC`)
    .all()
    .map(draftFromRow);

/**
 * Closes a draft (its ticket was made, or the agent threw it away): what was typed is deleted and
 * only the id stays, so that a save still on its way changes nothing. Answers whether it was open.
 */
export function discardDraft(db: Db, id: string, now: string): boolean {
  const open = getDraft(db, id) !== null;
  db.prepare(
    `INSERT INTO drafts (id, kind, body, updated_at, closed_at) VALUES (?, 'intake', '{}', ?, ?)
     ON CONFLICT (id) DO UPDATE SET body = '{}', parked_at = NULL, closed_at = coalesce(drafts.closed_at, excluded.closed_at)`,
  ).run(id, now, now);
  return open;
}

/** Deletes drafts (and closed drafts' ids) last saved before `cutoff`; answers how many. */
export const expireDrafts = (db: Db, cutoff: string): number => db.prepare(`DELETE FROM drafts WHERE updated_at < ?`).run(cutoff).changes;

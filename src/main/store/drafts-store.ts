import { type Draft, draftSchema } from '../../shared/contract/drafts';
import type { Db } from './database';

interface DraftRow {
  id: string;
  kind: string;
  body: string;
  updated_at: string;
}

const draftFromRow = (row: DraftRow): Draft =>
  draftSchema.parse({ id: row.id, kind: row.kind, body: JSON.parse(row.body), updatedAt: row.updated_at });

export function saveDraft(db: Db, draft: Omit<Draft, 'updatedAt'>, now: string): void {
  db.prepare(
    `INSERT INTO drafts (id, kind, body, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, body = excluded.body, updated_at = excluded.updated_at`,
  ).run(draft.id, draft.kind, JSON.stringify(draft.body), now);
}

export function getDraft(db: Db, id: string): Draft | null {
  const row = db.prepare<[string], DraftRow>(`SELECT id, kind, body, updated_at FROM drafts WHERE id = ?`).get(id);
  return row ? draftFromRow(row) : null;
}

export const listDrafts = (db: Db): Draft[] =>
  db.prepare<[], DraftRow>(`SELECT id, kind, body, updated_at FROM drafts ORDER BY updated_at DESC, id DESC`).all().map(draftFromRow);

export const discardDraft = (db: Db, id: string): boolean => db.prepare(`DELETE FROM drafts WHERE id = ?`).run(id).changes > 0;

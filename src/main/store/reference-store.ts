import type { ReferenceItem, ReferenceKind } from '../../shared/server-api/reference';
import type { Db } from './database';
import { writeCursor } from './cursor-store';
import { prepared } from './prepared';

export const referenceStream = 'reference';

const memos = new WeakMap<Db, Map<string, unknown>>();

/**
 * Runs `work` with reference reads remembered. A bootstrap page folds thousands of tickets naming
 * the same few hundred districts, streets and categories, and read each of them again for every
 * ticket: 8 % of a bootstrap's time. Reference writes forget what was remembered.
 */
export function withReferenceMemo<T>(db: Db, work: () => T): T {
  if (memos.has(db)) return work();
  memos.set(db, new Map());
  try {
    return work();
  } finally {
    memos.delete(db);
  }
}

function remembered<T>(db: Db, key: string, read: () => T): T {
  const memo = memos.get(db);
  if (!memo) return read();
  if (!memo.has(key)) memo.set(key, read());
  return memo.get(key) as T;
}

/**
 * Stores one page of reference data pulled from the server (newer versions replace older, deleted
 * items go) and moves its cursor, in one transaction.
 */
export function applyReferencePage(db: Db, items: readonly ReferenceItem[], cursor: number, now: string): number {
  memos.get(db)?.clear();
  return db.transaction(() => {
    const upsert = prepared(db, `INSERT INTO reference_data (kind, code, version, body) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, code) DO UPDATE SET version = excluded.version, body = excluded.body
       WHERE excluded.version > reference_data.version`,
    );
    const remove = prepared(db, `DELETE FROM reference_data WHERE kind = ? AND code = ?`);
    for (const item of items) {
      if (item.deleted) remove.run(item.kind, item.code);
      else upsert.run(item.kind, item.code, item.version, JSON.stringify(item.body));
    }
    writeCursor(db, referenceStream, cursor, now);
    return items.length;
  })();
}

export interface StoredReference {
  kind: ReferenceKind;
  code: string;
  body: Record<string, unknown>;
}

export function referenceItems(db: Db, kinds: readonly ReferenceKind[]): StoredReference[] {
  if (kinds.length === 0) return [];
  return db
    .prepare<string[], { kind: ReferenceKind; code: string; body: string }>(
      `SELECT kind, code, body FROM reference_data WHERE kind IN (${kinds.map(() => '?').join(', ')}) ORDER BY kind, code`,
    )
    .all(...kinds)
    .map((row) => ({ kind: row.kind, code: row.code, body: JSON.parse(row.body) as Record<string, unknown> }));
}

/** The Chinese and English names of one item, for search and display; empty if not cached. */
export function referenceNames(db: Db, kind: ReferenceKind, code: string | undefined | null): string[] {
  if (!code) return [];
  return remembered(db, `names ${kind} ${code}`, () => {
    const row = prepared<[string, string], { zh: string | null; en: string | null }>(db, `SELECT body ->> 'zh' AS zh, body ->> 'en' AS en FROM reference_data WHERE kind = ? AND code = ?`).get(kind, code);
    return row ? [row.zh, row.en].filter((n): n is string => typeof n === 'string') : [];
  });
}

/** One cached reference item's body, or null when this cache does not have it. */
export function referenceBody(db: Db, kind: ReferenceKind, code: string): Record<string, unknown> | null {
  return remembered(db, `body ${kind} ${code}`, () => {
    const row = prepared<[string, string], { body: string }>(db, `SELECT body FROM reference_data WHERE kind = ? AND code = ?`).get(kind, code);
    return row ? (JSON.parse(row.body) as Record<string, unknown>) : null;
  });
}

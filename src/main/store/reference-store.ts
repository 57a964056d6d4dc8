import {
  checkReferenceBody,
  checkReferenceEntry,
  entriesOf,
  mapsPerKind,
  type ReferenceBodies,
  type ReferenceEntry,
  type ReferenceKind,
} from '../../shared/domain/reference';
import type { UncheckedReferenceItem } from '../../shared/server-api/reference';
import type { Logger } from '../dispatch';
import type { Db } from './database';
import { writeCursor } from './cursor-store';
import { prepared } from './prepared';

export const referenceStream = 'reference';

/** Reference reads remembered by one connection while a bulk refold runs. */
export interface ReferenceMemo {
  names: Map<string, string[]>;
  bodies: { [K in ReferenceKind]: Map<string, ReferenceBodies[K] | null> };
}

const emptyMemo = (): ReferenceMemo => ({
  names: new Map(),
  bodies: mapsPerKind(),
});

/**
 * Runs `work` with reference reads remembered. A bootstrap page folds thousands of tickets naming
 * the same few hundred districts, streets and categories, and read each of them again for every
 * ticket: 8 % of a bootstrap's time. Reference writes forget what was remembered.
 */
export function withReferenceMemo<T>(db: Db, work: () => T): T {
  if (db.caches.reference) return work();
  db.caches.reference = emptyMemo();
  try {
    return work();
  } finally {
    db.caches.reference = null;
  }
}

export interface ReferenceRefusal {
  kind: string;
  code: string;
  reason: string;
}

/**
 * Stores one page of reference data pulled from the server (newer versions replace older, deleted
 * items go) and moves its cursor, in one transaction. Each item is checked against its kind's
 * schema first: one this version cannot read is refused on its own (the cached version, if any,
 * stays in use) and the rest of the page is stored. The body is kept as the server sent it, so
 * fields a later version reads are there after an update.
 */
export function applyReferencePage(
  db: Db,
  items: readonly UncheckedReferenceItem[],
  cursor: number,
  now: string,
  log: Pick<Logger, 'error'> = console,
): { stored: number; refused: ReferenceRefusal[] } {
  if (db.caches.reference) db.caches.reference = emptyMemo();
  const refused: ReferenceRefusal[] = [];
  const stored = db.transaction(() => {
    const upsert = prepared(
      db,
      `INSERT INTO reference_data (kind, code, version, body) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, code) DO UPDATE SET version = excluded.version, body = excluded.body
       WHERE excluded.version > reference_data.version`,
    );
    const remove = prepared(db, `DELETE FROM reference_data WHERE kind = ? AND code = ?`);
    let count = 0;
    for (const item of items) {
      if (item.deleted) {
        remove.run(item.kind, item.code);
        count++;
        continue;
      }
      const check = checkReferenceEntry(item);
      if (!check.ok) {
        refused.push({ kind: item.kind, code: item.code, reason: check.reason });
        continue;
      }
      upsert.run(item.kind, item.code, item.version, JSON.stringify(item.body));
      count++;
    }
    writeCursor(db, referenceStream, cursor, now);
    return count;
  })();
  for (const r of refused) {
    log.error(
      `[sync] reference ${r.kind} ${r.code} version refused, the cached one stays in use: ${r.reason}. Update the workstation if the server is newer.`,
    );
  }
  return { stored, refused };
}

/** The cached items of some kinds, each read through its kind's schema (one that does not pass is left out). */
export function referenceItems<K extends ReferenceKind>(db: Db, kinds: readonly K[]): Extract<ReferenceEntry, { kind: K }>[] {
  if (kinds.length === 0) return [];
  const rows = db
    .prepare<string[], { kind: string; code: string; body: string }>(
      `SELECT kind, code, body FROM reference_data WHERE kind IN (${kinds.map(() => '?').join(', ')}) ORDER BY kind, code`,
    )
    .all(...kinds);
  const entries: ReferenceEntry[] = [];
  for (const row of rows) {
    const check = checkReferenceEntry({ kind: row.kind, code: row.code, body: JSON.parse(row.body) });
    if (check.ok) entries.push(check.entry);
  }
  return kinds.flatMap((kind) => entriesOf(entries, kind));
}

/** The Chinese and English names of one item, for search and display; empty if not cached. */
export function referenceNames(db: Db, kind: ReferenceKind, code: string | undefined | null): string[] {
  if (!code) return [];
  const read = () => {
    const row = prepared<[string, string], { zh: string | null; en: string | null }>(
      db,
      `SELECT body ->> 'zh' AS zh, body ->> 'en' AS en FROM reference_data WHERE kind = ? AND code = ?`,
    ).get(kind, code);
    return row ? [row.zh, row.en].filter((n): n is string => typeof n === 'string') : [];
  };
  const memo = db.caches.reference;
  if (!memo) return read();
  const key = `${kind} ${code}`;
  let names = memo.names.get(key);
  if (!names) memo.names.set(key, (names = read()));
  return names;
}

/** One cached reference item's body, or null when this cache does not have it (or cannot read it). */
export function referenceBody<K extends ReferenceKind>(db: Db, kind: K, code: string): ReferenceBodies[K] | null {
  const read = () => {
    const row = prepared<[string, string], { body: string }>(db, `SELECT body FROM reference_data WHERE kind = ? AND code = ?`).get(
      kind,
      code,
    );
    const check = row ? checkReferenceBody(kind, JSON.parse(row.body)) : null;
    return check?.ok ? check.body : null;
  };
  const memo = db.caches.reference;
  if (!memo) return read();
  const bodies = memo.bodies[kind];
  if (!bodies.has(code)) bodies.set(code, read());
  return bodies.get(code) ?? null;
}

import {
  checkReferenceEntry,
  type ReferenceEntry,
  referenceIndex,
  type ReferenceKind,
  type ReferenceLookup,
} from '../../shared/domain/reference';
import type { ReferenceItem } from '../../shared/server-api/reference';
import type { referenceChangeActions } from '../../shared/server-api/reference-admin';
import { announce } from '../live/announcements';
import type { Database, Queryable } from '../db/database';
import { anyOf, sql } from '../db/sql';
import type { ReferenceDraft } from './reference-data';

/** Reference items whose bodies do not match their kind's schema: none of the batch was written. */
export class ReferenceBodyError extends Error {
  constructor(readonly refused: readonly { kind: string; code: string; reason: string }[]) {
    super(
      `Reference data refused, nothing written; fix these items and write again: ${refused.map((r) => `${r.kind} ${r.code} (${r.reason})`).join('; ')}`,
    );
    this.name = 'ReferenceBodyError';
  }
}

/** Each draft checked against its kind's schema: the checked bodies, or every refusal at once. */
function checked(drafts: readonly ReferenceDraft[]): ReferenceEntry[] {
  const entries: ReferenceEntry[] = [];
  const refused: { kind: string; code: string; reason: string }[] = [];
  for (const draft of drafts) {
    const check = checkReferenceEntry(draft);
    if (check.ok) entries.push(check.entry);
    else refused.push({ kind: draft.kind, code: draft.code, reason: check.reason });
  }
  if (refused.length > 0) throw new ReferenceBodyError(refused);
  return entries;
}

/** A stored row read back through its kind's schema; rows written before the check may not pass. */
export type RowRefusal = (item: { kind: string; code: string; reason: string }) => void;

function readable<R extends { kind: string; code: string; body: unknown }>(rows: readonly R[], refused: RowRefusal | undefined) {
  const out: { row: R; entry: ReferenceEntry }[] = [];
  for (const row of rows) {
    const check = checkReferenceEntry(row);
    if (check.ok) out.push({ row, entry: check.entry });
    else refused?.({ kind: row.kind, code: row.code, reason: check.reason });
  }
  return out;
}

/** What a write did to an item, as its history says it. */
export type ReferenceAction = (typeof referenceChangeActions)[number];

/** One item to write and what writing it does (created, changed, retired …). */
export interface ReferenceWrite {
  entry: ReferenceEntry;
  action: ReferenceAction;
}

/**
 * The reference version under a row lock: every writer of reference data takes it first, so
 * versions are given in commit order and a check made under it sees every earlier write.
 */
export async function lockReferenceVersion(tx: Queryable): Promise<number> {
  const [counter] = await tx.query<{ value: number }>(sql`SELECT value FROM counters WHERE name = 'reference_version' FOR UPDATE`);
  return Number(counter!.value);
}

/**
 * Writes items under the lock taken by `lockReferenceVersion` (`from` is what it read): each gets
 * the next version, its history row says who did what, and every live socket is told on commit.
 * Returns the last version given.
 */
export async function writeReferenceVersions(
  tx: Queryable,
  from: number,
  writes: readonly ReferenceWrite[],
  actor: string,
): Promise<number> {
  if (writes.length === 0) return from;
  let version = from;
  const versions = writes.map(() => ++version);
  const kinds = writes.map((w) => w.entry.kind);
  const codes = writes.map((w) => w.entry.code);
  const bodies = writes.map((w) => JSON.stringify(w.entry.body));
  await tx.query(
    sql`INSERT INTO reference_items (kind, code, version, deleted, body)
       SELECT kind, code, version, false, body::jsonb
       FROM unnest(${kinds}::text[], ${codes}::text[], ${versions}::bigint[], ${bodies}::text[]) AS t (kind, code, version, body)
       ON CONFLICT (kind, code) DO UPDATE SET version = excluded.version, deleted = false, body = excluded.body`,
  );
  // The classifier's model is megabytes and retrained each night: only the one in use is kept, no history of it.
  await tx.query(
    sql`INSERT INTO reference_changes (version, kind, code, action, body, changed_by)
       SELECT version, kind, code, action, body::jsonb, ${actor}
       FROM unnest(${versions}::bigint[], ${kinds}::text[], ${codes}::text[], ${writes.map((w) => w.action)}::text[], ${bodies}::text[])
         AS t (version, kind, code, action, body)
       WHERE kind <> 'model'`,
  );
  await tx.query(sql`UPDATE counters SET value = ${version} WHERE name = 'reference_version'`);
  await announce(tx, 'reference', String(version));
  return version;
}

/** Whether two bodies say the same (jsonb does not keep key order). */
export const sameBody = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Writes reference items, giving a new version only to those whose body changed, so a workstation
 * pulls just the difference; the history names `actor` (the system for names and models). Returns how many changed.
 */
export async function upsertReference(db: Database, unchecked: readonly ReferenceDraft[], actor = 'system'): Promise<number> {
  const drafts = checked(unchecked);
  return db.transaction(async (tx) => {
    const version = await lockReferenceVersion(tx);
    const current = await tx.query<{ kind: string; code: string; body: unknown; deleted: boolean }>(
      sql`SELECT kind, code, body, deleted FROM reference_items WHERE kind = ${anyOf([...new Set(drafts.map((d) => d.kind))], 'text')}`,
    );
    const existing = new Map(current.map((r) => [`${r.kind}/${r.code}`, r]));
    const writes: ReferenceWrite[] = [];
    for (const entry of drafts) {
      const old = existing.get(`${entry.kind}/${entry.code}`);
      if (!old || old.deleted) writes.push({ entry, action: 'created' });
      else if (!sameBody(old.body, entry.body)) writes.push({ entry, action: 'changed' });
    }
    await writeReferenceVersions(tx, version, writes, actor);
    return writes.length;
  });
}

/** jsonb does not keep key order; compare bodies with sorted keys. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/**
 * The items changed after a version, each checked against its kind's schema: a row that does not
 * pass is left out of the page (and reported), the others are served, and the cursor moves past it.
 */
export async function referenceAfter(db: Queryable, after: number, limit: number, refused?: RowRefusal) {
  const [head] = await db.query<{ value: number }>(sql`SELECT value FROM counters WHERE name = 'reference_version'`);
  const rows = await db.query<{ kind: string; code: string; version: number; deleted: boolean; body: unknown }>(
    sql`SELECT kind, code, version, deleted, body FROM reference_items
        WHERE version > ${after} AND version <= ${head!.value} ORDER BY version LIMIT ${limit}`,
  );
  const full = rows.length === limit;
  const items: ReferenceItem[] = readable(rows, refused).map(({ row, entry }) => ({
    ...entry,
    version: row.version,
    deleted: row.deleted,
  }));
  return { items, cursor: full ? rows[rows.length - 1]!.version : head!.value, hasMore: full };
}

/** Bodies of the current items of some kinds, looked up by kind and code: one query, a few hundred rows. */
export async function referenceLookup<K extends ReferenceKind>(
  db: Queryable,
  kinds: readonly K[],
  refused?: RowRefusal,
): Promise<ReferenceLookup<K>> {
  const rows = await db.query<{ kind: string; code: string; body: unknown }>(
    sql`SELECT kind, code, body FROM reference_items WHERE kind = ${anyOf(kinds, 'text')} AND NOT deleted`,
  );
  return lookupOf(rows, refused);
}

/** Reference rows read from any query, checked and indexed by kind and code. */
export const lookupOf = (rows: readonly { kind: string; code: string; body: unknown }[], refused?: RowRefusal): ReferenceLookup =>
  referenceIndex(readable(rows, refused).map(({ entry }) => entry));
/** Whether a unit of that code exists and is not deleted. */
export async function unitExists(db: Queryable, code: string): Promise<boolean> {
  const rows = await db.query(sql`SELECT 1 FROM reference_items WHERE kind = 'unit' AND code = ${code} AND NOT deleted`);
  return rows.length > 0;
}

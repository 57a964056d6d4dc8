import type { ReferenceItem, ReferenceKind } from '../../shared/server-api/reference';
import type { Database, Queryable } from '../db/database';
import { anyOf, sql } from '../db/sql';
import type { ReferenceDraft } from './reference-data';

/**
 * Writes reference items, giving a new version only to those whose body changed, so a workstation
 * pulls just the difference. Returns how many changed.
 */
export async function upsertReference(db: Database, drafts: readonly ReferenceDraft[]): Promise<number> {
  return db.transaction(async (tx) => {
    const [counter] = await tx.query<{ value: number }>(sql`SELECT value FROM counters WHERE name = 'reference_version' FOR UPDATE`);
    const current = await tx.query<{ kind: string; code: string; body: unknown; deleted: boolean }>(
      sql`SELECT kind, code, body, deleted FROM reference_items`,
    );
    const existing = new Map(current.map((r) => [`${r.kind}/${r.code}`, r]));
    let version = counter!.value;
    const changed = drafts.filter((d) => {
      const old = existing.get(`${d.kind}/${d.code}`);
      return !old || old.deleted || JSON.stringify(canonical(old.body)) !== JSON.stringify(canonical(d.body));
    });
    if (changed.length === 0) return 0;
    await tx.query(
      sql`INSERT INTO reference_items (kind, code, version, deleted, body)
       SELECT kind, code, version, false, body::jsonb
       FROM unnest(${changed.map((d) => d.kind)}::text[], ${changed.map((d) => d.code)}::text[], ${changed.map(() => ++version)}::bigint[],
         ${changed.map((d) => JSON.stringify(d.body))}::text[]) AS t (kind, code, version, body)
       ON CONFLICT (kind, code) DO UPDATE SET version = excluded.version, deleted = false, body = excluded.body`,
    );
    await tx.query(sql`UPDATE counters SET value = ${version} WHERE name = 'reference_version'`);
    return changed.length;
  });
}

/** jsonb does not keep key order; compare bodies with sorted keys. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

export async function referenceAfter(db: Queryable, after: number, limit: number) {
  const [head] = await db.query<{ value: number }>(sql`SELECT value FROM counters WHERE name = 'reference_version'`);
  const rows = await db.query<{ kind: ReferenceItem['kind']; code: string; version: number; deleted: boolean; body: Record<string, unknown> }>(
    sql`SELECT kind, code, version, deleted, body FROM reference_items
        WHERE version > ${after} AND version <= ${head!.value} ORDER BY version LIMIT ${limit}`,
  );
  const full = rows.length === limit;
  return { items: rows satisfies ReferenceItem[], cursor: full ? rows[rows.length - 1]!.version : head!.value, hasMore: full };
}

/** Bodies of the current items of some kinds, looked up by kind and code: one query, a few hundred rows. */
export async function referenceLookup(db: Queryable, kinds: readonly ReferenceKind[]): Promise<(kind: ReferenceKind, code: string) => Record<string, unknown> | undefined> {
  const rows = await db.query<{ kind: string; code: string; body: Record<string, unknown> }>(
    sql`SELECT kind, code, body FROM reference_items WHERE kind = ${anyOf(kinds, 'text')} AND NOT deleted`,
  );
  const byKey = new Map(rows.map((r) => [`${r.kind}:${r.code}`, r.body]));
  return (kind, code) => byKey.get(`${kind}:${code}`);
}

/** Whether a unit of that code exists and is not deleted. */
export async function unitExists(db: Queryable, code: string): Promise<boolean> {
  const rows = await db.query(sql`SELECT 1 FROM reference_items WHERE kind = 'unit' AND code = ${code} AND NOT deleted`);
  return rows.length > 0;
}

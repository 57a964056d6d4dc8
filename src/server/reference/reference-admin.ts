/**
 * The administrator's reference data: listed with who changed each item last, saved one at a time
 * against the version the admin edited, imported many at once, and every version kept. Items are
 * never deleted (a category or unit is retired with `active: false`, and tickets that name it keep
 * showing its name), and a code never changes: a rename is a new body under the same code.
 */
import { checkReferenceEntry, type ReferenceEntry, type ReferenceKind } from '../../shared/domain/reference';
import {
  type AdminReferenceItem,
  editableKinds,
  type ReferenceImportResult,
  type ReferenceSave,
  type ReferenceVersion,
} from '../../shared/server-api/reference-admin';
import { AppError, type FieldIssue } from '../../shared/result';
import type { Database, Queryable } from '../db/database';
import { anyOf, sql } from '../db/sql';
import { actionOf, checkEntry, type ImportRow, kindsChecksRead, normalized, ReferenceSet } from './reference-checks';
import { lockReferenceVersion, type ReferenceWrite, sameBody, writeReferenceVersions } from './reference-store';

interface ItemRow {
  kind: string;
  code: string;
  version: number;
  body: unknown;
  changed_by: string | null;
  changed_at: Date | null;
}

const itemOf = (row: ItemRow): AdminReferenceItem | null => {
  const check = checkReferenceEntry(row);
  return check.ok
    ? { entry: check.entry, version: Number(row.version), changedBy: row.changed_by, changedAt: row.changed_at?.toISOString() ?? null }
    : null;
};

async function itemRows(db: Queryable, kinds: readonly ReferenceKind[], code?: string): Promise<ItemRow[]> {
  return db.query<ItemRow>(
    sql`SELECT r.kind, r.code, r.version, r.body, c.changed_by, c.changed_at
        FROM reference_items r LEFT JOIN reference_changes c ON c.version = r.version
        WHERE r.kind = ${anyOf(kinds, 'text')} AND NOT r.deleted ${code === undefined ? sql`` : sql`AND r.code = ${code}`}
        ORDER BY r.kind, r.code`,
  );
}

/** Every item of one kind, retired and draft ones too, by code. A row this build cannot read is left out. */
export async function listReference(db: Queryable, kind: ReferenceKind): Promise<AdminReferenceItem[]> {
  return (await itemRows(db, [kind])).map(itemOf).filter((item): item is AdminReferenceItem => item !== null);
}

/** A stored category's SLA class (null: none given), or undefined when there is no such category. */
export async function categoryClass(db: Queryable, code: string): Promise<string | null | undefined> {
  const rows = await db.query<{ sla: string | null }>(
    sql`SELECT body->>'sla' AS sla FROM reference_items WHERE kind = 'category' AND code = ${code} AND NOT deleted`,
  );
  return rows.length === 0 ? undefined : rows[0]!.sla;
}

/** Every version of one item, newest first. */
export async function referenceHistory(db: Queryable, kind: ReferenceKind, code: string): Promise<ReferenceVersion[]> {
  const rows = await db.query<{ version: number; action: ReferenceVersion['action']; body: unknown; changed_by: string; changed_at: Date }>(
    sql`SELECT version, action, body, changed_by, changed_at FROM reference_changes
        WHERE kind = ${kind} AND code = ${code} ORDER BY version DESC`,
  );
  return rows.flatMap((row) => {
    const check = checkReferenceEntry({ kind, code, body: row.body });
    if (!check.ok) return [];
    return [
      {
        version: Number(row.version),
        action: row.action,
        entry: check.entry,
        changedBy: row.changed_by,
        changedAt: row.changed_at.toISOString(),
      },
    ];
  });
}

/** The items the checks of these kinds look at, as stored now (read under the version lock). */
async function storedSet(
  tx: Queryable,
  kinds: readonly ReferenceKind[],
): Promise<{ set: ReferenceSet; stored: Map<string, AdminReferenceItem> }> {
  const rows = await itemRows(tx, [...new Set([...kindsChecksRead, ...kinds])]);
  const items = rows.map(itemOf).filter((item): item is AdminReferenceItem => item !== null);
  return {
    set: new ReferenceSet(items.map((i) => i.entry)),
    stored: new Map(items.map((i) => [`${i.entry.kind}/${i.entry.code}`, i])),
  };
}

const isEditable = (kind: ReferenceKind) => editableKinds.some((k) => k === kind);

function conflict(kind: string, code: string, item: AdminReferenceItem | undefined, expected: number | null): AppError {
  if (!item)
    return new AppError('conflict', `There is no ${kind} ${code} to change (it was never saved); reload the list and create it anew.`);
  if (expected === null)
    return new AppError(
      'conflict',
      `A ${kind} with the code ${code} exists already; reload it and change that one, or choose another code.`,
    );
  const who = item.changedBy ?? 'someone';
  const when = item.changedAt ?? 'earlier';
  return new AppError(
    'conflict',
    `${who} saved ${kind} ${code} at ${when} (version ${item.version}) after you opened version ${expected}; reload it, and make your change again on theirs.`,
  );
}

/**
 * Saves one item: refused when it is not the version the admin edited (`expectedVersion`, null for
 * a new item) or when the checks find a wrong field; a save that changes nothing writes nothing.
 */
export async function saveReference(db: Database, save: ReferenceSave, actor: string): Promise<AdminReferenceItem> {
  const { kind, code } = save.entry;
  if (!isEditable(kind))
    throw new AppError('invalid_input', `${kind} items are made by the server, not edited; choose another kind.`, [
      { path: 'entry.kind', message: `not editable (${editableKinds.join(', ')})` },
    ]);
  return db.transaction(async (tx) => {
    const version = await lockReferenceVersion(tx);
    const { set, stored } = await storedSet(tx, [kind]);
    const old = stored.get(`${kind}/${code}`);
    if ((old?.version ?? null) !== save.expectedVersion) throw conflict(kind, code, old, save.expectedVersion);
    const entry = normalized(save.entry, set);
    set.put(entry);
    const issues = checkEntry(entry, set).map((i) => ({ path: `entry.${i.path}`, message: i.message }));
    if (issues.length > 0)
      throw new AppError('invalid_input', `Not saved: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, issues);
    if (old && sameBody(old.entry.body, entry.body)) return old;
    const written = await writeReferenceVersions(tx, version, [{ entry, action: actionOf(entry, old?.entry) }], actor);
    return { entry, version: written, changedBy: actor, changedAt: await committedAt(tx, written) };
  });
}

async function committedAt(tx: Queryable, version: number): Promise<string> {
  const [row] = await tx.query<{ changed_at: Date }>(sql`SELECT changed_at FROM reference_changes WHERE version = ${version}`);
  return row!.changed_at.toISOString();
}

/**
 * Imports items (a CSV's rows, the built-in catalogue): every row is checked first, against what is
 * stored and the other rows, and one wrong row refuses them all with its line. With `apply`, every
 * changed row is written in one transaction; rows that say what is stored already are left as they are.
 */
export async function importReference(
  db: Database,
  rows: readonly ImportRow[],
  actor: string,
  apply: boolean,
): Promise<ReferenceImportResult> {
  const kinds = [...new Set(rows.flatMap((r) => ('entry' in r ? [r.entry.kind] : [])))];
  return db.transaction(async (tx) => {
    const version = await lockReferenceVersion(tx);
    const { set, stored } = await storedSet(tx, kinds);
    const problems: FieldIssue[] = [];
    const seen = new Map<string, number>();
    const entries: { line: number; entry: ReferenceEntry }[] = [];
    for (const row of rows) {
      if ('problem' in row) {
        problems.push({ path: `line ${row.line}`, message: row.problem });
        continue;
      }
      const key = `${row.entry.kind}/${row.entry.code}`;
      const earlier = seen.get(key);
      if (earlier !== undefined)
        problems.push({ path: `line ${row.line}`, message: `code ${row.entry.code} is on line ${earlier} already` });
      seen.set(key, row.line);
      if (!isEditable(row.entry.kind))
        problems.push({ path: `line ${row.line}`, message: `${row.entry.kind} items are made by the server` });
      entries.push(row);
    }
    // Streets before the checks read their district's name: each row sees every other row.
    for (const row of entries) set.put(row.entry);
    const writes: ReferenceWrite[] = [];
    let unchanged = 0;
    for (const row of entries) {
      const entry = normalized(row.entry, set);
      set.put(entry);
      for (const issue of checkEntry(entry, set)) problems.push({ path: `line ${row.line}`, message: `${issue.path}: ${issue.message}` });
      const old = stored.get(`${entry.kind}/${entry.code}`);
      if (old && sameBody(old.entry.body, entry.body)) unchanged += 1;
      else writes.push({ entry, action: old ? 'imported' : 'created' });
    }
    if (problems.length > 0) {
      const shown = problems.slice(0, 20).map((p) => `${p.path}: ${p.message}`);
      const more = problems.length > shown.length ? ` (and ${problems.length - shown.length} more)` : '';
      throw new AppError(
        'invalid_input',
        `Nothing was imported; correct these rows and import again: ${shown.join('; ')}${more}.`,
        problems,
      );
    }
    const created = writes.filter((w) => w.action === 'created').length;
    if (apply) await writeReferenceVersions(tx, version, writes, actor);
    return { rows: rows.length, created, changed: writes.length - created, unchanged, applied: apply };
  });
}

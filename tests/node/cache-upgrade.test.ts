import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Core, databaseFile, ownerOnlyCacheKey } from '../../src/main/core';
import { type Db, withCaches } from '../../src/main/store/database';
import { migrate, schemaVersion } from '../../src/main/store/migrate';
import { migrations } from '../../src/main/store/migrations';
import { indexTicket, searchDocumentOf } from '../../src/main/store/search-index';
import { getTicket } from '../../src/main/store/ticket-store';
import { ticketSchema } from '../../src/shared/domain/ticket';
import { fillCache, ok, openFixedCore } from './filled-cache';
import { signInHere } from '../support/sign-in';
import { tempDir } from '../support/temp-dir';

type Row = Record<string, unknown>;
type Snapshot = Map<string, Row[]>;

/** The ordinary tables of a cache (FTS tables and their shadow tables are derived, see `fillVirtual`). */
function plainTables(db: Database.Database): string[] {
  const all = db
    .prepare<[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid`,
    )
    .all();
  const virtual = all.filter((t) => /^CREATE VIRTUAL TABLE/i.test(t.sql)).map((t) => t.name);
  return all.map((t) => t.name).filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

const virtualTables = (db: Database.Database) =>
  db
    .prepare<[], { name: string }>(`SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`)
    .all()
    .map((t) => t.name);

const columnsOf = (db: Database.Database, table: string) =>
  db
    .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
    .all()
    .map((c) => c.name);

// Rows sorted by content: a copied table need not keep the order its rows were first written in.
const sorted = (rows: Row[]) =>
  rows
    .map((row) => [JSON.stringify(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, row]) => row);
const snapshot = (db: Database.Database): Snapshot =>
  new Map(plainTables(db).map((t) => [t, sorted(db.prepare<[], Row>(`SELECT * FROM "${t}"`).all())]));

/**
 * Virtual tables cannot be copied (a contentless FTS index gives no text back): each is rebuilt as
 * the release that had it would have built it. A migration adding another must add its filler here.
 */
const fillVirtual: Record<string, (db: Db) => void> = {
  ticket_search: (db) => {
    for (const { id } of db.prepare<[], { id: string }>(`SELECT id FROM tickets`).all()) {
      const doc = searchDocumentOf(db, id);
      if (doc) indexTicket(db, getTicket(db, id)!, doc);
    }
  },
};

/**
 * Columns a migration adds that no older row can have a value for (a refusal's code was never
 * stored before it had one): an upgraded row holds NULL there, and must read as such.
 */
const addedWithoutValue: Record<string, string[]> = {
  ticket_events: ['reject_code', 'reject_params'],
  drafts: ['parked_at', 'closed_at'],
  calls: ['wrapup_code', 'wrapup_at', 'wrapup_report', 'wrapup_refusal'],
};

/**
 * What a release before a migration stored in a column the migration derives again: the upgrade
 * must give the rows today's value. Before 9, a number in full-width digits had no phone key.
 */
const storedBefore: { version: number; table: string; sql: string }[] = [
  { version: 9, table: 'calls', sql: `UPDATE calls SET phone_key = NULL WHERE from_number GLOB '*[０-９]*'` },
];

/** Settings that mean something only beside a table the cache may not have yet. */
const settingsNeeding: Record<string, string> = { 'search.indexVersion': 'ticket_search' };

/** Everything the current stores answer about the cache, read through the calls the UI makes. */
async function readEverything(core: Core) {
  await signInHere(core);
  const ids = core.db
    .prepare<[], { id: string }>(`SELECT id FROM tickets ORDER BY id`)
    .all()
    .map((t) => t.id);
  const call = core.dispatch;
  return {
    recent: ok(await call('tickets.recent', { limit: 50 })),
    tickets: await Promise.all(ids.map(async (id) => ticketSchema.parse(ok(await call('tickets.get', { id }))))),
    timelines: await Promise.all(ids.map(async (id) => ok(await call('tickets.timeline', { id })))),
    rejections: ok(await call('tickets.rejections', {})),
    searchByWord: ok(await call('tickets.search', { query: '暖气', limit: 50 })),
    searchByPhone: ok(await call('tickets.search', { query: '13912345678', limit: 50 })),
    searchByPhoneAsWritten: await Promise.all(
      ['+86 139 1234 5678', '0086-139-1234-5678', '010-6512 3456', '+86 10 6512 3456'].map(async (query) =>
        ok(await call('tickets.search', { query, limit: 50 })),
      ),
    ),
    caller: ok(await call('callers.history', { phone: '13912345678', limit: 20 })),
    undispatched: ok(await call('tickets.worklist', { kind: 'undispatched', limit: 100 })),
    calls: ok(await call('calls.recent', { limit: 30, missedOnly: false })),
    drafts: ok(await call('drafts.list', {})),
    settings: ok(await call('settings.get', {})),
    sync: ok(await call('sync.status', {})),
  };
}

let filledDir: string;
let filled: Snapshot;
beforeAll(async () => {
  filledDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-filled-'));
  const core = await fillCache(filledDir);
  filled = snapshot(core.db);
  await core.close();
});
afterAll(() => fs.rmSync(filledDir, { recursive: true, force: true }));

/** The latest cache holding exactly what a cache at `version` could hold: rows of later tables removed. */
async function expectedAt(version: number) {
  const dir = tempDir();
  fs.cpSync(filledDir, dir, { recursive: true });
  const scratch = new Database(':memory:');
  migrate(scratch, migrations, version);
  const existing = new Set(plainTables(scratch));
  const absent = Object.entries(addedWithoutValue).flatMap(([table, columns]) =>
    existing.has(table) ? columns.filter((c) => !columnsOf(scratch, table).includes(c)).map((c) => [table, c] as const) : [],
  );
  scratch.close();
  const core = openFixedCore(dir);
  for (const table of plainTables(core.db).filter((t) => !existing.has(t))) core.db.prepare(`DELETE FROM "${table}"`).run();
  for (const [table, column] of absent) core.db.prepare(`UPDATE "${table}" SET "${column}" = NULL`).run();
  const tables = snapshot(core.db);
  const reads = await readEverything(core);
  await core.close();
  return { tables, reads };
}

/** A cache file written at `version`, holding the filled cache's rows in the columns that version had. */
function cacheAt(version: number): string {
  const dir = tempDir();
  const key = ownerOnlyCacheKey(dir);
  const db = withCaches(new Database(databaseFile(dir)));
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  migrate(db, migrations, version);
  expect(schemaVersion(db)).toBe(version);
  const virtual = virtualTables(db);
  db.transaction(() => {
    for (const table of plainTables(db)) {
      const rows = (filled.get(table) ?? []).filter(
        (row) => table !== 'settings' || !(settingsNeeding[row.key as string] && !virtual.includes(settingsNeeding[row.key as string]!)),
      );
      expect(rows.length, `the filled cache has no rows for ${table}: add some in tests/support/filled-cache.ts`).toBeGreaterThan(0);
      const columns = columnsOf(db, table);
      const insert = db.prepare(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      for (const row of rows) insert.run(Object.fromEntries(columns.map((c) => [c, row[c]])));
    }
    const tables = plainTables(db);
    for (const stale of storedBefore) if (version < stale.version && tables.includes(stale.table)) db.prepare(stale.sql).run();
    for (const table of virtual) {
      const fill = fillVirtual[table];
      if (!fill) throw new Error(`no way to fill the virtual table ${table}: add one to fillVirtual`);
      fill(db);
    }
  })();
  db.close();
  return dir;
}

describe('a workstation cache from an earlier release', () => {
  it.each(migrations.slice(0, -1).map((m) => m.version))('upgrades from version %i with every row intact and usable', async (version) => {
    const expected = await expectedAt(version);
    const core = openFixedCore(cacheAt(version));
    try {
      expect(schemaVersion(core.db)).toBe(migrations.length);
      const upgraded = snapshot(core.db);
      for (const [table, rows] of expected.tables) expect(upgraded.get(table), table).toEqual(rows);
      expect([...upgraded.keys()]).toEqual([...expected.tables.keys()]);
      expect(await readEverything(core)).toEqual(expected.reads);

      // And it keeps working: a new note on every ticket, a new ticket, all queued for the server.
      const before = core.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM outbox`).get()!.n;
      for (const ticket of expected.reads.tickets) {
        const noted = await core.dispatch('tickets.addNote', { id: ticket.id, text: '升级后补充说明' });
        expect(noted.ok, JSON.stringify(noted)).toBe(true);
      }
      expect((await core.dispatch('tickets.create', { fields: { ...expected.reads.tickets[0]!.fields } })).ok).toBe(true);
      expect(core.db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM outbox`).get()!.n).toBe(
        before + expected.reads.tickets.length + 1,
      );
    } finally {
      await core.close();
    }
  });
});

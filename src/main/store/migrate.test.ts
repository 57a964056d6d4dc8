import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { countedMigrations } from '../../../tests/support/counted-migrations';
import { tempDir } from '../../../tests/support/temp-dir';
import { newCacheKey } from './cache-key';
import { openDatabase } from './database';
import { DatabaseTooNewError, migrate, schemaVersion } from './migrate';
import { migrations } from './migrations';

const tablesOf = (db: Database.Database) =>
  db.prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name`).all();

const key = newCacheKey();

describe('migrations', () => {
  it('are numbered 1..n with no gap', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  // A database left by every earlier release must upgrade to exactly the schema a new one gets.
  it.each(migrations.map((_, from) => from))('upgrades a database created at version %i to the latest', (from) => {
    const dir = tempDir();
    const fresh = new Database(path.join(dir, 'fresh.sqlite3'));
    migrate(fresh);

    const file = path.join(dir, 'old.sqlite3');
    const old = new Database(file);
    migrate(old, migrations, from);
    expect(schemaVersion(old)).toBe(from);
    old.close();

    const upgraded = openDatabase(file, key);
    expect(schemaVersion(upgraded)).toBe(migrations.length);
    expect(tablesOf(upgraded)).toEqual(tablesOf(fresh));
    upgraded.close();
    fresh.close();
  });

  it('refuses a database written by a newer app and leaves it untouched', () => {
    const file = path.join(tempDir(), 'newer.sqlite3');
    const db = new Database(file);
    db.pragma(`user_version = ${migrations.length + 1}`);
    db.exec('CREATE TABLE from_the_future (x INTEGER) STRICT');
    db.close();

    expect(() => openDatabase(file, key)).toThrow(DatabaseTooNewError);
    const again = new Database(file);
    expect(schemaVersion(again)).toBe(migrations.length + 1);
    expect(tablesOf(again).map((t) => t.name)).toEqual(['from_the_future']);
    again.close();
  });

  it('rolls a failing migration back whole, leaving the last good version', () => {
    const db = new Database(':memory:');
    const broken = [
      ...migrations,
      { version: migrations.length + 1, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;' },
    ];
    expect(() => migrate(db, broken)).toThrow(/no such table/);
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(tablesOf(db).map((t) => t.name)).not.toContain('half_done');
  });

  it('keeps every migration before a failing one in the middle, and finishes the rest once it is fixed', () => {
    const file = path.join(tempDir(), 'middle.sqlite3');
    const middle = Math.ceil(migrations.length / 2);
    const broken = migrations.map((m) =>
      m.version === middle ? { ...m, sql: `CREATE TABLE half_done (x INTEGER); ${m.sql}; SELECT * FROM nowhere;` } : m,
    );
    const db = new Database(file);
    expect(() => migrate(db, broken)).toThrow(/no such table: nowhere/);
    expect(schemaVersion(db)).toBe(middle - 1);
    const reference = new Database(':memory:');
    migrate(reference, migrations, middle - 1);
    expect(tablesOf(db)).toEqual(tablesOf(reference));
    expect(migrate(db)).toBe(migrations.length);
    reference.close();
    db.close();
  });

  it('applies each migration once when several processes open a new cache at the same moment', async () => {
    const file = path.join(tempDir(), 'shared.sqlite3');
    const children = Array.from({ length: 4 }, () =>
      spawn(process.execPath, ['--import', 'tsx', 'tests/support/migrate-cache-child.ts', file], { stdio: ['pipe', 'pipe', 'pipe'] }),
    );
    const outputs = children.map((child) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      return { text: () => text, exit: new Promise<number | null>((resolve) => child.once('exit', resolve)) };
    });
    // Every process loaded and waiting before any starts, so they really race.
    await Promise.all(children.map((child) => new Promise((resolve) => child.stdout.once('data', resolve))));
    for (const child of children) child.stdin.end('go\n');
    const codes = await Promise.all(outputs.map((o) => o.exit));
    expect(codes, outputs.map((o) => o.text()).join('\n')).toEqual([0, 0, 0, 0]);
    const counted = countedMigrations(migrations);
    for (const o of outputs) expect(o.text()).toContain(`version ${counted.length}`);
    const db = new Database(file);
    expect(schemaVersion(db)).toBe(counted.length);
    expect(db.prepare('SELECT count(*) AS n FROM migration_runs').get()).toEqual({ n: 1 });
    db.close();
  });

  it('opens with WAL, foreign keys and full synchronous writes', () => {
    const db = openDatabase(path.join(tempDir(), 'pragmas.sqlite3'), key);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    db.close();
  });

  it('keeps the event log append-only: nothing unconfirmed ever leaves, nothing is ever rewritten', () => {
    const db = openDatabase(path.join(tempDir(), 'append.sqlite3'), key);
    db.prepare(
      `INSERT INTO ticket_events (id, ticket_id, type, at, actor, origin, payload) VALUES ('e1', 't1', 'note', 'x', 'a', 'o', '{}')`,
    ).run();
    expect(() => db.prepare(`DELETE FROM ticket_events`).run()).toThrow(/only events the server has confirmed/);
    expect(() => db.prepare(`UPDATE ticket_events SET payload = '{"x":1}'`).run()).toThrow(/append-only/);
    db.prepare(`UPDATE ticket_events SET status = 'rejected', reject_reason = 'no'`).run();
    expect(() => db.prepare(`DELETE FROM ticket_events`).run()).toThrow(/only events the server has confirmed/);
    db.prepare(`UPDATE ticket_events SET status = 'confirmed', server_seq = 7`).run();
    expect(db.prepare(`SELECT status, server_seq FROM ticket_events`).get()).toEqual({ status: 'confirmed', server_seq: 7 });
    // A confirmed event is safe on the server: a ticket that ages out of the cache may take it along.
    db.prepare(`DELETE FROM ticket_events`).run();
    db.close();
  });
});

import { describe, expect, it } from 'vitest';
import { migrateServer, serverMigrations, splitStatements } from '../../src/server/db/migrate';
import type { Database } from '../../src/server/db/database';
import { openPostgres } from '../../src/server/db/postgres';
import { countedMigrations } from '../support/counted-migrations';
import { type Engine, engines, freshDatabase } from './test-server';

const emptySchema = (db: Database) => db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');

const versions = async (db: Database) =>
  (await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).map((row) => row.version);

const tablesOf = async (db: Database) =>
  (
    await db.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)
  ).map((row) => row.name);

/** The tables a database migrated straight to `version` has. */
async function tablesAt(engine: Engine, version: number): Promise<string[]> {
  const { db } = await freshDatabase(engine);
  await emptySchema(db);
  await migrateServer(db, serverMigrations.slice(0, version));
  const tables = await tablesOf(db);
  await db.close();
  return tables;
}

describe.each(engines)('server migrations on %s', (engine) => {
  it('are a no-op on an up-to-date database and refuse a newer one', async () => {
    const { db } = await freshDatabase(engine);
    expect(await migrateServer(db)).toBe(serverMigrations.length);
    await db.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, 'from the future')`, [serverMigrations.length + 1]);
    await expect(migrateServer(db)).rejects.toThrow(/update the server/);
    await db.close();
  });

  it('roll a failing migration back whole', async () => {
    const { db } = await freshDatabase(engine);
    const broken = [
      ...serverMigrations,
      { version: serverMigrations.length + 1, name: 'broken', sql: 'CREATE TABLE half (x int); SELECT nope FROM nowhere;' },
    ];
    await expect(migrateServer(db, broken)).rejects.toThrow();
    expect(await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`)).toEqual([]);
    expect(await db.query<{ v: number }>(`SELECT max(version) AS v FROM schema_migrations`)).toEqual([{ v: serverMigrations.length }]);
    await db.close();
  });

  it('keep every migration before a failing one in the middle, and finish the rest once it is fixed', async () => {
    const { db } = await freshDatabase(engine);
    await emptySchema(db);
    const middle = Math.ceil(serverMigrations.length / 2);
    const broken = serverMigrations.map((m) =>
      m.version === middle ? { ...m, sql: `CREATE TABLE half (x int); ${m.sql}; SELECT nope FROM nowhere;` } : m,
    );
    await expect(migrateServer(db, broken)).rejects.toThrow(/nowhere/);
    expect(await versions(db)).toEqual(serverMigrations.slice(0, middle - 1).map((m) => m.version));
    expect(await tablesOf(db)).toEqual(await tablesAt(engine, middle - 1));
    expect(await migrateServer(db)).toBe(serverMigrations.length);
    expect(await versions(db)).toEqual(serverMigrations.map((m) => m.version));
    await db.close();
  });

  // PGlite is one embedded session inside one process: only PostgreSQL can have several processes
  // on one database. There, each starter gets its own pool, as a separate server process would.
  it('apply each migration once when several processes start on an empty database at once', async () => {
    const { db, url } = await freshDatabase(engine);
    await emptySchema(db);
    const starters = url ? await Promise.all([1, 2, 3, 4].map(() => openPostgres(url))) : [db, db, db, db];
    const counted = countedMigrations(serverMigrations);
    const results = await Promise.all(starters.map((starter) => migrateServer(starter, counted)));
    expect(results).toEqual(starters.map(() => counted.length));
    expect(await versions(db)).toEqual(counted.map((m) => m.version));
    expect(await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM migration_runs`)).toEqual([{ n: 1 }]);
    if (url) await Promise.all(starters.map((starter) => starter.close()));
    await db.close();
  });

  it('keep the event log append-only', async () => {
    const { db } = await freshDatabase(engine);
    await db.query(
      `INSERT INTO events (seq, id, ticket_id, type, at, actor, origin, payload) VALUES (1, $1, $2, 'note', now(), 'a', 'o', '{}')`,
      ['01a226a3-5c3d-708e-9820-01b8c99f2e18', '01a226a3-5c3d-708e-9820-01b8c99f2e19'],
    );
    for (const sql of [`DELETE FROM events`, `DELETE FROM events WHERE false`, `UPDATE events SET actor = 'b'`, `TRUNCATE events`]) {
      await expect(db.query(sql), sql).rejects.toThrow(/append-only/);
    }
    expect(await db.query(`SELECT actor FROM events`)).toEqual([{ actor: 'a' }]);
    await db.close();
  });
});

describe('splitStatements', () => {
  it('splits on semicolons but not inside $$ bodies or comments', () => {
    expect(
      splitStatements(`CREATE TABLE a (x int); -- a; comment\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nSELECT 2`),
    ).toEqual(['CREATE TABLE a (x int)', 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql', 'SELECT 2']);
  });
});

import { describe, expect, it } from 'vitest';
import { migrateServer, serverMigrations, splitStatements } from '../../src/server/db/migrate';
import { engines, freshDatabase } from './test-server';

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
    const broken = [...serverMigrations, { version: serverMigrations.length + 1, name: 'broken', sql: 'CREATE TABLE half (x int); SELECT nope FROM nowhere;' }];
    await expect(migrateServer(db, broken)).rejects.toThrow();
    expect(await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`)).toEqual([]);
    expect(await db.query<{ v: number }>(`SELECT max(version) AS v FROM schema_migrations`)).toEqual([{ v: serverMigrations.length }]);
    await db.close();
  });

  it('let several processes start on an empty database at once', async () => {
    const { db } = await freshDatabase(engine);
    await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    const results = await Promise.all([migrateServer(db), migrateServer(db), migrateServer(db)]);
    expect(results).toEqual([serverMigrations.length, serverMigrations.length, serverMigrations.length]);
    expect(await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM schema_migrations`)).toEqual([{ n: serverMigrations.length }]);
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
    expect(splitStatements(`CREATE TABLE a (x int); -- a; comment\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\nSELECT 2`)).toEqual([
      'CREATE TABLE a (x int)',
      'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql',
      'SELECT 2',
    ]);
  });
});

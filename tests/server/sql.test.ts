import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { anyOf, constant, empty, join, sql } from '../../src/server/db/sql';
import { visibleTo } from '../../src/server/tickets/visibility';
import type { User } from '../../src/shared/server-api/auth';
import { engines, freshDatabase } from './test-server';

describe('sql fragments', () => {
  it('numbers the placeholders of nested fragments in the order of their values', () => {
    const inner = sql`c = ${'three'} AND d = ${sql`${4}`}`;
    const query = sql`SELECT ${1} WHERE a = ${'two'} AND ${inner} AND e = ${5}`;
    expect(query.text).toBe('SELECT $1 WHERE a = $2 AND c = $3 AND d = $4 AND e = $5');
    expect(query.values).toEqual([1, 'two', 'three', 4, 5]);
    // The same fragment nested twice is numbered anew each time.
    expect(sql`${inner} OR ${inner}`.text).toBe('c = $1 AND d = $2 OR c = $3 AND d = $4');
    expect(inner.text).toBe('c = $1 AND d = $2');
  });

  it('joins fragments with a separator, and nothing to nothing', () => {
    const conditions = [sql`a = ${1}`, sql`b = ${2}`, sql`c IS NULL`];
    expect(join(conditions, sql` AND `).text).toBe('a = $1 AND b = $2 AND c IS NULL');
    expect(join(conditions).values).toEqual([1, 2]);
    expect(join([]).text).toBe('');
    expect(sql`SELECT 1${empty}`.text).toBe('SELECT 1');
    expect(sql`SELECT ${constant('id, name')} FROM t WHERE x = ${'y'}`.text).toBe('SELECT id, name FROM t WHERE x = $1');
  });

  it('refuses to become part of a plain string', () => {
    const fragment = sql`id = ${1}`;
    expect(() => `SELECT * FROM t WHERE ${String(fragment)}`).toThrow(/nest it inside sql/);
  });
});

describe('the unit scope', () => {
  const user = (role: User['role'], unitCode: string | null): User => ({ id: 'u', username: 'u', displayName: 'u', role, unitCode });

  it('lets every role but a unit see every ticket, and a unit only those dispatched to it', () => {
    for (const role of ['agent', 'lead', 'admin'] as const) expect(visibleTo(user(role, null)).text).toBe('TRUE');
    const unit = sql`SELECT id FROM tickets WHERE status = ${'dispatched'} AND ${visibleTo(user('unit', 'street:110101001'))}`;
    expect(unit.text).toBe('SELECT id FROM tickets WHERE status = $1 AND $2 = ANY (unit_codes)');
    expect(unit.values).toEqual(['dispatched', 'street:110101001']);
    // A unit user without a unit matches no ticket rather than every one.
    expect(visibleTo(user('unit', null)).values).toEqual(['']);
  });
});

describe.each(engines)('sql fragments on %s', (engine) => {
  let db: Database;
  beforeAll(async () => {
    db = (await freshDatabase(engine)).db;
  });
  afterAll(() => db.close());

  it('sends every kind of value as a parameter and gets it back', async () => {
    const at = new Date('2026-03-01T08:30:00.123Z');
    const [row] = await db.query<Record<string, unknown>>(
      sql`SELECT ${'北京市 “东城区”'}::text AS text, ${42}::int AS int, ${2.5}::float8 AS float, ${2n ** 40n}::bigint AS big,
          ${true}::boolean AS yes, ${at}::timestamptz AS at, ${null}::text AS nothing,
          ${['a', "b'c", '']}::text[] AS texts, ${[1, 2, 3]}::int[] AS numbers`,
    );
    expect(row).toEqual({
      text: '北京市 “东城区”',
      int: 42,
      float: 2.5,
      big: 2 ** 40,
      yes: true,
      at,
      nothing: null,
      texts: ['a', "b'c", ''],
      numbers: [1, 2, 3],
    });
  });

  it('matches a list with anyOf, and an empty list matches nothing', async () => {
    const ids = ['018f3a6e-0000-7000-8000-000000000001', '018f3a6e-0000-7000-8000-000000000002'];
    const pick = (list: string[]) =>
      db.query<{ id: string }>(sql`SELECT id::text FROM unnest(${ids}::uuid[]) AS t (id) WHERE id = ${anyOf(list, 'uuid')} ORDER BY id`);
    expect(await pick([ids[1]!, '018f3a6e-0000-7000-8000-00000000000f'])).toEqual([{ id: ids[1] }]);
    expect(await pick([])).toEqual([]);
    const [count] = await db.query<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM users WHERE username = ${anyOf(['agent1', 'lead1'], 'text')}`,
    );
    expect(count!.n).toBe(2);
  });

  it('keeps SQL inside values as values', async () => {
    const attacks = ["'; DROP TABLE users; --", "agent1' OR '1'='1", '$1', 'agent1\\', "x'); DELETE FROM users; SELECT ('"];
    for (const attack of attacks) {
      const [echo] = await db.query<{ v: string }>(sql`SELECT ${attack}::text AS v`);
      expect(echo!.v).toBe(attack);
      expect(await db.query(sql`SELECT 1 FROM users WHERE username = ${attack}`)).toEqual([]);
    }
    const [users] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM users`);
    expect(users!.n).toBeGreaterThan(1);
  });
});

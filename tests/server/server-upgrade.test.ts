import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app';
import type { Database } from '../../src/server/db/database';
import { migrateServer, serverMigrations } from '../../src/server/db/migrate';
import { fillMissingDeadlines } from '../../src/server/events/event-rows';
import { fillCentre } from './filled-centre';
import { bearer, engines, freshDatabase, startTestServer, testConfig, type TestServer } from './test-server';

type Row = Record<string, unknown>;
interface Column {
  name: string;
  type: string;
  serial: boolean;
}

const columnsOf = async (db: Database, table: string) =>
  db.query<Column>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, coalesce(pg_get_serial_sequence($1, a.attname) IS NOT NULL, false) AS serial
     FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
    [table],
  );

// In the order they were created, so a table comes after the ones its foreign keys point to.
const tablesOf = async (db: Database) =>
  (
    await db.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname <> 'schema_migrations' ORDER BY oid`,
    )
  ).map((t) => t.name);

const sorted = (rows: Row[]) =>
  rows
    .map((row) => [JSON.stringify(row), row] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, row]) => row);
const pick = (rows: Row[], columns: readonly string[]) => sorted(rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c]]))));

async function snapshot(db: Database): Promise<Map<string, Row[]>> {
  const tables = new Map<string, Row[]>();
  for (const table of await tablesOf(db)) tables.set(table, await db.query<Row>(`SELECT * FROM "${table}"`));
  return tables;
}

/**
 * Columns a migration adds and the upgrade itself fills from what was there (in the migration's SQL
 * or at start-up): after the upgrade they must hold what today's server writes. Other added columns
 * hold data an older server could not have had.
 */
// (`deadline_known` is left out: it only says whether the start-up fill has looked at a ticket, and
// it never looks at closed ones, whose deadline no longer matters.)
const derived: Record<string, string[]> = {
  tickets: ['lead_unit', 'created_by', 'due_stage', 'due_started_at', 'due_at', 'caller_phone_key'],
};

const primaryKeyOf = async (db: Database, table: string) =>
  (
    await db.query<{ name: string }>(
      `SELECT a.attname AS name FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
       WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY a.attnum`,
      [table],
    )
  ).map((c) => c.name);

/** Rows a migration after the database's version puts in `table` itself (a counter it starts), by primary key. */
async function seededLater(db: Database, latest: Map<string, Row[]>, table: string): Promise<(row: Row) => boolean> {
  const key = await primaryKeyOf(db, table);
  const keyOf = (row: Row) => JSON.stringify(key.map((c) => row[c]));
  const now = new Set((await db.query<Row>(`SELECT * FROM "${table}"`)).map(keyOf));
  const later = new Set((latest.get(table) ?? []).map(keyOf).filter((k) => !now.has(k)));
  return (row) => later.has(keyOf(row));
}

/** Writes `rows` as an older server would have left them: only the columns that version had, sequences moved past them. */
async function copyInto(db: Database, table: string, rows: Row[]) {
  const columns = await columnsOf(db, table);
  const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}"`)) as [{ n: number }];
  // Rows the migrations themselves put there (the counters) give way to the centre's own.
  if (n > 0) await db.query(`DELETE FROM "${table}"`);
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  const values = columns.map((c, i) => `$${i + 1}::${c.type}`).join(', ');
  for (const row of rows) {
    await db.query(
      `INSERT INTO "${table}" (${list}) VALUES (${values})`,
      columns.map((c) => (c.type === 'jsonb' ? JSON.stringify(row[c.name]) : row[c.name])),
    );
  }
  for (const c of columns.filter((c) => c.serial)) {
    await db.query(`SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max("${c.name}") FROM "${table}"), 0) + 1, false)`, [
      table,
      c.name,
    ]);
  }
}

type Tokens = Record<'agent1' | 'lead1' | 'admin' | 'unit.jinsong', string>;

/** What the API answers about the centre, asked with the sessions the centre already had. */
async function readEverything(app: FastifyInstance, tokens: Tokens, ticketIds: string[]) {
  const get = async (url: string, token: string) => {
    const response = await app.inject({ url, headers: bearer(token) });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json() as unknown;
  };
  // The audit trail first: the reads below add to it.
  const audit = await Promise.all(ticketIds.slice(0, 3).map((id) => get(`/api/admin/tickets/${id}/audit`, tokens.admin)));
  return {
    audit,
    me: await Promise.all(Object.values(tokens).map((token) => get('/api/auth/me', token))),
    pull: await get('/api/sync/pull?after=0&limit=1000', tokens.agent1),
    list: await get('/api/tickets', tokens.lead1),
    tickets: await Promise.all(ticketIds.map((id) => get(`/api/tickets/${id}`, tokens.lead1))),
    unit: await get('/api/units/tickets', tokens['unit.jinsong']),
    summary: await get('/api/monitor/summary', tokens.lead1),
    switches: await get('/api/admin/cti-switches', tokens.admin),
    keys: await get('/api/admin/open311-keys', tokens.admin),
    reference: await get('/api/reference?after=0&limit=5000', tokens.agent1),
    public: (await app.inject({ url: '/open311/v2/requests.json' })).json() as unknown,
  };
}

/** The tables behind a read beyond those every version had (which it shows only from the version that added them). */
const readsNeed: Partial<Record<keyof Awaited<ReturnType<typeof readEverything>>, string[]>> = {
  audit: ['audit_log'],
  keys: ['open311_keys'],
  switches: ['cti_switches'],
  public: ['open311_public'],
};

describe.each(engines)('a server database from an earlier release on %s', (engine) => {
  let filled: Map<string, Row[]>;
  let tokens: Tokens;
  let ticketIds: string[];
  let reads: Awaited<ReturnType<typeof readEverything>>;
  let server: TestServer | undefined;
  let seeded: Map<string, Row[]>;
  beforeAll(async () => {
    const empty = (await freshDatabase(engine)).db;
    await empty.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
    await migrateServer(empty);
    seeded = await snapshot(empty);
    await empty.close();
    server = await startTestServer(engine);
    await fillCentre(server);
    tokens = {
      agent1: await server.token('agent1'),
      lead1: await server.token('lead1'),
      admin: await server.token('admin'),
      'unit.jinsong': await server.token('unit.jinsong'),
    };
    filled = await snapshot(server.db);
    ticketIds = (await server.db.query<{ id: string }>(`SELECT id FROM tickets ORDER BY official_no`)).map((t) => t.id);
    reads = await readEverything(server.app, tokens, ticketIds);
  });
  afterAll(() => server?.close());

  it.each(serverMigrations.slice(0, -1).map((m) => m.version))(
    'upgrades from version %i with every row intact and every answer the same',
    async (version) => {
      const { db } = await freshDatabase(engine);
      try {
        await db.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
        await migrateServer(db, serverMigrations.slice(0, version));
        const tables = await tablesOf(db);
        const columnsAt = new Map<string, string[]>();
        const isSeededLater = new Map<string, (row: Row) => boolean>();
        for (const table of tables) {
          isSeededLater.set(table, await seededLater(db, seeded, table));
          const rows = (filled.get(table) ?? []).filter((row) => !isSeededLater.get(table)!(row));
          expect(rows.length, `the filled centre has no rows for ${table}: add some in tests/server/filled-centre.ts`).toBeGreaterThan(0);
          columnsAt.set(
            table,
            (await columnsOf(db, table)).map((c) => c.name),
          );
          await copyInto(db, table, rows);
        }

        // Started as the server starts (openServerDatabase): migrate, then fill what SQL could not.
        expect(await migrateServer(db)).toBe(serverMigrations.length);
        await fillMissingDeadlines(db, 'Asia/Shanghai');
        const upgraded = await snapshot(db);
        for (const table of tables) {
          const columns = [...columnsAt.get(table)!, ...(derived[table] ?? []).filter((c) => !columnsAt.get(table)!.includes(c))];
          const keep = (rows: Row[]) => rows.filter((row) => !isSeededLater.get(table)!(row));
          expect(pick(keep(upgraded.get(table)!), columns), table).toEqual(pick(keep(filled.get(table)!), columns));
          const started = upgraded.get(table)!.filter(isSeededLater.get(table)!);
          expect(pick(started, columns), `${table}: rows a later migration starts`).toEqual(
            pick(seeded.get(table)!.filter(isSeededLater.get(table)!), columns),
          );
        }

        const app = await buildServer({ db, config: testConfig(), logger: false });
        try {
          const answers = await readEverything(app, tokens, ticketIds);
          for (const [name, answer] of Object.entries(answers) as [keyof typeof answers, unknown][]) {
            // What a table the old database did not have would have held cannot be there.
            if ((readsNeed[name] ?? []).every((table) => tables.includes(table))) expect(answer, name).toEqual(reads[name]);
          }
        } finally {
          await app.close();
        }
      } finally {
        await db.close();
      }
    },
  );
});

import type { Database } from 'better-sqlite3-multiple-ciphers';

/**
 * Every row of every table, for proving that a refused call changed nothing: compare before and
 * after. Rows are ordered by all their columns so the comparison is exact. Virtual tables (the
 * search index) are read through their shadow tables, which hold what they store.
 */
export function dbState(db: Database): Record<string, unknown[]> {
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
    )
    .all();
  return Object.fromEntries(
    tables.map(({ name }) => {
      const columns = db.prepare<[string], { name: string }>(`SELECT name FROM pragma_table_info(?)`).all(name);
      const order = columns.map((c) => `"${c.name}"`).join(', ');
      return [name, db.prepare(`SELECT * FROM "${name}" ORDER BY ${order}`).all()];
    }),
  );
}
